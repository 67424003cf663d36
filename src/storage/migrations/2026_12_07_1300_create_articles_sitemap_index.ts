import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * The sitemaps' index: published news articles by publish time, then id
 * (the order a sitemap file's batches are read in), with the two dates a
 * file's summary takes the newest of. The sitemap index counts each month
 * and finds its newest change (rangeSummary) from this index alone, and a
 * monthly file reads each batch of 1,000 from where the last stopped.
 * Before it, each summary read every row of the month (at 100,000
 * articles, 1.1 s of CPU for the sitemap index on SQLite), and each batch
 * sorted the whole month by id, so a file of n articles read n²/1,000
 * rows. SQLite takes `id` (the rowid) as a column so that the dates after
 * it do not change the order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create index if not exists articles_sitemap_idx
      on articles (status, kind, published_at, id) include (modified_at, updated_at)`.execute(db);
    return;
  }
  await sql`create index if not exists articles_sitemap_idx
    on articles (status, kind, published_at, id, modified_at, updated_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists articles_sitemap_idx`.execute(db);
}
