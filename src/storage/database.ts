/**
 * Opening the database named by the configuration. Callers get a
 * `Database` and never see which engine is behind it.
 */
import type { Database } from './dialects/dialect.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrateToLatest } from './migrate.js';

export type { Database, DialectName } from './dialects/dialect.js';

export interface OpenDatabaseOptions {
  /** SQLite file path, or `:memory:`. */
  file: string;
  /** Run pending migrations before returning (default true). */
  migrate?: boolean;
}

/**
 * Opens the database and brings its schema up to date.
 * @throws AppError `MIGRATION_FAILED`; errors of the driver when the file cannot be opened.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = openSqlite(options.file);
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
