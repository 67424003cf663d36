/**
 * The `midad import` command's work: import each file (a page capture, or
 * a JSON Lines file of articles, told apart by their content: file-kind.ts),
 * report one line per file, go on after a refused file, and tell the caller
 * whether all went in. A file of another kind is refused, named by what it
 * seems to be, and never imported as a capture.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { AppError } from '../lib/errors.js';
import { finishImport, type SaveDeps } from '../services/save-imported-article.js';
import { tooLargeError } from './capture/decode.js';
import { importCapture } from './capture/import-capture.js';
import { MAX_CAPTURE_BYTES } from './capture/parse-capture.js';
import { fileKind, SNIFF_BYTES, type FileKind } from './file-kind.js';
import { importJsonl } from './jsonl/import-jsonl.js';
import type { CaptureDateOptions } from './capture/to-imported-article.js';

export interface FileOutcome {
  file: string;
  /** True when all of the file went in; a JSON Lines file with skipped lines is `partial`. */
  ok: boolean;
  partial?: boolean;
  /** The one-line result, e.g. `created 258871304963183 «…»`. */
  line: string;
  /** Lines about parts of the file (a JSON Lines file's skipped lines). */
  details: string[];
}

export interface ImportOptions extends CaptureDateOptions {
  /** Progress through a JSON Lines file, in bytes. */
  onProgress?: (file: string, bytesRead: number, bytesTotal: number) => void;
}

/**
 * Imports `files` in order, then refreshes the planner's statistics when
 * anything went in (finishImport). Never throws for a bad file:
 * its outcome says why.
 * @returns one outcome per file, in order.
 */
export async function importFiles(
  deps: SaveDeps,
  files: readonly string[],
  options: ImportOptions,
  onOutcome: (outcome: FileOutcome) => void = () => {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const outcome = await importOne(deps, file, options);
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  if (outcomes.some((o) => o.ok || o.partial)) await finishImport(deps);
  return outcomes;
}

function readFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The first SNIFF_BYTES of `file` (fewer when it is shorter). */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Why a file of `kind` is not imported, or null when it is a capture or JSON Lines. */
function refusalOf(kind: FileKind): string | null {
  switch (kind.kind) {
    case 'wxr':
      return `a WordPress export (WXR${kind.version === null ? '' : ` ${kind.version}`}): importing WordPress exports is not available yet; nothing was imported`;
    case 'ghost':
      return 'a Ghost export: importing Ghost exports is not available yet; nothing was imported';
    case 'other':
      return `this is ${kind.what}, not a page capture, JSON Lines, or a WordPress or Ghost export; nothing was imported`;
    default:
      return null;
  }
}

async function importJsonLines(
  deps: SaveDeps,
  file: string,
  options: ImportOptions,
): Promise<FileOutcome> {
  const summary = await importJsonl(deps, file, {
    timeZone: options.timeZone,
    onProgress: (read, total) => options.onProgress?.(file, read, total),
  });
  const skipped = summary.skipped.length;
  return {
    file,
    ok: skipped === 0,
    partial: skipped > 0,
    line: `${file}: ${summary.created} created, ${summary.updated} updated, ${skipped} lines skipped`,
    details: [
      ...summary.skipped.map((s) => `${file}:${s.line}: skipped: ${s.reason}`),
      ...summary.warnings.map((w) => `${file}:${w.line}: warning: ${w.warning}`),
    ],
  };
}

async function importOne(
  deps: SaveDeps,
  file: string,
  options: ImportOptions,
): Promise<FileOutcome> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    // A device or a pipe (/dev/zero, a FIFO) has no size to check and may never end.
    if (!info.isFile()) {
      return { file, ok: false, line: `${file}: refused: not a regular file`, details: [] };
    }
    const kind = fileKind(await readHead(file), file);
    const refusal = refusalOf(kind);
    if (refusal !== null)
      return { file, ok: false, line: `${file}: refused: ${refusal}`, details: [] };
    if (kind.kind === 'jsonl') return await importJsonLines(deps, file, options);
    // Never read a huge file whole: the parser would refuse it anyway.
    if (info.size > MAX_CAPTURE_BYTES) {
      return {
        file,
        ok: false,
        line: `${file}: refused: ${tooLargeError(info.size).message}`,
        details: [],
      };
    }
    bytes = await readFile(file);
  } catch (error) {
    return { file, ok: false, line: `${file}: refused: ${readFailure(error)}`, details: [] };
  }
  try {
    const r = await importCapture(deps, bytes, options);
    const label = r.warnings.length === 1 ? 'warning' : 'warnings';
    const notes =
      r.warnings.length > 0 ? ` (${label}: ${r.warnings.map((w) => w.message).join(' ')})` : '';
    return {
      file,
      ok: true,
      line: `${file}: ${r.action} ${r.id} «${r.headline}»${notes}`,
      details: [],
    };
  } catch (error) {
    const reason =
      error instanceof AppError
        ? error.message
        : error instanceof RangeError
          ? error.message
          : `unexpected error: ${String(error)}`;
    return { file, ok: false, line: `${file}: refused: ${reason}`, details: [] };
  }
}
