/**
 * Locking the rows a transaction reads before it decides on a write.
 *
 * PostgreSQL's default isolation (read committed) lets two transactions
 * read the same rows, each decide, and both write: `select … for update`
 * makes the second wait for the first and read the rows as the first left
 * them. SQLite has no `for update` and needs none: one writer at a time,
 * and in WAL mode a transaction whose snapshot is stale when it comes to
 * write fails with SQLITE_BUSY instead of writing.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { isPostgres } from './migration-types.js';

/**
 * `query` with `for update` on PostgreSQL, unchanged on SQLite; `db` is the
 * transaction that runs it. Read the rows in one order (an `order by`) so
 * that two transactions never wait for each other's locks.
 *
 * @example forUpdate(trx, trx.selectFrom('users').select('id').orderBy('id'))
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: Pick<Kysely<unknown>, 'getExecutor'>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate() : query;
}
