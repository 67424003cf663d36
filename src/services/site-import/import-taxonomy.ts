/**
 * A site export's authors, categories and tags stored before its posts:
 * authors become inactive newsroom accounts (bylines that cannot sign
 * in), categories sections (parents first, so a nested category keeps its
 * parent), tags tags. Each is matched to what the site already has, so a
 * re-import creates nothing twice.
 */
import { slugify } from '../../arabic/slug.js';
import { fitGraphemes } from '../../arabic/truncate.js';
import type { FeedOwner } from '../../domain/feed-path.js';
import type {
  SiteAuthor,
  SiteCategory,
  SiteExport,
  SiteFeedPath,
  SiteTag,
} from '../../domain/site-import.js';
import { cleanLine, cleanText, FIELD_LIMITS } from '../../domain/field-limits.js';
import type { Db } from '../../storage/db.js';
import {
  ensureSiteSection,
  ensureSiteTag,
  findUserByEmailOrSlug,
  insertImportedAuthor,
  userFieldTaken,
} from '../../storage/repositories/site-import.repository.js';
import { NO_PASSWORD_HASH } from '../import-archive.js';
import type { SiteImportReport } from './site-import-report.js';

/** What the posts need of the stored taxonomy: ids and slugs by the export's keys. */
export interface StoredTaxonomy {
  /** Author key → user id. */
  authors: Map<string, { id: string; slug: string }>;
  /** Category key → section id and slug. */
  sections: Map<string, { id: string; slug: string }>;
  /** Tag key → tag id and slug. */
  tags: Map<string, { id: string; slug: string }>;
  /** Category key → tag id and slug, made when a post carries it as a second category. */
  categoryTags: Map<string, { id: string; slug: string }>;
}

/** The first of `base`, `base-2`, `base-3`… for which `taken` is false. */
async function firstFree(
  base: string,
  taken: (value: string) => Promise<boolean>,
): Promise<string> {
  for (let n = 1; ; n++) {
    const value = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(value))) return value;
  }
}

/**
 * The name cut to `max` characters (code points; an old site may have
 * longer names than the newsroom allows), never inside a grapheme.
 */
function within(name: string, max: number): string {
  return fitGraphemes(cleanLine(name), { maxCodePoints: max });
}

async function storeAuthor(
  db: Db,
  author: SiteAuthor,
  report: SiteImportReport,
  now: Date,
): Promise<{ id: string; slug: string }> {
  const slug =
    slugify(author.slug) || slugify(author.displayName) || slugify(author.key) || 'author';
  const found = await findUserByEmailOrSlug(db, author.email, slug);
  if (found) {
    report.authors.existing++;
    return found;
  }
  const freeSlug = await firstFree(slug, (s) => userFieldTaken(db, 'slug', s));
  // An author without an address gets one that can never receive mail (RFC 2606 `.invalid`).
  const email =
    author.email ??
    (await firstFree(`${freeSlug}@imported.invalid`, (e) => userFieldTaken(db, 'email', e)));
  const id = await insertImportedAuthor(
    db,
    {
      email,
      displayName: within(author.displayName || author.key, FIELD_LIMITS.userName),
      slug: freeSlug,
      bio: cleanText(author.bio).trim(),
      passwordHash: NO_PASSWORD_HASH,
    },
    now,
  );
  report.authors.created++;
  return { id, slug: freeSlug };
}

/** Categories ordered so that a parent always comes before its children (a cycle is cut). */
function parentsFirst(categories: readonly SiteCategory[]): SiteCategory[] {
  const byKey = new Map(categories.map((c) => [c.key, c]));
  const ordered: SiteCategory[] = [];
  const placed = new Set<string>();
  const place = (category: SiteCategory, seen: Set<string>) => {
    if (placed.has(category.key) || seen.has(category.key)) return;
    seen.add(category.key);
    const parent = category.parentKey === null ? undefined : byKey.get(category.parentKey);
    if (parent) place(parent, seen);
    placed.add(category.key);
    ordered.push(category);
  };
  for (const category of categories) place(category, new Set());
  return ordered;
}

async function storeSections(
  db: Db,
  categories: readonly SiteCategory[],
  report: SiteImportReport,
  now: Date,
): Promise<Map<string, { id: string; slug: string }>> {
  const sections = new Map<string, { id: string; slug: string }>();
  for (const category of parentsFirst(categories)) {
    const name = within(category.name || category.slug, FIELD_LIMITS.sectionName);
    const slug = slugify(category.slug) || slugify(name) || 'section';
    const parentId =
      category.parentKey === null ? null : (sections.get(category.parentKey)?.id ?? null);
    const { section, created } = await ensureSiteSection(
      db,
      { slug, name, parentId, description: cleanText(category.description).trim() },
      now,
    );
    report.sections[created ? 'created' : 'existing']++;
    sections.set(category.key, { id: section.id, slug: section.slug });
  }
  return sections;
}

async function storeTag(
  db: Db,
  tag: Pick<SiteTag, 'name' | 'slug'>,
): Promise<{ id: string; slug: string; created: boolean }> {
  const name = within(tag.name || tag.slug, FIELD_LIMITS.tag);
  return ensureSiteTag(db, { slug: slugify(tag.slug) || slugify(name) || 'tag', name });
}

/**
 * Stores the export's authors, categories (as sections) and tags, and the
 * categories as tags for posts that carry them as a second category.
 * Counts what it created and found in `report`.
 */
export async function storeTaxonomy(
  db: Db,
  site: Pick<SiteExport, 'authors' | 'categories' | 'tags'>,
  report: SiteImportReport,
  now: Date,
): Promise<StoredTaxonomy> {
  const authors = new Map<string, { id: string; slug: string }>();
  for (const author of site.authors)
    authors.set(author.key, await storeAuthor(db, author, report, now));
  const sections = await storeSections(db, site.categories, report, now);
  const tags = new Map<string, { id: string; slug: string }>();
  for (const tag of site.tags) {
    const stored = await storeTag(db, tag);
    report.tags[stored.created ? 'created' : 'existing']++;
    tags.set(tag.key, stored);
  }
  return { authors, sections, tags, categoryTags: new Map() };
}

/** The tag a category becomes when a post has it as a second category; made once. */
export async function categoryAsTag(
  db: Db,
  taxonomy: StoredTaxonomy,
  category: SiteCategory,
  report: SiteImportReport,
): Promise<{ id: string; slug: string }> {
  const known = taxonomy.categoryTags.get(category.key);
  if (known) return known;
  const stored = await storeTag(db, category);
  if (stored.created) report.tags.created++;
  taxonomy.categoryTags.set(category.key, stored);
  return stored;
}

/**
 * Whose feed an old feed now is: the site's, or the stored section, tag or
 * author of the old one's category, tag or author; undefined when that one
 * was not brought in.
 */
export function feedOwnerOf(
  of: SiteFeedPath['of'],
  taxonomy: StoredTaxonomy,
): FeedOwner | undefined {
  switch (of.kind) {
    case 'site':
      return { kind: 'site' };
    case 'category': {
      const section = taxonomy.sections.get(of.key);
      return section && { kind: 'section', slug: section.slug };
    }
    case 'tag': {
      const tag = taxonomy.tags.get(of.key);
      return tag && { kind: 'tag', slug: tag.slug };
    }
    case 'author': {
      const user = taxonomy.authors.get(of.key);
      return user && { kind: 'author', slug: user.slug };
    }
  }
}
