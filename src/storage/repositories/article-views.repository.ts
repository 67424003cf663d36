/**
 * Article views: adding the counted views, reading an article's count, and
 * the most-read lists ranked by them. Functions take the query builder (or
 * a transaction) first.
 *
 * Views are kept three ways: the article's total (`articles.view_count`),
 * per UTC hour (`article_view_buckets`, kept for good: most read, the
 * newsroom's 24-hour column and hourly chart), and per UTC minute and kind
 * of referrer (`article_view_minutes`, kept MIDAD_VIEW_MINUTES_RETENTION_HOURS:
 * the newsroom's «القرّاء الآن»). None holds anything about a reader.
 */
import { sql, type Kysely } from 'kysely';
import type { ArticleId, ArticleSummary } from '../../domain/article.js';
import { REFERRER_KINDS, isReferrerKind, type ReferrerKind } from '../../domain/referrer-kind.js';
import type { Db } from '../db.js';
import type { Schema } from '../tables/schema.js';
import { summariesByIds, summaryQuery, toSummary } from './article-summary.js';
import type { DbInt } from '../tables/schema.js';
import { bindId, fromDate, toArticleIdValue, toDate, toInt } from './convert.js';

/** The most viewed published articles, most views first. */
export async function listMostRead(db: Db, limit: number): Promise<ArticleSummary[]> {
  const rows = await summaryQuery(db)
    .orderBy('articles.view_count', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/** The start of the UTC hour of `at`. */
function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

/** The start of the UTC minute of `at`. */
export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/** Rows of article_view_minutes written per statement (4 parameters each). */
const MINUTE_ROWS_PER_INSERT = 500;

/** What addViews does besides adding the totals. */
export interface AddViewsOptions {
  /** A spooled batch's id (at most 64 characters): the batch is added once. */
  batch?: string;
  /**
   * The same views split by kind of referrer: added to the minute of `at`
   * in article_view_minutes. A spooled batch has none (its minutes are lost).
   */
  byReferrer?: ReadonlyMap<ArticleId, Readonly<Record<ReferrerKind, number>>>;
  /** Deletes the minute rows before this instant (retention), in the same transaction. */
  pruneMinutesBefore?: Date;
}

/**
 * Adds buffered view counts in one transaction: `counts` maps article id to
 * views to add, counted in the hour of `at` for the most-read windows, and,
 * with `byReferrer`, in the minute of `at` per kind of referrer. Ids of
 * articles deleted meanwhile are ignored.
 *
 * With `batch` (a spooled batch's id, at most 64 characters), the id is
 * recorded in `applied_view_batches` in the same transaction, and a batch
 * already recorded adds nothing: resolves to false then, else true.
 *
 * With `pruneMinutesBefore`, minute rows older than it are deleted first
 * (a range of the primary key, which starts with the minute).
 */
export async function addViews(
  db: Kysely<Schema>,
  counts: Map<ArticleId, number>,
  at: Date,
  options: AddViewsOptions = {},
): Promise<boolean> {
  if (
    counts.size === 0 &&
    options.batch === undefined &&
    options.pruneMinutesBefore === undefined
  ) {
    return true;
  }
  const hour = fromDate(hourOf(at));
  const minute = fromDate(minuteOf(at));
  return db.transaction().execute(async (trx) => {
    if (options.pruneMinutesBefore !== undefined) {
      await trx
        .deleteFrom('article_view_minutes')
        .where('minute', '<', fromDate(options.pruneMinutesBefore))
        .execute();
    }
    if (options.batch !== undefined) {
      const recorded = await trx
        .insertInto('applied_view_batches')
        .values({ id: options.batch, applied_at: fromDate(new Date()) })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (recorded.numInsertedOrUpdatedRows === 0n) return false;
    }
    const minuteRows: Array<{
      article_id: bigint;
      minute: string;
      referrer: string;
      views: number;
    }> = [];
    for (const [id, n] of counts) {
      const updated = await trx
        .updateTable('articles')
        .set({ view_count: sql<bigint>`view_count + ${n}` })
        .where('id', '=', bindId(id))
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) continue;
      await trx
        .insertInto('article_view_buckets')
        .values({ article_id: bindId(id), hour, views: n })
        .onConflict((oc) =>
          oc
            .columns(['article_id', 'hour'])
            .doUpdateSet({ views: sql<bigint>`article_view_buckets.views + ${n}` }),
        )
        .execute();
      const split = options.byReferrer?.get(id);
      if (split === undefined) continue;
      for (const referrer of REFERRER_KINDS) {
        const views = split[referrer];
        if (views > 0) minuteRows.push({ article_id: bindId(id), minute, referrer, views });
      }
    }
    for (let i = 0; i < minuteRows.length; i += MINUTE_ROWS_PER_INSERT) {
      await trx
        .insertInto('article_view_minutes')
        .values(minuteRows.slice(i, i + MINUTE_ROWS_PER_INSERT))
        .onConflict((oc) =>
          oc.columns(['minute', 'article_id', 'referrer']).doUpdateSet({
            views: sql<number>`article_view_minutes.views + excluded.views`,
          }),
        )
        .execute();
    }
    return true;
  });
}

/** Site-wide views in one minute and kind of referrer. */
export interface MinuteViews {
  /** The minute's start, UTC. */
  readonly minute: Date;
  readonly referrer: ReferrerKind;
  readonly views: number;
}

/** One article's views in one minute and kind of referrer. */
export interface ArticleMinuteViews extends MinuteViews {
  readonly articleId: ArticleId;
}

/** Rows of an unknown referrer kind (written by hand) are read as `other`. */
function kindOf(value: string): ReferrerKind {
  return isReferrerKind(value) ? value : 'other';
}

/**
 * Site-wide views per minute and kind of referrer, for the minutes from
 * `since` (inclusive) to `until` (exclusive), oldest first; minutes with
 * no views have no row.
 */
export async function listSiteMinuteViews(
  db: Db,
  since: Date,
  until: Date,
): Promise<MinuteViews[]> {
  const rows = await db
    .selectFrom('article_view_minutes')
    .select(['minute', 'referrer', (eb) => eb.fn.sum<DbInt>('views').as('views')])
    .where('minute', '>=', fromDate(since))
    .where('minute', '<', fromDate(until))
    .groupBy(['minute', 'referrer'])
    .orderBy('minute')
    .orderBy('referrer')
    .execute();
  return rows.map((r) => ({
    minute: toDate(r.minute),
    referrer: kindOf(r.referrer),
    views: toInt(r.views),
  }));
}

/**
 * The `limit` articles most viewed in the minutes from `since` to `until`
 * (exclusive), with their views; most views first, then the newest id.
 */
export async function listTopMinuteArticles(
  db: Db,
  since: Date,
  until: Date,
  limit: number,
): Promise<Array<{ articleId: ArticleId; views: number }>> {
  const rows = await db
    .selectFrom('article_view_minutes')
    .select(['article_id', (eb) => eb.fn.sum<DbInt>('views').as('views')])
    .where('minute', '>=', fromDate(since))
    .where('minute', '<', fromDate(until))
    .groupBy('article_id')
    .orderBy('views', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ articleId: toArticleIdValue(r.article_id), views: toInt(r.views) }));
}

