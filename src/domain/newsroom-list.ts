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
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  breakingUntil: Date | null;
  authorIds: string[];
  authorNames: string[];
}
