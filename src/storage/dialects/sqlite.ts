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

/** A statement that may change the schema (and so the columns of a `select *`). */
const SCHEMA_CHANGE = /^\s*(?:create|alter|drop)\b/i;

/**
 * A kept statement as Kysely's SQLite driver uses it (`reader`, `all`,
 * `run`, `iterate`), whose `all` makes each row's object in JavaScript
 * from the row's values (better-sqlite3's raw mode) with the column names
 * read once: better-sqlite3 made each name a V8 string and set it on each
 * row in C++, some 0.3 µs a column (an article's row and its joins have 47:
 * 60 µs of CPU read whole, 47 this way; a summary 30 against 22). The rows
 * are the same objects, keys in the same order, a later column of the same
 * name overwriting an earlier one as before (both set each name as an
 * assignment does: `__proto__` sets the prototype in either). The names are read again
 * after a schema change made through this connection (`schemaChanges`), or
 * when a row's length differs from them (a change made by another process).
 */
class KeptStatement {
  readonly reader: boolean;
  #names: string[] | null = null;
  #namesAt = -1;

  constructor(
    readonly statement: BetterSqlite3.Statement,
    private readonly schemaChanges: () => number,
  ) {
    this.reader = statement.reader;
  }

  all(parameters: readonly unknown[]): unknown[] {
    const statement = this.statement;
    statement.raw(true);
    let rows: unknown[][];
    try {
      rows = statement.all(parameters) as unknown[][];
    } finally {
      statement.raw(false);
    }
    const count = rows.length;
    if (count === 0) return rows;
    const names = this.#columnNames(rows[0]!.length);
    const width = names.length;
    const objects = new Array<Record<string, unknown>>(count);
    for (let r = 0; r < count; r++) {
      const values = rows[r]!;
      const row: Record<string, unknown> = {};
      for (let c = 0; c < width; c++) row[names[c]!] = values[c];
      objects[r] = row;
    }
    return objects;
  }

  run(parameters: readonly unknown[]): BetterSqlite3.RunResult {
    return this.statement.run(parameters);
  }

  iterate(parameters: readonly unknown[]): IterableIterator<unknown> {
    return this.statement.iterate(parameters);
  }

  /** The result's column names, read again when stale. */
  #columnNames(width: number): string[] {
    const at = this.schemaChanges();
    if (this.#names === null || this.#namesAt !== at || this.#names.length !== width) {
      this.#names = this.statement.columns().map((column) => column.name);
      this.#namesAt = at;
    }
    return this.#names;
  }
}

/**
 * The connection with `prepare` caching its statements (KeptStatement):
 * Kysely prepares every query anew, and preparing costs more than running
 * a small query. Safe because better-sqlite3 runs one statement at a time
 * and Kysely only calls `all`/`run` (a statement being iterated would not
 * be shared).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, KeptStatement>();
  let schemaChanges = 0;
  const changesSeen = () => schemaChanges;
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = new KeptStatement(sqlite.prepare(source), changesSeen);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    // Counted before it runs: a statement kept from before reads its names again after.
    if (!statement.reader && SCHEMA_CHANGE.test(source)) schemaChanges += 1;
    return statement;
  };
  const exec = (source: string) => {
    schemaChanges += 1;
    return sqlite.exec(source);
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      if (property === 'exec') return exec;
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
