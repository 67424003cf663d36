/**
 * The updates of live articles (issue 19) and the articles' live state
 * columns. Functions take the query builder (or a transaction) first.
 * An update's number comes from `articles.live_next_number`, which only
 * grows: a deleted update's number is never given again, so a link
 * `/a/<id>#update-<n>` never moves to another update.
 */
import { sql } from 'kysely';
import type { ArticleId } from '../../domain/article-id.js';
import type { LiveCoverage, LiveState, LiveUpdate } from '../../domain/live-coverage.js';
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

/** What an update stores, besides its article, number and times. */
export interface LiveUpdateFields {
  /** '' when it has none. */
  headline: string;
  /** Sanitised HTML. */
  bodyHtml: string;
  key: boolean;
  pinned: boolean;
}

/** An article's live columns, as the services need them. */
export interface ArticleLiveRow {
  status: string;
  kind: string;
  /** null when never live. */
  live: LiveCoverage | null;
  nextNumber: number;
}

/** Most updates one listing returns. */
export const LIVE_UPDATES_LIST_MAX = 500;

function updateQuery(db: Db) {
  return db
    .selectFrom('live_updates')
    .leftJoin('users', 'users.id', 'live_updates.author_id')
    .select([
      'live_updates.id',
      'live_updates.article_id',
      'live_updates.number',
      'live_updates.headline',
      'live_updates.body_html',
      'live_updates.author_id',
      'live_updates.is_key',
      'live_updates.pinned',
      'live_updates.created_at',
      'live_updates.updated_at',
      'users.display_name as author_name',
      'users.slug as author_slug',
    ]);
}

type UpdateRow = Awaited<ReturnType<ReturnType<typeof updateQuery>['executeTakeFirstOrThrow']>>;

function toLiveUpdate(row: UpdateRow): LiveUpdate {
  return {
    id: toIdString(row.id),
    articleId: toArticleIdValue(row.article_id),
    number: toInt(row.number),
    headline: row.headline,
    bodyHtml: row.body_html,
    author:
      row.author_id !== null && row.author_name !== null && row.author_slug !== null
        ? { id: toIdString(row.author_id), name: row.author_name, slug: row.author_slug }
        : null,
    key: toInt(row.is_key) === 1,
    pinned: toInt(row.pinned) === 1,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** The live columns of article `id` (any status), or null when there is no such article. */
export async function findArticleLive(db: Db, id: ArticleId): Promise<ArticleLiveRow | null> {
  const row = await db
    .selectFrom('articles')
    .select([
      'status',
      'kind',
      'live_state',
      'live_started_at',
      'live_ended_at',
      'live_next_number',
    ])
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  if (!row) return null;
  const state = row.live_state;
  const live: LiveCoverage | null =
    (state === 'live' || state === 'ended') && row.live_started_at !== null
      ? {
          state,
          startedAt: toDate(row.live_started_at),
          endedAt: toDateOrNull(row.live_ended_at),
        }
      : null;
  return { status: row.status, kind: row.kind, live, nextNumber: toInt(row.live_next_number) };
}

/**
 * Sets article `id`'s live state: `live` (started at `startedAt`, not
 * ended) or `ended` (at `endedAt`). Touches nothing else.
 */
export async function setLiveState(
  db: Db,
  id: ArticleId,
  state: LiveState,
  startedAt: Date,
  endedAt: Date | null,
): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      live_state: state,
      live_started_at: fromDate(startedAt),
      live_ended_at: endedAt === null ? null : fromDate(endedAt),
    })
    .where('id', '=', bindId(id))
    .execute();
}

/** Sets article `id`'s `modified_at` (dateModified) to `at`. */
export async function setModifiedAt(db: Db, id: ArticleId, at: Date): Promise<void> {
  await db
    .updateTable('articles')
    .set({ modified_at: fromDate(at) })
    .where('id', '=', bindId(id))
    .execute();
}

