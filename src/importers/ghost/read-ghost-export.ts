/**
 * Reads a Ghost export (Ghost 1 to 6; the JSON file of Ghost Admin's
 * "Export your content", wrapped `{"db": [{"meta", "data"}]}` or bare
 * `{"meta", "data"}`) into the shared shape the import service takes
 * (domain/site-import.ts), in two streaming passes over the file, as the
 * WordPress reader does:
 *
 * - Pass 1 reads the whole file, refusing one that is not well-formed JSON
 *   or not a Ghost export before anything is written, and keeps only what
 *   posts refer to: the rows of users, tags, posts_authors, posts_tags and
 *   posts_meta (ghost-tables.ts), the number of comments, and per post its
 *   count and old addresses (map-ghost-export.ts `indexGhostPost`), its
 *   body (`html`, `mobiledoc`, `lexical`…) read past and dropped.
 * - `posts()` reads the file again and yields each post, body and all, as
 *   it comes, holding no more than one at a time.
 *
 * Members, API keys, settings, sessions and every other table are read
 * past, never held, and no error message quotes the file.
 */
import type { SiteExport } from '../../domain/site-import.js';
import { AppError } from '../../lib/errors.js';
import { checkStamp, fileStamp, type FileStamp } from '../file-stamp.js';
import {
  BODY_FIELDS,
  checkPostRow,
  ghostTables,
  KEPT_TABLES,
  type GhostPostRow,
} from './ghost-tables.js';
import { JsonWalk, type JsonPath, type JsonPick } from './json-walk.js';
import { DiskMap } from '../../lib/disk-map.js';
import { siteFolder } from '../site-folder.js';
import { indexGhostPost, mapGhostExport, type GhostPostIndex } from './map-ghost-export.js';
import { MAX_GHOST_EXPORT_BYTES, readExportText, walkExportJson } from './read-export-json.js';

export interface GhostExportOptions {
  /**
   * The site's time zone. Unused: Ghost stores every time in UTC; taken
   * for the same call as the WordPress reader's.
   */
  timeZone: string;
  /**
   * The old site's address (`https://example.com`), which a Ghost export
   * does not hold: when given, posts get their old absolute URL as source
   * URL and links to it are rewritten. Default: unknown (null).
   */
  siteUrl?: string | null;
  /** The largest file read, in bytes; default MAX_GHOST_EXPORT_BYTES (500 MiB). */
  maxBytes?: number;
}

/** How messages name the file. */
const GHOST_EXPORT = 'Ghost export';

/** Post fields as long as the body that no pass needs (Ghost's text-only copy of the body). */
const UNUSED_POST_FIELDS: ReadonlySet<string> = new Set(['plaintext']);

/** Where the export's `{meta, data}` is: `db[0]` of a wrapped export, or the root of a bare one. */
type Body = 'db' | 'bare';

/** Which pass reads: pass 1 keeps the tables and post facts, pass 2 only the posts of `body`. */
type Pass = { pass: 1 } | { pass: 2; body: Body };

/** Where `path` lies: in which body, and from which of its keys on (`meta`, `data`…); null outside both. */
function inBody(path: JsonPath): { body: Body; from: number } | null {
  if (path[0] !== 'db') return { body: 'bare', from: 0 };
  if (path.length >= 2 && path[1] !== 0) return null;
  return { body: 'db', from: 2 };
}

/** What a pass keeps of the value at `path` (see json-walk.ts). */
function pick(path: JsonPath, reading: Pass): JsonPick {
  if (path.length === 0) return 'enter';
  if (path[0] === 'db' && path.length === 1) return 'enter';
  const where = inBody(path);
  if (where === null) return 'skip';
  const depth = path.length - where.from;
  if (depth === 0) return 'enter';
  const part = path[where.from];
  if (part === 'meta') return reading.pass === 1 ? 'build' : 'skip';
  if (part !== 'data') return 'skip';
  if (depth === 1) return 'enter';
  const table = path[where.from + 1];
  const posts = table === 'posts';
  if (!posts && table !== 'comments' && !KEPT_TABLES.has(String(table))) return 'skip';
  if (depth === 2) return 'enter';
  if (reading.pass === 2) {
    if (!posts || where.body !== reading.body) return 'skip';
    return depth === 4 && UNUSED_POST_FIELDS.has(String(path[where.from + 3])) ? 'skip' : 'build';
  }
  if (table === 'comments') return 'skip';
  if (posts && depth === 4) {
    const field = String(path[where.from + 3]);
    if (UNUSED_POST_FIELDS.has(field)) return 'skip';
    if (BODY_FIELDS.has(field)) return 'stub';
  }
  return 'build';
}

