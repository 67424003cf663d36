/**
 * Rebuilding the search index from the articles, in batches, each batch in
 * one transaction. Used by `midad reindex`, and at start when the index is
 * empty but articles exist (a database from before the index existed).
 */
import { sql } from 'kysely';
import { toArticleId } from '../domain/article-id.js';
import { searchIndexFor } from '../search/index-for.js';
import type { Database } from '../storage/database.js';
import { countArticles } from '../storage/repositories/articles.repository.js';
import { bindId, toIdString } from '../storage/repositories/convert.js';
import { refreshPlannerStatistics } from '../storage/statistics.js';

/** Articles indexed per transaction. */
export const REINDEX_BATCH = 2000;

/**
 * Empties the index and indexes every article again, then refreshes the
 * planner's statistics (storage/statistics.ts). `onProgress` is called
 * after each batch with the articles done and the total.
 * @returns the number of articles indexed.
 */
export async function rebuildSearchIndex(
  database: Database,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const index = searchIndexFor(database);
  const total = await countArticles(database.db);
  await index.clear(database.db);
  let done = 0;
  let after = 0n;
  for (;;) {
    const rows = await database.db
      .selectFrom('articles')
      .select(['id', 'headline', 'body_html'])
      .where('id', '>', bindId(after.toString()))
      .orderBy('id')
      .limit(REINDEX_BATCH)
      .execute();
    if (rows.length === 0) break;
    await database.db.transaction().execute(async (trx) => {
      for (const row of rows) {
        await index.indexArticle(
          trx,
          toArticleId(toIdString(row.id)),
          { headline: row.headline, bodyHtml: row.body_html },
          { fresh: true },
        );
      }
    });
    done += rows.length;
    after = BigInt(toIdString(rows[rows.length - 1]!.id));
    onProgress(done, total);
  }
  await refreshPlannerStatistics(database);
  return done;
}

/** True when articles exist but the index has none of them. */
export async function searchIndexIsEmpty(database: Database): Promise<boolean> {
  const [articles, indexed] = await Promise.all([
    countArticles(database.db),
    sql<{ n: bigint | number | string }>`select count(*) as n from article_search`.execute(
      database.db,
    ),
  ]);
  return articles > 0 && Number(indexed.rows[0]?.n ?? 0) === 0;
}
