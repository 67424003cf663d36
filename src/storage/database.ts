/**
 * Opening the database named by the configuration. Callers get a
 * `Database` and never see which engine is behind it.
 */
import type { Database } from './dialects/dialect.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrateToLatest } from './migrate.js';

export type { Database, DialectName } from './dialects/dialect.js';

export interface OpenDatabaseOptions {
  /** SQLite file path, or `:memory:`; used when `url` is not given. */
  file: string;
  /**
   * A PostgreSQL URL (`postgres://user@host:5432/name`): when given, the
   * database is PostgreSQL and `file` is not used.
   */
  url?: string | undefined;
  /** Run pending migrations before returning (default true). */
  migrate?: boolean;
}

/**
 * Opens the database and brings its schema up to date.
 * @throws AppError `DB_OPEN_FAILED` when it cannot be opened, `MIGRATION_FAILED`.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database =
    options.url === undefined ? openSqlite(options.file) : await openPostgres(options.url);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
