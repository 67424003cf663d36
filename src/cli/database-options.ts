/**
 * The flags that name the database, shared by every command that opens
 * it: `--db FILE` (SQLite) and `--database URL` (PostgreSQL, which wins).
 */
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load.js';
import type { Config, ConfigInput } from '../config/schema.js';
import { AppError } from '../lib/errors.js';
import { openDatabase, type Database } from '../storage/database.js';

/** What the two flags gave, as commander parses them. */
export interface DatabaseFlags {
  db?: string | undefined;
  database?: string | undefined;
}

/** Settings a command's own flags give, over the environment's. */
export type ConfigOverrides = Partial<Record<keyof ConfigInput, string | number | undefined>>;

/**
 * Adds `--db <file>` (SQLite) and `--database <url>` (PostgreSQL; replaces
 * `--db`) to `command`, and returns it.
 */
export function withDatabaseFlags(command: Command): Command {
  return command
    .addOption(
      new Option('--db <file>', 'SQLite database file (env MIDAD_DB, default data/midad.db)'),
    )
    .addOption(
      new Option(
        '--database <url>',
        'PostgreSQL URL postgres://user@host:5432/name (env MIDAD_DATABASE_URL); replaces --db',
      ),
    );
}

/**
 * The settings: the environment, then `overrides`, then the database flags
 * (flags win over the environment).
 * @throws AppError `CONFIG_INVALID`
 */
export function configFromFlags(flags: DatabaseFlags, overrides: ConfigOverrides = {}): Config {
  return loadConfig(process.env, {
    ...overrides,
    ...(flags.db === undefined ? {} : { dbFile: flags.db }),
    ...(flags.database === undefined ? {} : { databaseUrl: flags.database }),
  });
}

/**
 * The settings of `configFromFlags`, and the database they name, opened
 * (and migrated) by `openConfiguredDatabase`. The caller closes it.
 * @throws AppError `CONFIG_INVALID`, `DB_NOT_FOUND` (with `existing`), `DB_OPEN_FAILED`, `MIGRATION_FAILED`
 */
export async function openFromFlags(
  flags: DatabaseFlags,
  options: { existing?: boolean; overrides?: ConfigOverrides } = {},
): Promise<{ config: Config; database: Database }> {
  const config = configFromFlags(flags, options.overrides);
  const database = await openConfiguredDatabase(config, options);
  return { config, database };
}

/**
 * As openFromFlags, for a command that must create nothing (`midad import
 * --dry-run`): when the SQLite file does not exist, an empty database in
 * memory stands for it (`inMemory` true), and no file or folder is made.
 * @throws as openFromFlags.
 */
export async function openFromFlagsCreatingNothing(
  flags: DatabaseFlags,
  options: { overrides?: ConfigOverrides } = {},
): Promise<{ config: Config; database: Database; inMemory: boolean }> {
  const config = configFromFlags(flags, options.overrides);
  if (config.databaseUrl === undefined && !existsSync(config.dbFile)) {
    return { config, database: await openDatabase({ file: ':memory:' }), inMemory: true };
  }
  return { config, database: await openConfiguredDatabase(config), inMemory: false };
}

/**
 * Opens (and migrates) the database that `config` names: PostgreSQL when
 * `databaseUrl` is set, else the SQLite file `dbFile`, made when missing
 * unless `existing` (commands that work on a site's content, where a
 * mistyped path must not become a new empty site).
 * @throws AppError `DB_NOT_FOUND` (with `existing`), `DB_OPEN_FAILED`, `MIGRATION_FAILED`.
 */
function openConfiguredDatabase(
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
