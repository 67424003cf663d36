/**
 * Ids given by the caller (an imported article keeps its site's id) and
 * ids the database assigns must never collide. SQLite assigns the largest
 * rowid + 1, so it needs nothing; PostgreSQL's identity sequence does not
 * see ids inserted explicitly, so it is moved past them here.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../tables/schema.js';
import { isPostgres } from './migration-types.js';

/**
 * After inserting a row of `table` with an explicit `id`: on PostgreSQL,
 * sets the table's id sequence to the largest id, so the next assigned id
 * is above it (as on SQLite). Nothing on SQLite.
 */
export async function keepIdSequenceAhead(db: Kysely<Schema>, table: keyof Schema): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'),
    (select max(id) from ${sql.table(table)}))`.execute(db);
}
