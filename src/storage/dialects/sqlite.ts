/**
 * The embedded engine: SQLite through better-sqlite3, in WAL mode with
 * foreign keys enforced. Integers come back as `bigint` (safe-integer mode)
 * so that ids past 2^53 stay exact.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Schema } from '../tables/schema.js';
import type { Database } from './dialect.js';

/**
 * Opens (creating if needed) the SQLite file at `file`, or an in-memory
 * database for `':memory:'`. Creates the parent folder.
 *
 * Pragmas: `journal_mode = WAL` (readers never block the writer),
 * `synchronous = NORMAL` (durable at checkpoints in WAL mode, per SQLite's
 * documentation), `foreign_keys = ON`, `busy_timeout = 5000` ms.
 */
export function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.defaultSafeIntegers(true);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    close: () => db.destroy(),
  };
}
