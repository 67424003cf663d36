/**
 * The newsroom's article list: what one row shows. Plain data, no I/O.
 */
import type { ArticleId } from './article-id.js';
import type { ArticleStatus } from './workflow.js';

/** A row of the newsroom's article list. */
export interface NewsroomListItem {
  id: ArticleId;
  headline: string;
  status: ArticleStatus;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  breakingUntil: Date | null;
  authorIds: string[];
  authorNames: string[];
}
