import { writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite.js';
import { testFolder } from '../../../test/helpers/temp-folder.js';

const dir = () => testFolder('sqlite');

describe('openSqlite', () => {
  it('creates missing folders and opens in WAL mode with foreign keys on', async () => {
    const database = openSqlite(join(dir(), 'a', 'b', 'site.db'));
    const { sql } = await import('kysely');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
    const fk = await sql<{ foreign_keys: bigint }>`pragma foreign_keys`.execute(database.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1n);
    await database.close();
  });

  it.each([
    [
      'a file that is not a database',
      (d: string) => {
        writeFileSync(join(d, 'notes.db'), 'these are notes, not a database '.repeat(100));
        return join(d, 'notes.db');
      },
      /Cannot open the database file .*notes\.db: it is not an SQLite database\./,
    ],
    [
      'a path under a file',
      (d: string) => {
        writeFileSync(join(d, 'file'), 'x');
        return join(d, 'file', 'site.db');
      },
      /Cannot open the database file .*: .*file is not a folder\./,
    ],
    ['a directory', (d: string) => d, /Cannot open the database file .*: it cannot be opened/],
    [
      'a path under /proc',
      () => '/proc/midad-nope/site.db',
      /Cannot open the database file \/proc\/midad-nope\/site\.db: /,
    ],
  ])('refuses %s with a clear message', (_name, make, message) => {
    expect(() => openSqlite(make(dir()))).toThrow(message);
  });
});

describe('a transaction on a full disk', () => {
  it('fails with SQLITE_FULL, not with the rollback that SQLite already made', async () => {
    const database = openSqlite(join(dir(), 'site.db'));
    const { sql } = await import('kysely');
    await sql`create table t (x text)`.execute(database.db);
    // The file may not grow past its present size: the next page is "disk full".
    const pages = await sql<{ page_count: bigint }>`pragma page_count`.execute(database.db);
    await sql.raw(`pragma max_page_count = ${pages.rows[0]?.page_count}`).execute(database.db);

    const failure = await database.db
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < 50; i++) {
          await sql`insert into t values (${'x'.repeat(4000)})`.execute(trx);
        }
      })
      .then(
        () => null,
        (error: unknown) => error as { code?: string; message?: string },
      );

    expect(failure?.code).toBe('SQLITE_FULL');
    expect(failure?.message).toBe('database or disk is full');
    // The connection is usable afterwards: nothing was left half-done.
    const rows = await sql<{ n: bigint }>`select count(*) as n from t`.execute(database.db);
    expect(rows.rows[0]?.n).toBe(0n);
    await database.close();
  });
});

describe('a transaction', () => {
  /** Whether another connection (as another process would) can take the write lock now. */
  const otherCanWrite = (file: string) => {
    const other = new BetterSqlite3(file, { timeout: 0 });
    try {
      other.exec('begin immediate');
      other.exec('rollback');
      return true;
    } catch (error) {
      return (error as { code?: string }).code === 'SQLITE_BUSY' ? false : String(error);
    } finally {
      other.close();
    }
  };

  it('takes the write lock at its start, so that another process waits instead of failing later', async () => {
    const file = join(dir(), 'site.db');
    const database = openSqlite(file);
    const { sql } = await import('kysely');
    expect(otherCanWrite(file)).toBe(true);
    const inside = await database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      return otherCanWrite(file);
    });
    expect(inside).toBe(false);
    const readOnly = await database.db
      .transaction()
      .setAccessMode('read only')
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        return otherCanWrite(file);
      });
    expect(readOnly).toBe(true);
    await database.close();
  });
});

describe('rows read through the kept statements', () => {
  it('are the objects better-sqlite3 makes, names read again after a schema change', async () => {
    const { sql } = await import('kysely');
    const file = join(dir(), 'rows.db');
    const database = openSqlite(file);
    const db = database.db;
    await sql`create table t (id integer primary key, name text, n integer)`.execute(db);
    await sql`insert into t (id, name, n) values (1, 'أ', 5), (2, null, 6)`.execute(db);
    const all = sql<Record<string, unknown>>`select * from t order by id`;
    expect((await all.execute(db)).rows).toEqual([
      { id: 1n, name: 'أ', n: 5n },
      { id: 2n, name: null, n: 6n },
    ]);
    // The same statement, kept, after a column is added through this connection.
    await sql`alter table t add column extra text default 'x'`.execute(db);
    const after = (await all.execute(db)).rows;
    expect(after[0]).toEqual({ id: 1n, name: 'أ', n: 5n, extra: 'x' });
    expect(Object.keys(after[0]!)).toEqual(['id', 'name', 'n', 'extra']);
    // As many columns as before, one named otherwise.
    await sql`alter table t rename column n to count`.execute(db);
    expect((await all.execute(db)).rows[1]).toEqual({ id: 2n, name: null, count: 6n, extra: 'x' });
    await sql`alter table t rename column count to n`.execute(db);
    // A later column of the same name wins, in the first one's place, as better-sqlite3 does.
    const twice = sql<
      Record<string, unknown>
    >`select id as a, name as b, n as a from t where id = 1`;
    const row = (await twice.execute(db)).rows[0]!;
    expect(Object.keys(row)).toEqual(['a', 'b']);
    expect(row).toEqual({ a: 5n, b: 'أ' });
    // A column named `__proto__` is set as better-sqlite3 sets it (an assignment).
    const proto = sql<
      Record<string, unknown>
    >`select x'00ff' as "__proto__", id from t where id = 1`;
    const protoRow = (await proto.execute(db)).rows[0]!;
    await database.close();
    // The same rows from better-sqlite3 itself, for the record.
    const raw = new BetterSqlite3(file);
    raw.defaultSafeIntegers(true);
    expect(raw.prepare('select * from t order by id').all()).toEqual(after);
    const rawProto = raw
      .prepare(`select x'00ff' as "__proto__", id from t where id = 1`)
      .get() as object;
    expect(Object.keys(protoRow)).toEqual(Object.keys(rawProto));
    expect(Object.getPrototypeOf(protoRow)).toEqual(Object.getPrototypeOf(rawProto));
    expect(Object.getPrototypeOf(protoRow)).toEqual(Buffer.from([0, 255]));
    raw.close();
  });
});
