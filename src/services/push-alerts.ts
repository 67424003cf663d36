/**
 * Web push alerts (issue 20). STUB: the push part fills this in.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { Db } from '../storage/db.js';

/**
 * Queues the article's push notification, in `db` (the caller's
 * transaction): for `breaking` (and `manual`), to every subscription that
 * wants breaking news and those following its section; for `published`,
 * to the subscriptions following its section only. One notification per
 * article and subscription, ever. @returns the number of subscriptions queued.
 */
export async function queuePushAlert(
  _db: Db,
  _id: ArticleId,
  _options: { reason: 'published' | 'breaking' | 'manual'; now: Date; createdBy: string | null },
): Promise<number> {
  return 0;
}
