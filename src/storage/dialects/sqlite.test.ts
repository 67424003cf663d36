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
