/**
 * A string → string map kept on disk, for an importer's index of a file
 * too large to hold in memory (a WordPress export of a million posts has
 * millions of old addresses): memory stays at SQLite's page cache (2 MiB
 * here) whatever the number of entries.
 *
 * It is an anonymous temporary SQLite database (better-sqlite3 opened on
 * the empty file name): SQLite makes the file in its temporary folder
 * (SQLITE_TMPDIR, else /var/tmp, /usr/tmp or /tmp), deletes it when the
 * map is closed or the process ends, and holds it in memory until it
 * outgrows the cache (https://www.sqlite.org/inmemorydb.html, "Temporary
 * Databases"). Writes go in transactions of WRITES_PER_COMMIT; reads see
 * them at once (one connection).
 */
import BetterSqlite3 from 'better-sqlite3';

/** Writes held in one transaction before it is committed. */
const WRITES_PER_COMMIT = 10_000;

export class DiskMap {
  private readonly db = new BetterSqlite3('');
  private readonly insert;
  private readonly select;
  private pending = 0;
  private count = 0;

  constructor() {
    this.db.pragma('cache_size = -2048');
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec('create table entries (key text primary key, value text not null) without rowid');
    this.insert = this.db.prepare('insert or ignore into entries (key, value) values (?, ?)');
    this.select = this.db.prepare('select value from entries where key = ?').pluck();
  }

  /** Entries in the map. */
  get size(): number {
    return this.count;
  }

  /** The value of `key`, or undefined. */
  get(key: string): string | undefined {
    return this.select.get(key) as string | undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets `key` to `value` unless it has a value. @returns true when it was set. */
  setIfAbsent(key: string, value: string): boolean {
    if (this.pending === 0) this.db.exec('begin');
    const added = this.insert.run(key, value).changes > 0;
    if (added) this.count += 1;
    if (++this.pending >= WRITES_PER_COMMIT) this.commit();
    return added;
  }

  /** Every entry, in key order (the entries written so far are committed first). */
  *entries(): Generator<[string, string]> {
    this.commit();
    const rows = this.db
      .prepare('select key, value from entries order by key')
      .raw()
      .iterate() as Iterable<[string, string]>;
    yield* rows;
  }

  /** Deletes the map and its file. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  private commit(): void {
    if (this.pending === 0) return;
    this.db.exec('commit');
    this.pending = 0;
  }
}
