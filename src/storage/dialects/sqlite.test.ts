import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite.js';

const dir = () => mkdtempSync(join(tmpdir(), 'midad-sqlite-'));

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