/**
 * Stores a new update of article `id` by `authorId`, numbered with the
 * article's `live_next_number`, which it increments. Run it in a
 * transaction: the increment is done first (an update statement, which
 * locks the article's row on PostgreSQL and the database on SQLite), so
 * two writers posting at once get two numbers.
 * @returns the update as stored.
 */
export async function insertLiveUpdate(
  db: Db,
  id: ArticleId,
  authorId: string,
  fields: LiveUpdateFields,
  now: Date,
): Promise<LiveUpdate> {
  const bumped = await db
    .updateTable('articles')
    .set({ live_next_number: sql<number>`live_next_number + 1` })
    .where('id', '=', bindId(id))
    .returning('live_next_number')
    .executeTakeFirstOrThrow();
  const number = toInt(bumped.live_next_number) - 1;
  const row = await db
    .insertInto('live_updates')
    .values({
      article_id: bindId(id),
      number,
      headline: fields.headline,
      body_html: fields.bodyHtml,
      author_id: bindId(authorId),
      is_key: fields.key ? 1 : 0,
      pinned: fields.pinned ? 1 : 0,
      created_at: fromDate(now),
      updated_at: fromDate(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stored = await updateQuery(db)
    .where('live_updates.id', '=', row.id)
    .executeTakeFirstOrThrow();
  return toLiveUpdate(stored);
}

/**
 * Rewrites update `number` of article `id` (its author and posting time
 * stay). @returns the update as stored, or null when there is none.
 */
export async function updateLiveUpdate(
  db: Db,
  id: ArticleId,
  number: number,
  fields: LiveUpdateFields,
  now: Date,
): Promise<LiveUpdate | null> {
  const result = await db
    .updateTable('live_updates')
    .set({
      headline: fields.headline,
      body_html: fields.bodyHtml,
      is_key: fields.key ? 1 : 0,
      pinned: fields.pinned ? 1 : 0,
      updated_at: fromDate(now),
    })
    .where('article_id', '=', bindId(id))
    .where('number', '=', number)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  return findLiveUpdate(db, id, number);
}

/** Deletes update `number` of article `id`. @returns false when there was none. */
export async function deleteLiveUpdateRow(db: Db, id: ArticleId, number: number): Promise<boolean> {
  const result = await db
    .deleteFrom('live_updates')
    .where('article_id', '=', bindId(id))
    .where('number', '=', number)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Update `number` of article `id`, or null. */
export async function findLiveUpdate(
  db: Db,
  id: ArticleId,
  number: number,
): Promise<LiveUpdate | null> {
  const row = await updateQuery(db)
    .where('live_updates.article_id', '=', bindId(id))
    .where('live_updates.number', '=', number)
    .executeTakeFirst();
  return row ? toLiveUpdate(row) : null;
}

/**
 * The updates of article `id`, newest first (posting time, then number,
 * both descending), at most `limit` (capped at LIVE_UPDATES_LIST_MAX);
 * only those numbered below `beforeNumber` and above `afterNumber` when
 * given (pages of older updates; updates missed since a reader's last).
 */
export async function listLiveUpdateRows(
  db: Db,
  id: ArticleId,
  options: { limit: number; beforeNumber?: number | undefined; afterNumber?: number | undefined },
): Promise<LiveUpdate[]> {
  let query = updateQuery(db).where('live_updates.article_id', '=', bindId(id));
  if (options.beforeNumber !== undefined)
    query = query.where('live_updates.number', '<', options.beforeNumber);
  if (options.afterNumber !== undefined)
    query = query.where('live_updates.number', '>', options.afterNumber);
  const rows = await query
    .orderBy('live_updates.created_at', 'desc')
    .orderBy('live_updates.number', 'desc')
    .limit(Math.max(0, Math.min(options.limit, LIVE_UPDATES_LIST_MAX)))
    .execute();
  return rows.map(toLiveUpdate);
}

/** How many updates article `id` has. */
export async function countLiveUpdateRows(db: Db, id: ArticleId): Promise<number> {
  const row = await db
    .selectFrom('live_updates')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('article_id', '=', bindId(id))
    .executeTakeFirstOrThrow();
  return toInt(row.n as bigint | number | string);
}
