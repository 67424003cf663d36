/**
 * Settings of the `midad import` process for large site exports, measured
 * by `npm run bench` (100,000 posts of a WordPress export made from the
 * corpus, 2 cores):
 *
 * - SQLite's page cache at IMPORT_CACHE_MIB instead of its default 2 MiB:
 *   an import writes into a dozen B-trees at random keys (slugs, source
 *   URLs, redirect keys, the search index), and past a few thousand
 *   articles most of their pages fall out of a small cache: 527 → 654
 *   posts/s at 100,000 with 32 MiB. 24 MiB since the import runs on two
 *   threads, whose heaps take the rest of the 300 MiB it may use.
 * - SQLite's automatic checkpoint after IMPORT_CHECKPOINT_PAGES pages of
 *   write-ahead log instead of its default 1,000: each checkpoint copies
 *   the pages written since the last one into the database file, and the
 *   import rewrites the same index pages batch after batch, so checkpoints
 *   16 times further apart copy each page far fewer times (the commits'
 *   share of a 20,000-post import: 2.9 → 1.9 s). The log grows to about 64 MiB
 *   of disk before it is copied (https://www.sqlite.org/wal.html#ckpt).
 * - V8's heap growing factor at 1 + HEAP_GROWING_PERCENT/100 of the live
 *   set (V8's flag `--heap-growing-percent`, read at each full collection,
 *   so it takes effect when set at run time, unlike the heap's size
 *   limit). Left to itself, V8 lets garbage pile up to several times the
 *   few tens of MiB an import holds while memory is free.
 */
import { setFlagsFromString } from 'node:v8';
import { sql } from 'kysely';
import type { Database } from '../storage/database.js';

/** SQLite's page cache during an import, MiB. */
export const IMPORT_CACHE_MIB = 24;

/** Pages of write-ahead log (4 KiB each) between SQLite's automatic checkpoints during an import. */
export const IMPORT_CHECKPOINT_PAGES = 16384;

/** How far the JavaScript heap may grow past the live set before a full collection, percent. */
export const HEAP_GROWING_PERCENT = 50;

/** Tunes this process and `database`'s connection for an import. */
export async function tuneForImport(database: Database): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // A negative cache_size is in KiB (https://www.sqlite.org/pragma.html#pragma_cache_size).
  if (database.dialect === 'sqlite') {
    await sql.raw(`pragma cache_size = -${IMPORT_CACHE_MIB * 1024}`).execute(database.db);
    await sql.raw(`pragma wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`).execute(database.db);
  }
}
