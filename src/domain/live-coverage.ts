/**
 * Live coverage (issue 19): an article that follows a story as it happens
 * with timestamped updates, newest first, as BBC News عربي's live pages and
 * Newspack's Rolling Coverage do. Any article can be made live by an
 * editor; writers then post updates; an editor ends the coverage.
 * Plain data, no I/O. Times are UTC instants.
 */
import type { ArticleId } from './article-id.js';

/** Whether the coverage is going on (`live`) or was ended by an editor (`ended`). */
export type LiveState = 'live' | 'ended';

/** An article's live coverage: its state, when it began and (once ended) when it ended. */
export interface LiveCoverage {
  state: LiveState;
  startedAt: Date;
  /** Null while live. */
  endedAt: Date | null;
}

/** Who posted an update: a newsroom user, linking to their author page. */
export interface LiveUpdateAuthor {
  id: string;
  name: string;
  slug: string;
}

/** One timestamped update of a live article. */
export interface LiveUpdate {
  /** The row's id (decimal string). */
  id: string;
  articleId: ArticleId;
  /**
   * Its number within the article, from 1, never reused: the anchor
   * `#update-<number>` (liveUpdateAnchor) always names this update.
   */
  number: number;
  /** A short headline, '' when it has none. */
  headline: string;
  /** Sanitised HTML (the article body's sanitiser): paragraphs, images, embeds, quotes. */
  bodyHtml: string;
  /** Null once the account that posted it is deleted. */
  author: LiveUpdateAuthor | null;
  /** A key update: also listed in the "key updates" box at the top. */
  key: boolean;
  /** Pinned: shown above the stream, whatever its time. */
  pinned: boolean;
  /** When it was posted (the time readers see). */
  createdAt: Date;
  /** When it was last edited (equal to createdAt until then). */
  updatedAt: Date;
}

/** The element id of update `n` on the article page: `update-<n>`. */
export function liveUpdateAnchor(n: number): string {
  return `update-${n}`;
}

/** Longest update headline, in characters. */
export const LIVE_UPDATE_HEADLINE_MAX = 200;

/**
 * What happened to a live article, as it travels between instances (on the
 * change channel) and to readers' pages (over Server-Sent Events):
 * `posted`, `edited` or `deleted` an update (its number), or the coverage
 * `started` or `ended` (no number).
 */
export type LiveAction = 'posted' | 'edited' | 'deleted' | 'started' | 'ended';
