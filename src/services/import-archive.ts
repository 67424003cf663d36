/**
 * `midad import-archive`: loads a site archive (export-archive.ts) into a
 * database of either engine.
 *
 * Nothing is written until the whole archive has been checked: it is
 * unpacked into a staging folder inside the media folder, then its
 * manifest, every file's size and SHA-256, every table's row count and
 * every row's columns are checked (and every body against the limits of
 * domain/body-html-limits.ts), and the archive's migrations must be
 * this database's. Then one transaction writes every row, rebuilds the
 * search index and moves the media folders into place, so a failure
 * leaves the database as it was. A database that already has content is
 * refused unless `replace` is set.
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import type { extract as extractTar } from 'tar';
import { toArticleId } from '../domain/article-id.js';
import { randomToken } from '../lib/tokens.js';
import { searchIndexFor } from '../search/index-for.js';
import type { Database } from '../storage/database.js';
import {
  ARCHIVE_TABLES,
  appliedMigrationNames,
  countArchiveRows,
  decodeArchiveRow,
  deleteSiteRows,
  insertArchiveRows,
  keepArchiveSequencesAhead,
  type ArchiveTable,
} from '../storage/archive-tables.js';
import { refreshPlannerStatistics } from '../storage/statistics.js';
import { ArchiveError, MANIFEST_PATH, parseManifest, type Manifest } from './archive-manifest.js';
import { assertBodyHtmlWithinLimits } from './body-html.js';
import { hashFile } from './export-archive.js';

/**
 * The password hash given to users imported from an archive made without
 * hashes: not a valid hash, so no password matches it until an
 * administrator sets one (`midad user reset-password`).
 */
export const NO_PASSWORD_HASH = '!imported-without-password';

export interface ImportArchiveDeps {
  database: Database;
  /** The media library's folder (config `mediaDir`). */
  mediaDir: string;
}

export interface ImportArchiveOptions {
  /** Delete the database's content (and its images' rows) first, instead of refusing. */
  replace?: boolean;
  /** Called as rows are written: rows done, rows in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportArchiveSummary {
  manifest: Manifest;
  /** Rows written per table. */
  rows: Record<string, number>;
  mediaFiles: number;
  /** Users without a password (the archive had no hashes): they need a reset. */
  usersWithoutPassword: number;
  /** Webhooks given a new signing secret (the archive had none). */
  webhooksWithNewSecret: number;
}

/** Rows held in memory before they are inserted. */
const INSERT_BATCH = 500;

/**
 * Checks the archive `file` whole, then writes it into the database and
 * refreshes the planner's statistics (storage/statistics.ts).
 * @throws ArchiveError ARCHIVE_TARGET_NOT_EMPTY (content exists, no `replace`),
 *   ARCHIVE_UNREADABLE, ARCHIVE_INVALID, ARCHIVE_INCOMPATIBLE; BodyHtmlRefused
 *   (BODY_HTML_TOO_LARGE, BODY_HTML_TOO_DEEP) for a body over the limits;
 *   nothing is written in any of these cases.
 */
