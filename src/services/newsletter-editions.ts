/**
 * Newsletter editions (issue 20). STUB: the newsletter editions part fills this in.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { Db } from '../storage/db.js';

/**
 * Queues the breaking-news email of article `id` to the active subscribers
 * who want breaking news, in `db` (the caller's transaction): a `breaking`
 * edition of that one article, made once per article. @returns true when queued now.
 */
export async function queueBreakingEdition(
  _db: Db,
  _id: ArticleId,
  _now: Date,
  _createdBy: string | null,
): Promise<boolean> {
  return false;
}
