/**
 * Posts to the site's Telegram channel (issue 20). STUB: the Telegram part fills this in.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { Db } from '../storage/db.js';

/**
 * Queues the article's post to the Telegram channel, in `db` (the caller's
 * transaction), when the channel is connected and `reason` calls for it:
 * `breaking` when breaking news is posted automatically, `published` when
 * its section is one the administrator chose, `manual` always. Once per
 * article. @returns true when queued now.
 */
export async function queueTelegramPost(
  _db: Db,
  _id: ArticleId,
  _now: Date,
  _reason: 'published' | 'breaking' | 'manual',
): Promise<boolean> {
  return false;
}
