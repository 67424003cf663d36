/**
 * Importing one page capture: parse, map, store. Nothing is written for a
 * capture that is refused.
 */
import type { ImportWarning } from '../../services/import-warning.js';
import type { SaveDeps, SaveResult } from '../../services/save-imported-article.js';
import { saveImportedArticle } from '../../services/save-imported-article.js';
import { parseCapture } from './parse-capture.js';
import { toImportedArticle, type CaptureDateOptions } from './to-imported-article.js';

/** The capture's dates, and its encoding when it is not UTF-8 (`--encoding`). */
export interface CaptureImportOptions extends CaptureDateOptions {
  encoding?: string | null | undefined;
}

export interface CaptureImportResult extends SaveResult {
  headline: string;
  warnings: ImportWarning[];
}

/**
 * Imports the capture in `bytes`.
 * @throws CaptureError when the file is refused (nothing is written);
 *   RangeError for an impossible date; database errors (nothing is written).
 */
export async function importCapture(
  deps: SaveDeps,
  bytes: Uint8Array,
  options: CaptureImportOptions,
): Promise<CaptureImportResult> {
  const parsed = parseCapture(bytes, { encoding: options.encoding ?? null });
  const { article, warnings } = toImportedArticle(parsed, options);
  const saved = await saveImportedArticle(deps, article);
  return { ...saved, headline: article.headline, warnings: [...warnings, ...saved.notes] };
}
