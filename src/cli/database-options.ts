/**
 * The flags that name the database, shared by every command that opens
 * it: `--db FILE` (SQLite) and `--database URL` (PostgreSQL, which wins).
 */
import { existsSync } from 'node:fs';
import { Option } from 'commander';
import { AppError } from '../lib/errors.js';
import type { Config } from '../config/schema.js';
import { openDatabase, type Database } from '../storage/database.js';

/** What the two flags gave, as commander parses them. */
export interface DatabaseFlags {
  db?: string | undefined;
  database?: string | undefined;
}

/** `--db <file>`: the SQLite file. */
export function dbFileOption(): Option {
  return new Option('--db <file>', 'SQLite database file (env MIDAD_DB, default data/midad.db)');
}

/** `--database <url>`: a PostgreSQL URL; when given, `--db` is not used. */
export function databaseUrlOption(): Option {
  return new Option(
    '--database <url>',
    'PostgreSQL URL postgres://user@host:5432/name (env MIDAD_DATABASE_URL); replaces --db',
  );
}

/** The configuration overrides of the flags (flags win over the environment). */
export function databaseOverrides(flags: DatabaseFlags): { dbFile?: string; databaseUrl?: string } {
  return {
    ...(flags.db === undefined ? {} : { dbFile: flags.db }),
    ...(flags.database === undefined ? {} : { databaseUrl: flags.database }),
  };
}

/**
 * Opens (and migrates) the database that `config` names: PostgreSQL when
 * `databaseUrl` is set, else the SQLite file `dbFile`, made when missing
 * unless `existing` (commands that work on a site's content, where a
 * mistyped path must not become a new empty site).
 * @throws AppError `DB_NOT_FOUND` (with `existing`), `DB_OPEN_FAILED`, `MIGRATION_FAILED`.
 */
export function openConfiguredDatabase(
  config: Config,
  options: { existing?: boolean } = {},
): Promise<Database> {
  if (options.existing && config.databaseUrl === undefined && !existsSync(config.dbFile)) {
    throw new AppError(
      'DB_NOT_FOUND',
      `There is no database at ${config.dbFile}: check --db or MIDAD_DB.`,
    );
  }
  return openDatabase({ file: config.dbFile, url: config.databaseUrl });
}
