/**
 * The `midad import` command's work: import each file, report one line per
 * file, go on after a refused file, and tell the caller whether all went in.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../lib/errors.js';
import type { SaveDeps } from '../services/save-imported-article.js';
import { importCapture } from './capture/import-capture.js';
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

async function importOne(
  deps: SaveDeps,
  file: string,
  options: CaptureDateOptions,
): Promise<FileOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return { file, ok: false, line: `${file}: refused: ${reason}` };
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
