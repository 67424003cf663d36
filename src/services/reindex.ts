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

/** Articles indexed per transaction (read in one query, written in multi-row inserts). */
export const REINDEX_BATCH = 2000;

/**
 * Memory PostgreSQL may use to build each index of the search table again
 * (`maintenance_work_mem`, this session only). A GIN index built in one
 * pass from sorted keys is much faster than one grown row by row; its
 * default of 64 MB spills to disk at some 100,000 articles.
 */
const INDEX_BUILD_MEMORY = '512MB';

/**
 * Empties the index and indexes every article again, then refreshes the
 * planner's statistics (storage/statistics.ts). `onProgress` is called
 * after each batch with the articles done and the total.
 *
 * On PostgreSQL the search tables' secondary indexes (the GIN index of
 * `article_match.match`) are dropped while the rows are written and built
 * again after: the manual's advice for loading a table ("Populating a Database",
 * §14.4.3). Searches find nothing during a rebuild in any case (the index
 * is emptied first). Should the rebuild fail, the indexes are built again
 * before the error is thrown.
 * @returns the number of articles indexed.
 */
export async function rebuildSearchIndex(
  database: Database,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const index = searchIndexFor(database);
  const total = await countArticles(database.db);
  await index.clear(database.db);
  const indexes = database.dialect === 'postgres' ? await dropSecondaryIndexes(database) : [];
  let done = 0;
  try {
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
      await database.db.transaction().execute((trx) =>
        index.indexArticles(
          trx,
          rows.map((row) => ({
            id: toArticleId(toIdString(row.id)),
            text: { headline: row.headline, bodyHtml: row.body_html },
            fresh: true,
          })),
        ),
      );
      done += rows.length;
      after = BigInt(toIdString(rows[rows.length - 1]!.id));
      onProgress(done, total);
    }
  } finally {
    await createIndexes(database, indexes);
  }
  await refreshPlannerStatistics(database);
  return done;
}

/**
 * Drops the indexes of the search tables (`article_search` and its
 * narrow `article_match`) other than their primary keys (PostgreSQL), returning their definitions (`create index …`) to build
 * them again with.
 */
async function dropSecondaryIndexes(database: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = current_schema()
      and i.tablename in ('article_search', 'article_match')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(
    database.db,
  );
  for (const { name } of rows) await sql`drop index ${sql.id(name)}`.execute(database.db);
  return rows.map((r) => r.definition);
}

/** Builds the indexes of `definitions` (from dropSecondaryIndexes), with more sort memory. */
async function createIndexes(database: Database, definitions: readonly string[]): Promise<void> {
  if (definitions.length === 0) return;
  await database.db.connection().execute(async (connection) => {
    await sql`select set_config('maintenance_work_mem', ${INDEX_BUILD_MEMORY}, false)`.execute(
      connection,
    );
    try {
      for (const definition of definitions) await sql.raw(definition).execute(connection);
    } finally {
      await sql`reset maintenance_work_mem`.execute(connection);
    }
  });
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
