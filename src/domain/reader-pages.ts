/**
 * What the reader site's list pages show: the home page, the older pages
 * of the latest articles, and a section's, tag's or author's page. Plain
 * data, no I/O (services/read-pages.ts reads it, the views render it).
 */
import type { AuthorLink } from './author-links.js';
import type { MediaItem } from './media.js';
import type { ListingKind } from './article-path.js';
import type { ArticleSummary, Section } from './article.js';

export interface HomePageContent {
  lead: ArticleSummary | null;
  /**
   * The secondary leads under the lead story: those pinned by an
   * administrator (published ones, in order), else the next newest.
   */
  secondary: ArticleSummary[];
  /** A block per section chosen for the front page, in the chosen order (empty ones left out). */
  blocks: SectionBlock[];
  /** The opinion section's newest articles with their writers, or null when none is chosen or it is empty. */
  opinion: OpinionBlock | null;
  latest: ArticleSummary[];
  /**
   * Most read in the last 24 hours and 7 days (a window without views is
   * left out); the all-time list when neither has any.
   */
  mostRead: MostReadList[];
  /** True when older articles than those shown exist (page 2 of the latest list). */
  hasOlder: boolean;
}

/** A most-read list and the window it covers. */
export interface MostReadList {
  window: 'day' | 'week' | 'all';
  articles: ArticleSummary[];
}

export interface LatestPageContent {
  /** Page number, 2 or more (page 1 is the home page). */
  page: number;
  articles: ArticleSummary[];
  hasOlder: boolean;
}

export interface ListingContent {
  kind: ListingKind;
  /** The section's, tag's or author's id. */
  id: string;
  /** The section's, tag's or author's name. */
  name: string;
  slug: string;
  /** The author's bio, for author pages (plain text, line breaks kept); '' otherwise. */
  bio: string;
  /** The section's or tag's description (plain text); '' otherwise. */
  description: string;
  /** The author's photo, for author pages; null otherwise or when none. */
  photo: MediaItem | null;
  /** The author's links, for author pages; [] otherwise. */
  links: AuthorLink[];
  page: number;
  articles: ArticleSummary[];
  hasOlder: boolean;
}

/** A section's block on the front page: its newest articles not already shown above. */
export interface SectionBlock {
  section: Section;
  articles: ArticleSummary[];
}

/** The writer of an opinion piece: the article's first byline. */
export interface OpinionWriter {
  name: string;
  /** The author page's slug (`/author/<slug>`). */
  slug: string;
  /** The writer's photo, or null (a stand-in with the name's first letter is drawn). */
  photo: MediaItem | null;
}

/** The opinion block: the opinion section's newest pieces, each with its writer (null without a byline). */
export interface OpinionBlock {
  section: Section;
  items: Array<{ article: ArticleSummary; writer: OpinionWriter | null }>;
}
