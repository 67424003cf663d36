/**
 * Polling a drop folder: the files an agency's system (or an FTP server)
 * leaves in it, NewsML-G2, NewsML 1.x, NITF or feed documents, one story or
 * more each. Only new and changed files are read (a file is known by its
 * name, size and modification time, services/wire-sources.ts
 * `folderFileSeen`), oldest name first. A refused file (not a wire
 * document, a NewsML-G2 package, too large, bad XML) is reported and
 * remembered, so it is not read again until it changes; a file no longer
 * in the folder is forgotten (dropped again, it is read again).
 *
 * Not read: names starting with `.` or `~` and names ending `.tmp`,
 * `.part`, `.partial`, `.crdownload`, `.swp` (files still being written by
 * their usual tools); files whose extension is not one a wire document
 * has (pictures dropped beside NewsML items); files changed within the
 * last `settleMs` (a copy still in progress), read next round. The folder
 * is not searched below its top level.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { WireSource } from '../../domain/wire.js';
import {
  folderFileSeen,
  forgetMissingFolderFiles,
  markFolderFile,
} from '../../services/wire-sources.js';
import { ingestWireItems } from '../../services/wire-queue.js';
import { MAX_WIRE_DOCUMENT_BYTES, readWireDocument } from './read-wire.js';
import { addIngested, emptySourceReport, type SourcePollReport } from './poll-report.js';
import { readFailure, type WirePollDeps } from './wire-poll-deps.js';

/** Extensions of the files read; a name without one is read too. */
const WIRE_EXTENSIONS = new Set([
  '.xml',
  '.nitf',
  '.nml',
  '.newsml',
  '.g2',
  '.rss',
  '.atom',
  '.rdf',
  '.json',
]);

/** Names of files still being written, or of no one's concern. */
const NOT_READY = /^[.~]|\.(tmp|part|partial|crdownload|swp)$/i;

/** Files read at most in one round; the rest wait for the next. */
export const MAX_FOLDER_FILES_PER_ROUND = 200;

/** Options of one folder's round. */
export interface FolderPollOptions {
  /** A file changed less than this long ago is left for the next round, ms (default 2000). */
  settleMs?: number;
  /** Files read at most (default MAX_FOLDER_FILES_PER_ROUND). */
  maxFiles?: number;
  /** Stops between files (the server stopping). */
  signal?: AbortSignal;
}

/** True for a name the folder poller reads. */
export function isWireFileName(name: string): boolean {
  if (NOT_READY.test(name)) return false;
  const extension = extname(name).toLowerCase();
  return extension === '' || WIRE_EXTENSIONS.has(extension);
}

function mebibytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MiB`;
}

/**
 * Reads the new and changed files of `source`'s folder and stores their
 * items. A folder that cannot be listed fails the source; a file that
 * cannot be read as a wire document is refused (in `refused`), the others
 * go on. @throws only a database error.
 */
export async function pollFolderSource(
  deps: WirePollDeps,
  source: WireSource,
  options: FolderPollOptions = {},
): Promise<SourcePollReport> {
  const report = emptySourceReport(source);
  const settleMs = options.settleMs ?? 2000;
  const maxFiles = options.maxFiles ?? MAX_FOLDER_FILES_PER_ROUND;
  const folder = source.folder;
  let names: string[];
  try {
    if (folder === null) throw new Error('the source has no folder');
    names = (await readdir(folder)).filter(isWireFileName).sort();
  } catch (error) {
    report.status = 'failed';
    const code = (error as NodeJS.ErrnoException).code;
    report.error =
      code === 'ENOENT'
        ? `the folder ${folder} does not exist`
        : code === 'ENOTDIR'
          ? `${folder} is not a folder`
          : `cannot read the folder ${folder}: ${code ?? (error as Error).message}`;
    return report;
  }
  // Files taken away (read and moved, or deleted) are forgotten, so the memory stays the folder's size.
  await forgetMissingFolderFiles(deps, source.id, names);
  let read = 0;
  for (const name of names) {
    if (read >= maxFiles || options.signal?.aborted) break;
    const path = join(folder as string, name);
    const file = await stat(path).catch(() => null); // gone since listed: nothing to read
    if (file === null || !file.isFile()) continue;
    const mtimeMs = Math.floor(file.mtimeMs);
    if (Date.now() - file.mtimeMs < settleMs) continue;
    if (await folderFileSeen(deps, source.id, name, file.size, mtimeMs)) continue;
    read++;
    report.status = 'ok';
    if (file.size > MAX_WIRE_DOCUMENT_BYTES) {
      report.refused.push({
        file: name,
        reason: `too large (${mebibytes(file.size)}; at most ${mebibytes(MAX_WIRE_DOCUMENT_BYTES)})`,
      });
      await markFolderFile(deps, source.id, name, file.size, mtimeMs);
      continue;
    }
    let document;
    try {
      document = await readWireDocument(createReadStream(path), { fileName: name });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // removed while read
      const reason = readFailure(error);
      if (reason === null && typeof code === 'string' && code.startsWith('E')) {
        // Unreadable (permissions): said each round until it can be read.
        report.refused.push({ file: name, reason: `cannot read: ${code}` });
        continue;
      }
      if (reason === null) throw error;
      report.refused.push({ file: name, reason });
      await markFolderFile(deps, source.id, name, file.size, mtimeMs);
      continue;
    }
    const ingested = await ingestWireItems(deps, source.id, document.items, deps.now());
    addIngested(report, ingested);
    report.items += document.items.length;
    for (const warning of [...document.warnings, ...ingested.warnings]) {
      report.warnings.push(`${name}: ${warning}`);
    }
    await markFolderFile(deps, source.id, name, file.size, mtimeMs);
  }
  return report;
}
