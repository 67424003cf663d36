/**
 * The view spool: views that could not be written to the database when a
 * server stopped (a full disk, a database that does not answer) are kept
 * in a file, and added to the database at the next start.
 *
 * The file is JSON Lines, one batch a line:
 *   {"batch":"<uuid>","at":"2026-12-03T13:00:00.000Z","views":[["258871304963183",300]]}
 * `at` is when the views were counted (they go to that hour's most-read
 * bucket); ids are decimal strings (they pass 2^53).
 *
 * Applying is idempotent: each batch is added in one transaction together
 * with its id (addViews' `batch`), so a file applied twice, after a crash
 * between the commit and the file's removal, counts each batch once. The
 * file is renamed before it is read, so batches that another process
 * appends meanwhile go to a new file and wait for the next start.
 *
 * A full disk would also refuse the spool, so the spool keeps a reserve: a
 * file of `reserveBytes` made at start, removed to make room when a write
 * finds the disk full.
 */
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  createReadStream,
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { cutAtGraphemeBoundary } from '../arabic/truncate.js';
import { parseArticleId, type ArticleId } from '../domain/article-id.js';
import type { Database } from '../storage/database.js';
import { addViews, forgetViewBatches } from '../storage/repositories/article-views.repository.js';

/** One batch of the spool: views per article, counted at `at`. */
export interface SpooledBatch {
  readonly batch: string;
  readonly at: Date;
  readonly views: Map<ArticleId, number>;
}

/** Bytes kept free for the spool by default (some 5,000 articles' counts). */
export const SPOOL_RESERVE_BYTES = 128 * 1024;

/**
 * The spool file beside a SQLite database: `<db>.views-spool.jsonl`.
 * @example spoolFileBeside('data/midad.db') // 'data/midad.db.views-spool.jsonl'
 */
export function spoolFileBeside(dbFile: string): string {
  return `${dbFile}.views-spool.jsonl`;
}

/**
 * The spool file of worker `worker` (1, 2, …) of `midad serve --workers N`:
 * each worker writes its own, so two processes never append to one file.
 * @example workerSpoolFile('data/midad.db.views-spool.jsonl', 2) // '….jsonl.w2'
 */
export function workerSpoolFile(file: string, worker: number): string {
  return `${file}.w${worker}`;
}

/**
 * The workers' spool files of `file` that hold batches to apply (the file
 * itself, or what an apply left half-way), whatever number of workers
 * wrote them; sorted by worker. None when the folder does not exist.
 */
export function workerSpoolFiles(file: string): string[] {
  const prefix = `${basename(file)}.w`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
  const workers = new Set<number>();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const worker = /^(\d+)(?:$|\.applying-)/.exec(name.slice(prefix.length))?.[1];
    if (worker !== undefined) workers.add(Number(worker));
  }
  return [...workers].sort((a, b) => a - b).map((worker) => workerSpoolFile(file, worker));
}

/** Writes batches to one spool file (synchronously: it runs while the process stops). */
export class ViewSpool {
  readonly file: string;
  readonly #reserveFile: string;
  readonly #reserveBytes: number;

  constructor(file: string, options: { reserveBytes?: number } = {}) {
    this.file = file;
    this.#reserveFile = `${file}.reserve`;
    this.#reserveBytes = options.reserveBytes ?? SPOOL_RESERVE_BYTES;
  }

