/**
 * The article as the rest of the system sees it: plain data, no I/O.
 * Times are UTC instants (`Date`); HTML is already sanitised.
 */
import type { ArticleId } from './article-id.js';
import type { ArticleNote } from './article-note.js';
import type { LiveCoverage } from './live-coverage.js';
import type { MediaItem } from './media.js';

export type { ArticleId } from './article-id.js';

/**
 * What a row of `articles` is: a news `article`, or a static `page`
 * («من نحن», «اتصل بنا») served at `/p/<slug>` and kept out of listings,
 * feeds, most read, search, the ticker and the Content API's article lists.
 */
export type ArticleKind = 'article' | 'page';

/** The stored `articles.kind` as an ArticleKind: anything but `page` is an article. */
export function toArticleKind(value: string): ArticleKind {
  return value === 'page' ? 'page' : 'article';
}

/** How much of a publish time is known: to the minute, or only the day. */
export type PublishedPrecision = 'minute' | 'day';

export interface Section {
  id: string;
  slug: string;
  name: string;
}

export interface Tag {
  id: string;
  slug: string;
  name: string;
}

/**
 * A link from an article to another one: a "read also" box placed between
 * paragraphs, or an entry of the "more news" block. The target is known once
 * an article with a matching headline is stored; until then only the
 * headline is kept.
 */
export interface RelatedLink {
  kind: 'read_also' | 'more';
  headline: string;
  /** For read-also boxes: how many body paragraphs come before it. */
  afterParagraph: number | null;
  target: { id: ArticleId; headline: string } | null;
}

/**
 * A byline that is a newsroom user, linking to their author page, with
 * what a byline or an author box shows of them: their photo (from the media
 * library; null when they have none) and their bio (plain text, '' when
 * none).
 */
export interface Byline {
  name: string;
  slug: string;
  photo: MediaItem | null;
  bio: string;
}

/** The featured image of an article, from the media library. */
export interface FeaturedImage {
  media: MediaItem;
  caption: string;
  credit: string;
}

export interface Article {
  id: ArticleId;
  /** A news article, or a static page (shown at `/p/<slug>`). */
  kind: ArticleKind;
  headline: string;
  excerpt: string;
  /** Sanitised HTML of the body: a sequence of block elements. */
  bodyHtml: string;
  section: Section | null;
  tags: Tag[];
  /** A byline as text (imported articles); `authors` holds newsroom bylines. */
  byline: string | null;
  authors: Byline[];
  slug: string | null;
  seoTitle: string;
  seoDescription: string;
  featured: FeaturedImage | null;
  /** When the article was published, or null when its date is unknown. */
  publishedAt: Date | null;
  /** `day` when only the date of `publishedAt` is known (it is then local midnight). */
  publishedPrecision: PublishedPrecision;
  /** The local wall-clock time `HH:MM` printed on the source page when its date is unknown. */
  publishedLocalTime: string | null;
  createdAt: Date;
  /** The last save of any kind (newsroom time; not shown to readers). */
  updatedAt: Date;
  /**
   * When readers last saw a change that matters: the publish time, moved
   * by a correction or update note and by a live update, never by a silent
   * edit. The `dateModified` of JSON-LD, feeds and sitemaps.
   */
  modifiedAt: Date;
  viewCount: number;
  sourceUrl: string | null;
  related: RelatedLink[];
  /** Its live coverage, or null when it is not (and never was) live. */
  live: LiveCoverage | null;
  /** Its public notes of correction and update, oldest first. */
  notes: ArticleNote[];
}

/** What lists (home page, "more news", most read) need of an article. */
export interface ArticleSummary {
  id: ArticleId;
  headline: string;
  excerpt: string;
  section: Section | null;
  /** The featured image, shown as the lead image or a thumbnail; null when it has none. */
  image: MediaItem | null;
  publishedAt: Date | null;
  publishedPrecision: PublishedPrecision;
  viewCount: number;
}