export async function importArchive(
  deps: ImportArchiveDeps,
  file: string,
  options: ImportArchiveOptions = {},
): Promise<ImportArchiveSummary> {
  const { database } = deps;
  if (!options.replace) await refuseContent(database);
  await mkdir(deps.mediaDir, { recursive: true });
  const staging = await mkdtemp(join(deps.mediaDir, '.incoming-archive-'));
  try {
    // tar is loaded here, not with the server that imports NO_PASSWORD_HASH (issue 21, item 5).
    unpack((await import('tar')).extract, file, staging);
    const manifest = parseManifest(await readManifest(staging));
    await checkFiles(staging, manifest);
    await checkCompatible(database, manifest);
    for (const table of tablesOf(manifest)) await checkTable(staging, manifest, table);
    const summary = await write(deps, staging, manifest, options);
    await refreshPlannerStatistics(database);
    return summary;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The archived tables `manifest` holds (the subscriber tables only when it was made with them). */
function tablesOf(manifest: Manifest): ArchiveTable[] {
  return ARCHIVE_TABLES.filter((t) => !t.subscribers || t.name in manifest.tables);
}

async function refuseContent(database: Database): Promise<void> {
  const counts = await countArchiveRows(database.db);
  const filled = Object.entries(counts).filter(([, n]) => n > 0);
  if (filled.length > 0) {
    const list = filled.map(([t, n]) => `${n} ${t}`).join(', ');
    throw new ArchiveError(
      'ARCHIVE_TARGET_NOT_EMPTY',
      `The database is not empty (${list}). Import into an empty database, or use --replace to delete its content first.`,
    );
  }
}

/**
 * Unpacks the archive. Synchronously: an asynchronous extraction rejects
 * on the first damaged entry while earlier files may still be written,
 * which would race the clean-up of the staging folder.
 */
function unpack(extract: typeof extractTar, file: string, staging: string): void {
  try {
    extract({
      file,
      cwd: staging,
      sync: true,
      strict: true,
      // Only plain files and folders: no links or devices.
      filter: (_path, entry) =>
        'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
      preserveOwner: false,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ArchiveError(
      'ARCHIVE_UNREADABLE',
      `The archive cannot be read (truncated or damaged?): ${reason}.`,
      { cause: error },
    );
  }
}

async function readManifest(staging: string): Promise<string> {
  try {
    return await readFile(join(staging, MANIFEST_PATH), 'utf8');
  } catch (error) {
    throw new ArchiveError(
      'ARCHIVE_INVALID',
      'The file is not a Midad archive: it has no manifest.json.',
      {
        cause: error,
      },
    );
  }
}

/** Every listed file present with its size and SHA-256, and no file unlisted. */
async function checkFiles(staging: string, manifest: Manifest): Promise<void> {
  const present = new Set<string>();
  for (const entry of await readdir(staging, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(staging, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (path !== MANIFEST_PATH) present.add(path);
  }
  const tableFiles = new Set(ARCHIVE_TABLES.map((t) => `${t.name}.jsonl`));
  for (const [path, expected] of Object.entries(manifest.files)) {
    // Media files go into the media folder by these names: nothing else may be written there.
    if (
      !tableFiles.has(path) &&
      !/^media\/[1-9][0-9]{0,18}\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(path)
    ) {
      throw new ArchiveError(
        'ARCHIVE_INVALID',
        `The archive lists a file it may not hold: ${path}.`,
      );
    }
    if (!present.has(path)) {
      throw new ArchiveError('ARCHIVE_INVALID', `The archive is incomplete: ${path} is missing.`);
    }
    const actual = await hashFile(join(staging, path));
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw new ArchiveError(
        'ARCHIVE_INVALID',
        `The archive is damaged: ${path} does not match its checksum in the manifest.`,
      );
    }
    present.delete(path);
  }
  const extra = [...present][0];
  if (extra !== undefined) {
    throw new ArchiveError(
      'ARCHIVE_INVALID',
      `The archive holds a file its manifest does not list: ${extra}.`,
    );
  }
}

async function checkCompatible(database: Database, manifest: Manifest): Promise<void> {
  const ours = await appliedMigrationNames(database.db);
  if (ours.join('\n') !== manifest.migrations.join('\n')) {
    const newer = manifest.migrations.filter((m) => !ours.includes(m));
    const older = ours.filter((m) => !manifest.migrations.includes(m));
    throw new ArchiveError(
      'ARCHIVE_INCOMPATIBLE',
      `The archive was made by another version of Midad: ${
        newer.length > 0
          ? `it has migrations this one lacks (${newer.join(', ')})`
          : `it lacks migrations this one has (${older.join(', ')})`
      }. Import it with the version that made it, then export again.`,
    );
  }
  for (const table of ARCHIVE_TABLES) {
    // An archive made without --with-subscribers has no subscriber tables: the site starts with none.
    if (table.subscribers && !(table.name in manifest.tables)) continue;
    if (!(table.name in manifest.tables) || !(`${table.name}.jsonl` in manifest.files)) {
      throw new ArchiveError('ARCHIVE_INVALID', `The archive has no ${table.name} table.`);
    }
  }
}

/** Reads `<table>.jsonl` line by line, decoding each row. */
async function* tableRows(
  staging: string,
  table: ArchiveTable,
): AsyncGenerator<Record<string, bigint | number | string | null>> {
  const lines = createInterface({
    input: createReadStream(join(staging, `${table.name}.jsonl`), 'utf8'),
    crlfDelay: Infinity,
  });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    try {
      yield decodeArchiveRow(table, JSON.parse(line));
    } catch (error) {
      throw new ArchiveError(
        'ARCHIVE_INVALID',
        `The archive is damaged: ${table.name}.jsonl line ${number}: ${(error as Error).message}.`,
        { cause: error },
      );
    }
  }
}

/**
 * Every row of `table` readable, as many as the manifest says, and every
 * body (articles and revisions) within the limits of body HTML.
 * @throws ArchiveError; BodyHtmlRefused naming the file and line.
 */
async function checkTable(staging: string, manifest: Manifest, table: ArchiveTable): Promise<void> {
  let rows = 0;
  for await (const row of tableRows(staging, table)) {
    rows += 1;
    if (typeof row.body_html === 'string') {
      assertBodyHtmlWithinLimits(row.body_html, `${table.name}.jsonl line ${rows}`);
    }
  }
  const expected = manifest.tables[table.name]?.rows;
  if (rows !== expected) {
    throw new ArchiveError(
      'ARCHIVE_INVALID',
      `The archive is damaged: ${table.name}.jsonl has ${rows} rows, its manifest says ${String(expected)}.`,
    );
  }
}

async function write(
  deps: ImportArchiveDeps,
  staging: string,
  manifest: Manifest,
  options: ImportArchiveOptions,
): Promise<ImportArchiveSummary> {
  const { database } = deps;
  const index = searchIndexFor(database);
  const total = Object.values(manifest.tables).reduce((a, b) => a + b.rows, 0);
  const rows: Record<string, number> = {};
  let usersWithoutPassword = 0;
  let webhooksWithNewSecret = 0;
  const oldMedia = options.replace
    ? (await database.db.selectFrom('media').select('id').execute()).map((r) => String(r.id))
    : [];
  const newMedia = new Set<string>();
  await database.db.transaction().execute(async (trx) => {
    if (options.replace) {
      await index.clear(trx);
      await deleteSiteRows(trx);
    }
    let done = 0;
    for (const table of tablesOf(manifest)) {
      let batch: Array<Record<string, bigint | number | string | null>> = [];
      const flush = async () => {
        await insertArchiveRows(trx, table, batch);
        if (table.name === 'articles') {
          for (const row of batch) {
            await index.indexArticle(
              trx,
              toArticleId(String(row.id)),
              { headline: String(row.headline), bodyHtml: String(row.body_html) },
              { fresh: true },
            );
          }
        }
        done += batch.length;
        options.onProgress?.(done, total);
        batch = [];
      };
      let count = 0;
      for await (const row of tableRows(staging, table)) {
        if (table.name === 'users' && row.password_hash === null) {
          row.password_hash = NO_PASSWORD_HASH;
          usersWithoutPassword += 1;
        }
        if (table.name === 'webhooks' && row.secret === null) {
          row.secret = `whsec_${randomToken()}`;
          webhooksWithNewSecret += 1;
        }
        batch.push(row);
        count += 1;
        if (batch.length >= INSERT_BATCH) await flush();
      }
      await flush();
      rows[table.name] = count;
    }
    await keepArchiveSequencesAhead(trx);
    // Last, so that a failure above leaves the media folder untouched.
    const media = join(staging, 'media');
    for (const id of await readdir(media).catch(() => [] as string[])) {
      const target = join(deps.mediaDir, id);
      await rm(target, { recursive: true, force: true });
      await rename(join(media, id), target);
      newMedia.add(id);
    }
  });
  // The replaced site's images that the archive does not have belong to no row now.
  for (const id of oldMedia) {
    if (!newMedia.has(id)) await rm(join(deps.mediaDir, id), { recursive: true, force: true });
  }
  const mediaFiles = Object.keys(manifest.files).filter((p) => p.startsWith('media/')).length;
  return { manifest, rows, mediaFiles, usersWithoutPassword, webhooksWithNewSecret };
}
