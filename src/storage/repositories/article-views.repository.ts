/**
 * Article views: adding the counted views, reading an article's count, and
 * the most-read lists ranked by them. Functions take the query builder (or
 * a transaction) first.
 */
import { sql, type Kysely } from 'kysely';
import type { ArticleId, ArticleSummary } from '../../domain/article.js';
import type { Db } from '../db.js';
import type { Schema } from '../tables/schema.js';
import { summaryQuery, toSummary } from './article-summary.js';
import { bindId, fromDate, toIdString, toInt } from './convert.js';

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

/**
 * Adds buffered view counts in one transaction: `counts` maps article id to
 * views to add, counted in the hour of `at` for the most-read windows. Ids
 * of articles deleted meanwhile are ignored.
 *
 * With `batch` (a spooled batch's id, at most 64 characters), the id is
 * recorded in `applied_view_batches` in the same transaction, and a batch
 * already recorded adds nothing: resolves to false then, else true.
 */
export async function addViews(
  db: Kysely<Schema>,
  counts: Map<ArticleId, number>,
  at: Date,
  options: { batch?: string } = {},
): Promise<boolean> {
  if (counts.size === 0 && options.batch === undefined) return true;
  const hour = fromDate(hourOf(at));
  return db.transaction().execute(async (trx) => {
    if (options.batch !== undefined) {
      const recorded = await trx
        .insertInto('applied_view_batches')
        .values({ id: options.batch, applied_at: fromDate(new Date()) })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (recorded.numInsertedOrUpdatedRows === 0n) return false;
    }
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
    }
    return true;
  });
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
 * are no longer published), then those articles by key.
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
  const rows = await summaryQuery(db)
    .where(
      'articles.id',
      'in',
      recent.map((r) => r.article_id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [toIdString(row.id), row]));
  return recent
    .map((r) => byId.get(toIdString(r.article_id)))
    .filter((row): row is (typeof rows)[number] => row !== undefined)
    .slice(0, limit)
    .map(toSummary);
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
