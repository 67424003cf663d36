import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * Indexes in the order readers' lists are read: published articles newest
 * first (undated last), and most viewed first. Without them every home
 * page, listing page and feed sorted all published articles (at 100,000
 * articles on SQLite: 340 ms for the latest list, 260 ms for the most-read
 * one; the home page took a second to render). SQLite walks its existing
 * (status, published_at) index backwards; PostgreSQL needs the NULLS LAST
 * order spelled out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create index if not exists articles_latest_idx
      on articles (status, published_at desc nulls last, id desc)`.execute(db);
    await sql`create index if not exists articles_most_read_idx
      on articles (status, view_count desc, id desc)`.execute(db);
    return;
  }
  await sql`create index if not exists articles_most_read_idx
    on articles (status, view_count)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists articles_latest_idx`.execute(db);
  await sql`drop index if exists articles_most_read_idx`.execute(db);
}
