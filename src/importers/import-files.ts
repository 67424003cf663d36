/**
 * The `midad import` command's work: import each file, report one line per
 * file, go on after a refused file, and tell the caller whether all went in.
 */
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../lib/errors.js';
import type { SaveDeps } from '../services/save-imported-article.js';
import { tooLargeError } from './capture/decode.js';
import { importCapture } from './capture/import-capture.js';
import { MAX_CAPTURE_BYTES } from './capture/parse-capture.js';
import type { CaptureDateOptions } from './capture/to-imported-article.js';

export interface FileOutcome {
  file: string;
  ok: boolean;
  /** The one-line result, e.g. `created 258871304963183 «…»`. */
  line: string;
}

/**
 * Imports `files` in order. Never throws for a bad file: its outcome says why.
 * @returns one outcome per file, in order.
 */
export async function importFiles(
  deps: SaveDeps,
  files: readonly string[],
  options: CaptureDateOptions,
  onOutcome: (outcome: FileOutcome) => void = () => {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const outcome = await importOne(deps, file, options);
    outcomes.push(outcome);
    onOutcome(outcome);
  }
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

async function importOne(
  deps: SaveDeps,
  file: string,
  options: CaptureDateOptions,
): Promise<FileOutcome> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    // Never read a huge file whole: the parser would refuse it anyway.
    if (info.size > MAX_CAPTURE_BYTES) {
      return { file, ok: false, line: `${file}: refused: ${tooLargeError(info.size).userMessage}` };
    }
    bytes = await readFile(file);
  } catch (error) {
    return { file, ok: false, line: `${file}: refused: ${readFailure(error)}` };
  }
  try {
    const r = await importCapture(deps, bytes, options);
    const notes = r.warnings.length > 0 ? ` (warning: ${r.warnings.join('; ')})` : '';
    return { file, ok: true, line: `${file}: ${r.action} ${r.id} «${r.headline}»${notes}` };
  } catch (error) {
    const reason =
      error instanceof AppError
        ? error.userMessage
        : error instanceof RangeError
          ? error.message
          : `unexpected error: ${String(error)}`;
    return { file, ok: false, line: `${file}: refused: ${reason}` };
  }
}
