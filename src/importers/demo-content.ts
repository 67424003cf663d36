/**
 * The demo article a new site starts with: the seed capture in demo/,
 * imported into an empty database on first start (see demo/README.md for
 * its date).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SaveDeps } from '../services/save-imported-article.js';
import { importCapture, type CaptureImportResult } from './capture/import-capture.js';

/** The demo capture in the checkout (same path from src/ and dist/). */
export const DEMO_CAPTURE = fileURLToPath(
  new URL('../../demo/anapress-258871304963183.txt', import.meta.url),
);

/** Imports the demo article. */
export async function importDemoContent(deps: SaveDeps): Promise<CaptureImportResult> {
  return importCapture(deps, await readFile(DEMO_CAPTURE), {
    date: { year: 2020, month: 1, day: 18 },
    timeZone: 'Asia/Damascus',
  });
}
