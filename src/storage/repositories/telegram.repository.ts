/**
 * What Telegram posts (issue 20) read from the database: the article a
 * post is made of, and the posts themselves, which are the `telegram`
 * channel's messages of the outbox (`outbox_messages`, subject `article`,
 * recipient 0: the one channel a site posts to; the migration
 * 2026_12_06_1000_create_reach).
 */
import type { ArticleId } from '../../domain/article-id.js';
import { TELEGRAM_RECIPIENT, type OutboxStatus } from '../../domain/outbox.js';
import type { TelegramPost, TelegramPostReason } from '../../domain/telegram.js';
import type { Db } from '../db.js';
import {
  bindId,
  fromDate,
  toArticleIdValue,
  toDate,
  toDateOrNull,
  toIdString,
  toInt,
} from './convert.js';

/** An article as a post needs it. */
export interface TelegramArticle {
  id: ArticleId;
  headline: string;
  /** The standfirst ('' for none). */
  excerpt: string;
  status: string;
  kind: string;
  sectionId: string | null;
  /** The featured image: its media id and WebP variant widths, ascending; null for none. */
  image: { id: string; widths: number[] } | null;
}

/** The article `id` as a post needs it, or null when there is none. */
export async function findTelegramArticle(db: Db, id: ArticleId): Promise<TelegramArticle | null> {
  const row = await db
    .selectFrom('articles')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.excerpt',
      'articles.status',
      'articles.kind',
      'articles.section_id',
      'media.id as media_id',
      'media.widths',
    ])
    .where('articles.id', '=', bindId(id))
    .executeTakeFirst();
  if (!row) return null;
  let widths: number[] = [];
  try {
    const parsed: unknown = JSON.parse(row.widths ?? '[]');
    if (Array.isArray(parsed)) widths = parsed.filter((w): w is number => typeof w === 'number');
  } catch {
    widths = [];
  }
  return {
    id: toArticleIdValue(row.id),
    headline: row.headline,
    excerpt: row.excerpt,
    status: row.status,
    kind: row.kind,
    sectionId: row.section_id === null ? null : toIdString(row.section_id),
    image:
      row.media_id === null || row.media_id === undefined || widths.length === 0
        ? null
        : { id: toIdString(row.media_id), widths },
  };
}

function postsQuery(db: Db) {
  return db
    .selectFrom('outbox_messages')
    .innerJoin('articles', 'articles.id', 'outbox_messages.subject_id')
    .select([
      'outbox_messages.subject_id',
      'articles.headline',
      'outbox_messages.status',
      'outbox_messages.attempts',
      'outbox_messages.last_error',
      'outbox_messages.created_at',
      'outbox_messages.finished_at',
      'outbox_messages.next_attempt_at',
      'outbox_messages.reason',
    ])
    .where('outbox_messages.channel', '=', 'telegram')
    .where('outbox_messages.subject_kind', '=', 'article')
    .where('outbox_messages.recipient_id', '=', bindId(TELEGRAM_RECIPIENT));
}

type PostRow = Awaited<ReturnType<ReturnType<typeof postsQuery>['execute']>>[number];

function toPost(row: PostRow): TelegramPost {
  return {
    articleId: toArticleIdValue(row.subject_id),
    headline: row.headline,
    status: row.status as OutboxStatus,
    attempts: toInt(row.attempts),
    lastError: row.last_error,
    createdAt: toDate(row.created_at),
    finishedAt: toDateOrNull(row.finished_at),
    nextAttemptAt: toDate(row.next_attempt_at),
    reason:
      row.reason === 'manual' || row.reason === 'section' || row.reason === 'breaking'
        ? row.reason
        : null,
  };
}

/** The newest `limit` posts, newest first. */
export async function listTelegramPosts(db: Db, limit: number): Promise<TelegramPost[]> {
  const rows = await postsQuery(db)
    .orderBy('outbox_messages.created_at', 'desc')
    .orderBy('outbox_messages.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toPost);
}

/** The post of article `id`, or null when it was never queued (or was pruned). */
export async function findTelegramPost(db: Db, id: ArticleId): Promise<TelegramPost | null> {
  const row = await postsQuery(db)
    .where('outbox_messages.subject_id', '=', bindId(id))
    .executeTakeFirst();
  return row ? toPost(row) : null;
}

/**
 * Queues again the post of article `id` that was given up (`failed`: it
 * never reached the channel), as new at `now`. A post pending or sent is
 * left alone; its reason becomes `manual`. @returns true when it was queued again.
 */
export async function requeueFailedTelegramPost(
  db: Db,
  id: ArticleId,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({
      status: 'pending',
      attempts: 0,
      last_error: null,
      finished_at: null,
      created_at: fromDate(now),
      next_attempt_at: fromDate(now),
      reason: 'manual',
    })
    .where('channel', '=', 'telegram')
    .where('subject_kind', '=', 'article')
    .where('subject_id', '=', bindId(id))
    .where('recipient_id', '=', bindId(TELEGRAM_RECIPIENT))
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records why the post of article `id` was queued (`outbox_messages.reason`). */
export async function setTelegramPostReason(
  db: Db,
  id: ArticleId,
  reason: TelegramPostReason,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({ reason })
    .where('channel', '=', 'telegram')
    .where('subject_kind', '=', 'article')
    .where('subject_id', '=', bindId(id))
    .where('recipient_id', '=', bindId(TELEGRAM_RECIPIENT))
    .execute();
}

/** The values of the settings `keys` that are set, by key, in one query. */
export async function readSettingsOf(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', [...keys])
    .execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}
