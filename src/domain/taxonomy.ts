/**
 * Sections, tags and authors as lists show them: each with how many
 * articles it has. Plain data, no I/O.
 */
import type { Section, Tag } from './article.js';

/** A section and its number of articles (every one, or published ones: see the list). */
export interface SectionWithCount extends Section {
  articles: number;
}

/** A tag and its number of articles (every one, or published ones: see the list). */
export interface TagWithCount extends Tag {
  articles: number;
}

/** A person with a byline on the site, and how many published articles carry it. */
export interface PublicAuthor {
  id: string;
  slug: string;
  displayName: string;
  bio: string;
  articles: number;
}