/**
 * The minute rows of the articles `ids` from `since` to `until`
 * (exclusive): one per article, minute and kind of referrer with views.
 */
export async function listArticleMinuteViews(
  db: Db,
  ids: readonly ArticleId[],
  since: Date,
  until: Date,
): Promise<ArticleMinuteViews[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('article_view_minutes')
    .select(['article_id', 'minute', 'referrer', 'views'])
    .where('minute', '>=', fromDate(since))
    .where('minute', '<', fromDate(until))
    .where(
      'article_id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .orderBy('minute')
    .execute();
  return rows.map((r) => ({
    articleId: toArticleIdValue(r.article_id),
    minute: toDate(r.minute),
    referrer: kindOf(r.referrer),
    views: toInt(r.views),
  }));
}

/**
 * Views of each article of `ids` in the hourly buckets from the hour of
 * `since` on; articles without views in them are absent from the map.
 */
export async function sumHourlyViewsSince(
  db: Db,
  ids: readonly ArticleId[],
  since: Date,
): Promise<Map<ArticleId, number>> {
  const views = new Map<ArticleId, number>();
  if (ids.length === 0) return views;
  const rows = await db
    .selectFrom('article_view_buckets')
    .select(['article_id', (eb) => eb.fn.sum<DbInt>('views').as('views')])
    .where(
      'article_id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .where('hour', '>=', fromDate(hourOf(since)))
    .groupBy('article_id')
    .execute();
  for (const r of rows) views.set(toArticleIdValue(r.article_id), toInt(r.views));
  return views;
}

/**
 * An article's hourly buckets from the hour of `since` on, oldest first
 * (hours without views have no row).
 */
export async function listHourlyViews(
  db: Db,
  id: ArticleId,
  since: Date,
): Promise<Array<{ hour: Date; views: number }>> {
  const rows = await db
    .selectFrom('article_view_buckets')
    .select(['hour', 'views'])
    .where('article_id', '=', bindId(id))
    .where('hour', '>=', fromDate(hourOf(since)))
    .orderBy('hour')
    .execute();
  return rows.map((r) => ({ hour: toDate(r.hour), views: toInt(r.views) }));
}

/** Forgets applied spool batches (once their spool file is removed): ids as given to addViews. */
export async function forgetViewBatches(db: Kysely<Schema>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('applied_view_batches').where('id', 'in', ids).execute();
}

/**
 * The published articles most viewed since `since` (by the hourly buckets,
 * so to the hour), most views first.
 *
 * Two steps, so that both engines start from the window's buckets and
 * never walk the articles: the most viewed ids (a few spare, for any that
 * are no longer published), then each of those articles by its key.
 */
export async function listMostReadSince(
  db: Db,
  since: Date,
  limit: number,
): Promise<ArticleSummary[]> {
  const recent = await db
    .selectFrom('article_view_buckets')
    .select(['article_id', (eb) => eb.fn.sum<bigint>('views').as('recent')])
    .where('hour', '>=', fromDate(hourOf(since)))
    .groupBy('article_id')
    .orderBy('recent', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit * 3)
    .execute();
  if (recent.length === 0) return [];
  const found = await summariesByIds(
    db,
    recent.map((r) => BigInt(r.article_id)),
  );
  return found.slice(0, limit);
}

/** Current stored view count of an article, or null when it does not exist. */
export async function findViewCount(db: Db, id: ArticleId): Promise<number | null> {
  const row = await db
    .selectFrom('articles')
    .select('view_count')
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  return row ? toInt(row.view_count) : null;
}

/** The published articles of `ids` as summaries (with their section), by id; others are absent. */
export async function listPublishedSummariesByIds(
  db: Db,
  ids: readonly ArticleId[],
): Promise<Map<ArticleId, ArticleSummary>> {
  const summaries = new Map<ArticleId, ArticleSummary>();
  if (ids.length === 0) return summaries;
  const rows = await summaryQuery(db)
    .where(
      'articles.id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .execute();
  for (const row of rows) {
    const summary = toSummary(row);
    summaries.set(summary.id, summary);
  }
  return summaries;
}
