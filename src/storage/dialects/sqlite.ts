/**
 * The embedded engine: SQLite through better-sqlite3, in WAL mode with
 * foreign keys enforced. Integers come back as `bigint` (safe-integer mode)
 * so that ids past 2^53 stay exact.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import { AppError } from '../../lib/errors.js';
import type { Schema } from '../tables/schema.js';
import type { Database } from './dialect.js';

/**
 * Opens (creating if needed) the SQLite file at `file`, or an in-memory
 * database for `':memory:'`. Creates missing parent folders.
 *
 * Pragmas: `journal_mode = WAL` (readers never block the writer),
 * `synchronous = NORMAL` (durable at checkpoints in WAL mode, per SQLite's
 * documentation), `foreign_keys = ON`, `busy_timeout = 5000` ms.
 *
 * @throws AppError `DB_OPEN_FAILED` naming the file and the reason (a folder
 *   that cannot be made, a directory, a file that is not a database).
 */
export function openSqlite(file: string): Database {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    if (file !== ':memory:') makeParentFolders(file);
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.defaultSafeIntegers(true);
  } catch (error) {
    sqlite?.close();
    throw new AppError(
      'DB_OPEN_FAILED',
      `Cannot open the database file ${file}: ${reasonOf(error)}.`,
      { cause: error },
    );
  }
  const db = new Kysely<Schema>({
    dialect: new KeepingErrorsDialect({ database: withStatementCache(sqlite) }, sqlite),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Transactions begin with `begin immediate`, taking the write lock at
 * once, unless they are `read only` (`setAccessMode('read only')`): plain
 * `begin` takes it at the first write, and when another process (a worker
 * of `serve --workers N`, a CLI command) holds it or wrote since this
 * transaction's first read, that write fails with SQLITE_BUSY at once,
 * without waiting for busy_timeout ("Read transactions" and "BEGIN
 * IMMEDIATE" in SQLite's lang_transaction.html). Within one process
 * Kysely runs one transaction at a time on the one connection anyway.
 *
 * SQLite rolls a transaction back by itself after some errors (SQLITE_FULL,
 * SQLITE_IOERR, SQLITE_NOMEM, SQLITE_BUSY: "Response To Errors Within A
 * Transaction" in SQLite's documentation). Kysely then sends its own
 * ROLLBACK, which fails with "cannot rollback - no transaction is active"
 * and is thrown instead of the error that mattered. This driver sends
 * ROLLBACK only while a transaction is open, so the caller sees the
 * original error and its code.
 */
class KeepingErrorsDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(config: SqliteDialectConfig, sqlite: BetterSqlite3.Database) {
    super(config);
    this.#sqlite = sqlite;
  }

  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    const begin = settings?.accessMode === 'read only' ? 'begin' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

/** Kysely's SQLite dialect with the driver above. */
class KeepingErrorsDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #sqlite: BetterSqlite3.Database;

  constructor(config: SqliteDialectConfig, sqlite: BetterSqlite3.Database) {
    super(config);
    this.#config = config;
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new KeepingErrorsDriver(this.#config, this.#sqlite);
  }
}

/** Prepared statements kept per connection, by SQL text. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection with `prepare` caching its statements: Kysely prepares
 * every query anew, and preparing costs more than running a small query.
 * Safe because better-sqlite3 runs one statement at a time and Kysely only
 * calls `all`/`run` (a statement being iterated would not be shared).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = sqlite.prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Creates the missing folders above `file`, one level at a time: Node's
 * recursive mkdir never returns on some paths (under /proc, for one).
 */
function makeParentFolders(file: string): void {
  const missing: string[] = [];
  let folder = dirname(file);
  for (;;) {
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw new Error(`${folder} is not a folder`);
      break;
    }
    missing.unshift(folder);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const dir of missing) mkdirSync(dir);
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'it is not an SQLite database';
    case 'SQLITE_CANTOPEN':
      return 'it cannot be opened (a directory, or a folder without write permission?)';
    case 'SQLITE_READONLY':
      return 'it is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'a folder on its path cannot be created there';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
