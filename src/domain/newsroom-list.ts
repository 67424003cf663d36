/**
 * The newsroom's article list: what one row shows. Plain data, no I/O.
 */
import type { ArticleId } from './article-id.js';
import type { ArticleKind } from './article.js';
import type { ArticleStatus } from './workflow.js';

/** A row of the newsroom's article list. */
export interface NewsroomListItem {
  id: ArticleId;
  /** A news article, or a static page. */
  kind: ArticleKind;
  headline: string;
  /** The URL slug (a page's `/p/<slug>`), or null. */
  slug: string | null;
  status: ArticleStatus;
  /** The last change, by the newsroom or by an import. */
  updatedAt: Date;
  /**
   * When an imported article was last imported, while no one has changed
   * it in the newsroom since; else null. The list shows this instead of
   * `updatedAt`, which an import sets to the source's own date (its
   * publication or last edit there), not to a change made here.
   */
  importedAt: Date | null;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  breakingUntil: Date | null;
  authorIds: string[];
  authorNames: string[];
  /** The byline as an import wrote it (free text), when the article has no user bylines; else null. */
  bylineText: string | null;
  /**
   * The agency canceled or withheld the wire item the article was made
   * from (it must not be published, or, published, must be unpublished or
   * corrected); null or absent otherwise.
   */
  wireWithdrawn?: 'canceled' | 'withheld' | null;
  /**
   * Views in the last 24 hours (the hourly buckets of the current UTC hour
   * and the 23 before it), for an article that has been published; absent
   * otherwise (issue 19).
   */
  viewsLastDay?: number;
}
