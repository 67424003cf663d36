/**
 * Sections, tags and authors as lists show them: each with how many
 * articles it has. Plain data, no I/O.
 */
import type { Section, Tag } from './article.js';
import type { MediaItem } from './media.js';

/** A section and its number of articles (every one, or published ones: see the list). */
export interface SectionWithCount extends Section {
  articles: number;
  /** Shown under the name on the section's page (plain text); '' when none. */
  description: string;
}

/** A tag and its number of articles (every one, or published ones: see the list). */
export interface TagWithCount extends Tag {
  articles: number;
  /** Shown under the name on the tag's page (plain text); '' when none. */
  description: string;
}

/** A section or tag as its own page heads it: name and description. */
export interface DescribedTerm {
  id: string;
  name: string;
  /** Plain text; '' when none. */
  description: string;
}

/** A person with a byline on the site, and how many published articles carry it. */
export interface PublicAuthor {
  id: string;
  slug: string;
  displayName: string;
  bio: string;
  /** Their photo in the media library, or null when they have none. */
  photo: MediaItem | null;
  articles: number;
}
