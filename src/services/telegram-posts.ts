/**
 * Posts to the site's Telegram channel (issue 20). A post is the
 * `telegram` channel's outbox message about an article, to recipient 0
 * (domain/outbox.ts TELEGRAM_RECIPIENT): queued in the transaction of the
 * publish or of the breaking-news flag (services/reach.ts), or by an
 * editor's «نشر في تيليغرام»; unique per article, so an article reaches
 * the channel once however many instances and workers run; sent in the
 * background by the telegram sender (telegram-sender.ts).
 */
import type { ArticleId } from '../domain/article-id.js';
import { TELEGRAM_RECIPIENT } from '../domain/outbox.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError } from '../lib/errors.js';
import type { Db } from '../storage/db.js';
import type { Database } from '../storage/database.js';
import { queueOutboxMessage } from '../storage/repositories/outbox.repository.js';
import {
  findTelegramArticle,
  findTelegramPost,
  listTelegramPosts,
  requeueFailedTelegramPost,
  setTelegramPostReason,
} from '../storage/repositories/telegram.repository.js';
import type { TelegramPost } from '../domain/telegram.js';
import { isTelegramConnected, readTelegramSettings } from './telegram-settings.js';

export type { TelegramPost } from '../domain/telegram.js';

/** Posts the administrator's log shows. */
export const TELEGRAM_LOG_SIZE = 30;

/**
 * Queues the article's post to the Telegram channel, in `db` (the caller's
 * transaction), when the channel is connected and `reason` calls for it:
 * `breaking` when breaking news is posted automatically
 * (`telegram.autoBreaking`, on by default) or its section is chosen,
 * `published` when its section is one the administrator chose
 * (`telegram.sections`), `manual` always. Only a published news article
 * (not a static page). Once per article: an article already posted is not
 * posted again when marked breaking. Keeps why it was queued (`manual`;
 * `breaking` when marked breaking with automatic posting on; else `section`).
 * @returns true when queued now.
 */
export async function queueTelegramPost(
  db: Db,
  id: ArticleId,
  now: Date,
  reason: 'published' | 'breaking' | 'manual',
): Promise<boolean> {
  const settings = await readTelegramSettings(db);
  if (!isTelegramConnected(settings)) return false;
  const article = await findTelegramArticle(db, id);
  if (!article || article.status !== 'published' || article.kind === 'page') return false;
  const sectionChosen =
    article.sectionId !== null && settings.sectionIds.includes(article.sectionId);
  const wanted =
    reason === 'manual' || sectionChosen || (reason === 'breaking' && settings.autoBreaking);
  if (!wanted) return false;
  const queued = await queueOutboxMessage(
    db,
    { channel: 'telegram', subjectKind: 'article', subjectId: id },
    TELEGRAM_RECIPIENT,
    now,
  );
  if (queued) {
    const why =
      reason === 'manual'
        ? 'manual'
        : reason === 'breaking' && settings.autoBreaking
          ? 'breaking'
          : 'section';
    await setTelegramPostReason(db, id, why);
  }
  return queued;
}

/** What posting needs: the database and the clock. */
export interface TelegramPostDeps {
  database: Database;
  now: () => Date;
}

/**
 * An editor's «نشر في تيليغرام»: queues the published article's post.
 * A post already sent or on its way is not queued again (`already`); one
 * given up (`failed`: it never reached the channel, say the bot lost its
 * rights) is queued again (`queued`).
 * @throws AppError FORBIDDEN (no `reader.alert`, or a static page),
 *   ARTICLE_NOT_FOUND, TELEGRAM_NOT_CONNECTED (409), TELEGRAM_NOT_PUBLISHED (409)
 */
export async function postToTelegram(
  deps: TelegramPostDeps,
  actor: Actor,
  id: ArticleId,
): Promise<'queued' | 'already'> {
  if (!can(actor, 'reader.alert'))
    throw new AppError('FORBIDDEN', 'Only editors post articles to Telegram.');
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const article = await findTelegramArticle(trx, id);
    if (!article) throw new AppError('ARTICLE_NOT_FOUND', `There is no article ${id}.`);
    if (article.kind === 'page')
      throw new AppError('FORBIDDEN', 'A static page is not posted to Telegram.');
    if (article.status !== 'published')
      throw new AppError('TELEGRAM_NOT_PUBLISHED', 'Only a published article is posted.');
    if (!isTelegramConnected(await readTelegramSettings(trx)))
      throw new AppError('TELEGRAM_NOT_CONNECTED', 'The Telegram channel is not connected.');
    if (await queueTelegramPost(trx, id, now, 'manual')) return 'queued';
    if (await requeueFailedTelegramPost(trx, id, now)) return 'queued';
    return 'already';
  });
}

/** The editor's panel: whether the channel is connected, and the article's post (null: none). */
export async function telegramPostState(
  deps: Pick<TelegramPostDeps, 'database'>,
  id: ArticleId,
): Promise<{ connected: boolean; post: TelegramPost | null }> {
  const db = deps.database.db;
  const [settings, post] = await Promise.all([readTelegramSettings(db), findTelegramPost(db, id)]);
  return { connected: isTelegramConnected(settings), post };
}

/** The newest posts, newest first, for the administrator's log. @throws AppError FORBIDDEN */
export async function recentTelegramPosts(
  deps: Pick<TelegramPostDeps, 'database'>,
  actor: Actor,
): Promise<TelegramPost[]> {
  if (!can(actor, 'settings.manage'))
    throw new AppError('FORBIDDEN', 'Only administrators read the Telegram log.');
  return listTelegramPosts(deps.database.db, TELEGRAM_LOG_SIZE);
}