  /**
   * Makes (or keeps) the reserve file. Returns false, leaving no partial
   * reserve behind, when the disk has no room for it.
   */
  reserve(): boolean {
    try {
      writeFileSync(this.#reserveFile, Buffer.alloc(this.#reserveBytes));
      return true;
    } catch {
      rmSync(this.#reserveFile, { force: true });
      return false;
    }
  }

  /**
   * Appends `views` as one batch counted at `at`, and syncs the file to
   * disk. When the disk is full, removes the reserve and tries once more.
   * A failed write leaves the file as it was (no torn line).
   * @returns the batch written.
   * @throws the file system's error (ENOSPC, EACCES…) when it cannot be written.
   */
  write(views: Map<ArticleId, number>, at: Date): SpooledBatch {
    const batch: SpooledBatch = { batch: randomUUID(), at, views: new Map(views) };
    const line = `${JSON.stringify({
      batch: batch.batch,
      at: at.toISOString(),
      views: [...views],
    })}\n`;
    try {
      appendWhole(this.file, line);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      rmSync(this.#reserveFile, { force: true });
      appendWhole(this.file, line);
    }
    return batch;
  }
}

/**
 * Appends `text` and syncs; on failure cuts the file back to its former
 * length. After a line cut short by a crash, starts a new line first.
 */
function appendWhole(file: string, text: string): void {
  const fd = openSync(file, 'a+');
  try {
    const size = fstatSync(fd).size;
    try {
      const last = Buffer.alloc(1);
      const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
      const bytes = Buffer.from(torn ? `\n${text}` : text);
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done);
      fsyncSync(fd);
    } catch (error) {
      try {
        ftruncateSync(fd, size);
      } catch {
        // Cutting back frees space, so it hardly fails; a torn line is refused when read.
      }
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

/** What applying a spool did. */
export interface SpoolApplied {
  /** Batches added to the database. */
  readonly batches: number;
  /** Views in those batches. */
  readonly views: number;
  /** Batches found already applied (and not counted again). */
  readonly skipped: number;
  /** Lines that were not a batch, kept in `<spool>.rejected`. */
  readonly rejected: number;
}

/**
 * Adds every batch of the spool `file` (and of files left by an apply that
 * stopped half-way) to the database, then removes them. Resolves to what
 * was done; all zeros when there is no spool.
 * @throws the database's error when a batch cannot be written: the files
 *   stay, and the next start applies them (batches already added are skipped).
 */
export async function applyViewSpool(database: Database, file: string): Promise<SpoolApplied> {
  try {
    renameSync(file, `${file}.applying-${process.pid}-${Date.now()}`);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  const prefix = `${basename(file)}.applying-`;
  const folder = dirname(file);
  let entries: string[];
  try {
    entries = readdirSync(folder).filter((name) => name.startsWith(prefix));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') entries = [];
    else throw error;
  }
  let batches = 0;
  let views = 0;
  let skipped = 0;
  let rejected = 0;
  const ids: string[] = [];
  for (const name of entries.sort()) {
    // A file that another running process is applying is its to finish.
    const owner = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (owner !== process.pid && isRunning(owner)) continue;
    const path = join(folder, name);
    // Line by line, so that a spool of any size is read in bounded memory.
    for await (const line of createInterface({ input: createReadStream(path, 'utf8') })) {
      if (line.trim() === '') continue;
      const batch = parseBatch(line);
      if (batch === null) {
        const kept =
          line.length > SPOOL_LINE_MAX_CHARS ? `${cutAtGraphemeBoundary(line, 200)}… (cut)` : line;
        appendFileSync(`${file}.rejected`, `${kept}\n`);
        rejected++;
        continue;
      }
      ids.push(batch.batch);
      if (await addViews(database.db, batch.views, batch.at, { batch: batch.batch })) {
        batches++;
        for (const n of batch.views.values()) views += n;
      } else {
        skipped++;
      }
    }
    rmSync(path, { force: true });
  }
  // The files are gone: their batches can no longer come back.
  await forgetViewBatches(database.db, ids);
  return { batches, views, skipped, rejected };
}

/** True when a process with id `pid` runs on this machine. */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * The longest spool line taken, in characters: a batch of 20,000 articles'
 * counts is about 600 KB. A longer line is not one this server wrote.
 */
export const SPOOL_LINE_MAX_CHARS = 1024 * 1024;
/** The most views one batch may add to one article: more is not a count this server kept. */
export const SPOOL_MAX_VIEWS = 1_000_000_000;

/**
 * A spool line as a batch, or null when it is not one (a torn or edited
 * line, a line over SPOOL_LINE_MAX_CHARS, a count over SPOOL_MAX_VIEWS).
 */
export function parseBatch(line: string): SpooledBatch | null {
  if (line.length > SPOOL_LINE_MAX_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { batch, at, views } = value as Record<string, unknown>;
  if (typeof batch !== 'string' || batch === '' || batch.length > 64) return null;
  if (typeof at !== 'string' || !Array.isArray(views)) return null;
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) return null;
  const counts = new Map<ArticleId, number>();
  for (const entry of views) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [rawId, n] = entry as [unknown, unknown];
    const id = typeof rawId === 'string' ? parseArticleId(rawId) : null;
    if (id === null || typeof n !== 'number' || !Number.isSafeInteger(n)) return null;
    if (n < 1 || n > SPOOL_MAX_VIEWS) return null;
    counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return { batch, at: when, views: counts };
}
