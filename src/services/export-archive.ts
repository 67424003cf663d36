/**
 * `midad export`: the whole site in one `.tar.gz` file (format
 * "midad-archive", version 1) that `midad import-archive` reads on either
 * engine.
 *
 * Inside: `manifest.json` (archive-manifest.ts), one `<table>.jsonl` per
 * archived table (storage/archive-tables.ts: one row a line, in key order),
 * and `media/<id>/<file>` for every image in the media table. Password
 * hashes, webhook secrets and the readers' subscriptions (push and
 * newsletter subscribers) travel only when asked.
 *
 * The rows are read in one transaction, so the archive is one consistent
 * moment of the site. The file is written beside its final name and
 * renamed when complete, so a failed export leaves no partial archive.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Database } from '../storage/database.js';
import {
  ARCHIVE_TABLES,
  appliedMigrationNames,
  countArchiveRows,
  inSnapshot,
  readArchiveRows,
} from '../storage/archive-tables.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchiveError,
  MANIFEST_PATH,
  type Manifest,
} from './archive-manifest.js';

export interface ExportDeps {
  database: Database;
  /** The media library's folder (config `mediaDir`). */
  mediaDir: string;
  now: () => Date;
}

export interface ExportOptions {
  /** Write users' password hashes (else null: they set a new password on the new site). */
  withPasswordHashes?: boolean;
  /** Write webhooks' signing secrets (else null: the import makes new ones). */
  withWebhookSecrets?: boolean;
  /**
   * Write the readers' subscriptions (push subscriptions, newsletter
   * subscribers: personal data); else the archive has no such tables.
   */
  withSubscribers?: boolean;
  /** Called as rows are written: rows done, rows in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportSummary {
  /** Rows written per table. */
  rows: Record<string, number>;
  /** Media files written. */
  mediaFiles: number;
  /** Ids of images whose folder was missing from the media folder (rows kept, no files). */
  missingMedia: string[];
  /** Size of the archive, bytes. */
  bytes: number;
}

/**
 * Writes the site to a new archive file `file` (`.tar.gz`).
 * @throws ArchiveError ARCHIVE_EXISTS when `file` exists; Error from the
 *   database or the file system (no archive is left behind then).
 * @example await exportArchive(deps, 'site-2026-12-01.tar.gz', { withPasswordHashes: true })
 */
export async function exportArchive(
  deps: ExportDeps,
  file: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  if (await stat(file).catch(() => null)) {
    throw new ArchiveError('ARCHIVE_EXISTS', `${file} exists already; choose another file name.`);
  }
  const folder = dirname(resolve(file));
  await mkdir(folder, { recursive: true });
  const staging = await mkdtemp(join(folder, '.midad-export-'));
  const partial = join(folder, `.${basename(file)}.partial`);
  try {
    const { manifest, missingMedia } = await writeStaging(deps, staging, options);
    // Loaded on use, not with the server that imports hashFile (issue 21, item 5).
    const { create: createTar } = await import('tar');
    await createTar({ file: partial, cwd: staging, gzip: true, portable: true, follow: true }, [
      MANIFEST_PATH,
      ...Object.keys(manifest.files).filter((p) => !p.startsWith('media/')),
      ...(Object.keys(manifest.files).some((p) => p.startsWith('media/')) ? ['media'] : []),
    ]);
    await rename(partial, file);
    const mediaFiles = Object.keys(manifest.files).filter((p) => p.startsWith('media/')).length;
    return {
      rows: Object.fromEntries(Object.entries(manifest.tables).map(([t, v]) => [t, v.rows])),
      mediaFiles,
      missingMedia,
      bytes: (await stat(file)).size,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/** Writes the table files, links the media folders and writes the manifest into `staging`. */
async function writeStaging(
  deps: ExportDeps,
  staging: string,
  options: ExportOptions,
): Promise<{ manifest: Manifest; missingMedia: string[] }> {
  const files: Manifest['files'] = {};
  const tables: Manifest['tables'] = {};
  const mediaIds: string[] = [];
  const { migrations, createdAt } = await inSnapshot(deps.database, async (trx) => {
    const tablesWritten = ARCHIVE_TABLES.filter((t) => options.withSubscribers || !t.subscribers);
    const counts = await countArchiveRows(trx);
    const total = tablesWritten.reduce((a, t) => a + counts[t.name], 0);
    let done = 0;
    for (const table of tablesWritten) {
      const path = `${table.name}.jsonl`;
      const out = createWriteStream(join(staging, path));
      const hash = createHash('sha256');
      let rows = 0;
      let bytes = 0;
      for await (const row of readArchiveRows(trx, table)) {
        if (table.name === 'users' && !options.withPasswordHashes) row.password_hash = null;
        if (table.name === 'webhooks' && !options.withWebhookSecrets) row.secret = null;
        if (table.name === 'media') mediaIds.push(String(row.id));
        const line = Buffer.from(`${JSON.stringify(row)}\n`, 'utf8');
        hash.update(line);
        bytes += line.length;
        await write(out, line);
        rows += 1;
        done += 1;
        if (done % 500 === 0) options.onProgress?.(done, total);
      }
      out.end();
      await finished(out);
      files[path] = { bytes, sha256: hash.digest('hex') };
      tables[table.name] = { rows };
    }
    options.onProgress?.(done, total);
    return { migrations: await appliedMigrationNames(trx), createdAt: deps.now() };
  });

  const missingMedia: string[] = [];
  if (mediaIds.length > 0) await mkdir(join(staging, 'media'));
  for (const id of mediaIds) {
    const source = resolve(deps.mediaDir, id);
    const names = await readdir(source, { withFileTypes: true }).catch(() => null);
    if (names === null) {
      missingMedia.push(id);
      continue;
    }
    // The archive packs the link's target (tar's `follow`): no copy is made.
    await symlink(source, join(staging, 'media', id), 'dir');
    for (const entry of names) {
      if (!entry.isFile()) continue;
      files[`media/${id}/${entry.name}`] = await hashFile(join(source, entry.name));
    }
  }

  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    createdAt: createdAt.toISOString(),
    sourceDialect: deps.database.dialect,
    migrations,
    passwordHashes: options.withPasswordHashes === true,
    webhookSecrets: options.withWebhookSecrets === true,
    tables,
    files,
  };
  await writeFile(join(staging, MANIFEST_PATH), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, missingMedia };
}

/** Writes `chunk`, waiting for the stream to drain when its buffer is full. */
async function write(out: WriteStream, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) {
    await new Promise<void>((done, fail) => {
      out.once('drain', done);
      out.once('error', fail);
    });
  }
}

/** A file's size (bytes) and SHA-256 (hex), read as a stream. */
export async function hashFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
