/**
 * Sections, tags and authors as lists: the newsroom's (every article
 * counted), the public's (published articles only, as the Content API
 * shows them) and the search form's section names.
 */
import type { Section } from '../domain/article.js';
import type { PublicAuthor, SectionWithCount, TagWithCount } from '../domain/taxonomy.js';
import { listSectionNames, listSections } from '../storage/repositories/sections.repository.js';
import { listTags } from '../storage/repositories/tags.repository.js';
import { listPublicAuthors } from '../storage/repositories/users.repository.js';
import type { ReadDeps } from './read-pages.js';

/** What the public may see, or everything (the newsroom). */
export type Audience = 'public' | 'newsroom';

/**
 * Every section with its number of articles, by name: for the newsroom,
 * every section and every article; for the public, published articles
 * only, and only sections that have one. Reads every article: not for
 * pages readers ask for at speed.
 */
export function sectionsWithCounts(
  deps: ReadDeps,
  audience: Audience,
): Promise<SectionWithCount[]> {
  return listSections(deps.database.db, { publishedOnly: audience === 'public' });
}

/**
 * Every tag with its number of articles, by name: for the newsroom, every
 * tag and every article; for the public, published articles only, and only
 * tags that have one (a tag of drafts alone stays unseen).
 */
export function tagsWithCounts(deps: ReadDeps, audience: Audience): Promise<TagWithCount[]> {
  return listTags(deps.database.db, { publishedOnly: audience === 'public' });
}

/** Everyone with a byline on a published article (deactivated users too), by name. */
export function publicAuthors(deps: ReadDeps): Promise<PublicAuthor[]> {
  return listPublicAuthors(deps.database.db);
}

/** Every section, by name, without counting articles (the search form's list). */
export function sectionNames(deps: ReadDeps): Promise<Section[]> {
  return listSectionNames(deps.database.db);
}