/** The 0-based index of the `posts` row at `path`, or null when `path` is not one. */
function postRowIndex(path: JsonPath): { body: Body; index: number } | null {
  const where = inBody(path);
  if (where === null || path.length - where.from !== 3) return null;
  const index = path[where.from + 2];
  if (path[where.from] !== 'data' || path[where.from + 1] !== 'posts') return null;
  return typeof index === 'number' ? { body: where.body, index } : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The site export in the Ghost export `file` (pass 1 done).
 * @throws AppError IMPORT_FILE_TOO_LARGE over the size limit;
 *   IMPORT_FILE_MALFORMED when it is not UTF-8 JSON (naming line and
 *   column), not a Ghost export, or a used table's row is not of Ghost's
 *   shape; IMPORT_FILE_CHANGED when it changed while read (by pass 1, or
 *   since, by `posts()`); the file system's error when it cannot be read.
 */
export async function readGhostExport(
  file: string,
  options: GhostExportOptions,
): Promise<SiteExport> {
  const maxBytes = options.maxBytes ?? MAX_GHOST_EXPORT_BYTES;
  const siteUrl = options.siteUrl?.trim().replace(/\/+$/, '') || null;
  const stamp = await fileStamp(file);
  const indexes: Record<Body, GhostPostIndex> = {
    db: { postCount: 0, linkTargets: new DiskMap(), folder: siteFolder(siteUrl) },
    bare: { postCount: 0, linkTargets: new DiskMap(), folder: siteFolder(siteUrl) },
  };
  const closeIndexes = () => Object.values(indexes).forEach((index) => index.linkTargets.close());
  const faults: Record<Body, AppError | null> = { db: null, bare: null };
  const skeleton = await walkExportJson(file, maxBytes, {
    pick: (path) => pick(path, { pass: 1 }),
    onValue: (path, value) => {
      const row = postRowIndex(path);
      if (row === null) return value;
      if (faults[row.body] !== null) return null;
      try {
        indexGhostPost(indexes[row.body], checkPostRow(value, row.index), siteUrl);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        faults[row.body] = error;
      }
      return null;
    },
  }).catch((error: unknown) => {
    closeIndexes();
    throw error;
  });
  const body: Body = isObject(skeleton) && 'db' in skeleton ? 'db' : 'bare';
  indexes[body === 'db' ? 'bare' : 'db'].linkTargets.close();
  try {
    await checkStamp(file, stamp, GHOST_EXPORT);
    return mapGhostExport(ghostTables(skeleton, faults[body]), siteUrl, indexes[body], () =>
      readPostRows(file, { maxBytes, body, stamp }),
    );
  } catch (error) {
    closeIndexes();
    throw error;
  }
}

/**
 * Pass 2: the `posts` rows of `body`, bodies and all, one at a time.
 * @throws AppError IMPORT_FILE_CHANGED when the file is no longer the one pass 1 read.
 */
async function* readPostRows(
  file: string,
  read: { maxBytes: number; body: Body; stamp: FileStamp },
): AsyncGenerator<GhostPostRow> {
  await checkStamp(file, read.stamp, GHOST_EXPORT);
  const rows: GhostPostRow[] = [];
  const walk = new JsonWalk({
    pick: (path) => pick(path, { pass: 2, body: read.body }),
    onValue: (path, value) => {
      const row = postRowIndex(path);
      if (row !== null && row.body === read.body) rows.push(checkPostRow(value, row.index));
      return null;
    },
  });
  try {
    for await (const text of readExportText(file, read.maxBytes)) {
      walk.write(text);
      yield* rows.splice(0);
    }
    walk.end();
  } catch (error) {
    // Pass 1 read this file whole without fault: a fault now means it changed.
    await checkStamp(file, read.stamp, GHOST_EXPORT);
    throw error;
  }
  yield* rows.splice(0);
  await checkStamp(file, read.stamp, GHOST_EXPORT);
}
