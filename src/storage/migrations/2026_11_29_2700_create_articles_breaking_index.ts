import { sql, type Kysely } from 'kysely';

/**
 * An index on the status and breaking-news flag expiry, partial to the few articles
 * that have one. The ticker (listBreaking) is asked on every page; without
 * it both engines read every published article to find the flagged ones
 * (46–58 ms at 20,000 articles on SQLite, by `npm run bench`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists articles_breaking_until_idx
    on articles (status, breaking_until) where breaking_until is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists articles_breaking_until_idx`.execute(db);
}
