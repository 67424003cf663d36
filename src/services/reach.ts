/**
 * Telling readers where they are (issue 20): when an article is published,
 * or marked breaking news while published, each channel that reaches
 * readers queues what it sends, in the transaction of that change (the
 * outbox, domain/outbox.ts), so nothing is lost to a crash and nothing is
 * sent twice:
 *
 * - web push (services/push-alerts.ts): breaking news to every
 *   subscription that wants it, and any article to the subscriptions that
 *   follow its section; one notification per article and subscription;
 * - email (services/newsletter-editions.ts): breaking news to the
 *   subscribers who want it, as a one-article edition, once per article;
 * - Telegram (services/telegram-posts.ts): breaking news, and articles of
 *   the sections the administrator chose, once per article.
 *
 * Each channel decides whether the article concerns it (its settings,
 * its subscribers); a channel that is not set up queues nothing. The
 * workers (services/outbox-worker.ts) send what is queued, in the
 * background, so publishing never waits on a push service, a mail server
 * or Telegram.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { Db } from '../storage/db.js';
import { queueBreakingEdition } from './newsletter-editions.js';
import { queuePushAlert } from './push-alerts.js';
import { queueTelegramPost } from './telegram-posts.js';

/** Why readers are told of an article now: it was published, or it became breaking news. */
export type ReachReason = 'published' | 'breaking';

/**
 * Queues, in `trx` (the change's transaction), what each channel sends
 * about the published article `id`. `actorId`: who published or marked it
 * (null: the scheduler).
 */
export async function reachReaders(
  trx: Db,
  id: ArticleId,
  reason: ReachReason,
  now: Date,
  actorId: string | null,
): Promise<void> {
  await queuePushAlert(trx, id, { reason, now, createdBy: actorId });
  if (reason === 'breaking') await queueBreakingEdition(trx, id, now, actorId);
  await queueTelegramPost(trx, id, now, reason);
}
