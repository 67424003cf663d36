import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * The light stemmer changed (a particle and a suffix are no longer both
 * cut down to three letters, and ف is no longer read off as a
 * conjunction), so the stems kept in the index are stale. This empties
 * the index; `midad serve` rebuilds an empty index at start (as does
 * `midad reindex`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`delete from article_search`.execute(db);
  else await sql`insert into article_search (article_search) values ('delete-all')`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to undo: the index is rebuilt from the articles.
}
