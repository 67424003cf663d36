/**
 * Importing a JSON Lines file of articles, streamed line by line (a file
 * of any size is never read whole), saved in batches, each batch one
 * transaction. A line that is not JSON or has no body is reported by its
 * number and skipped; the rest import. Re-running the same file updates the
 * same articles (they keep their ids).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  saveImportedArticles,
  type ImportedArticle,
  type SaveDeps,
} from '../../services/save-imported-article.js';
import { readJsonlLine } from './jsonl-line.js';

/** Articles saved per transaction. */
export const JSONL_BATCH = 500;

export interface JsonlSummary {
  created: number;
  updated: number;
  /** Lines skipped, with their number (1-based) and reason. */
  skipped: Array<{ line: number; reason: string }>;
  /**
   * Notes about lines that were imported (a missing title, a stored date
   * kept, …), each one English sentence, in line order.
   */
  warnings: Array<{ line: number; warning: string }>;
}

export interface JsonlProgress {
  /** Bytes read so far, and the file's size. */
  (bytesRead: number, bytesTotal: number): void;
}

/**
 * Imports `file`.
 * @throws the file system's error when the file cannot be read; a database
 *   error (the batch in progress is rolled back, earlier batches stay).
 */
export async function importJsonl(
  deps: SaveDeps,
  file: string,
  options: { timeZone: string; onProgress?: JsonlProgress },
): Promise<JsonlSummary> {
  const size = (await stat(file)).size;
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const summary: JsonlSummary = { created: 0, updated: 0, skipped: [], warnings: [] };
  let batch: Array<{ line: number; article: ImportedArticle }> = [];
  let number = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes = await saveImportedArticles(
      deps,
      batch.map((b) => b.article),
    );
    outcomes.forEach((outcome, i) => {
      const line = batch[i]?.line ?? 0;
      if (outcome.ok) {
        summary[outcome.result.action]++;
        for (const note of outcome.result.notes)
          summary.warnings.push({ line, warning: note.message });
      } else summary.skipped.push({ line, reason: outcome.error.message });
    });
    batch = [];
    options.onProgress?.(stream.bytesRead, size);
  };

  for await (const text of lines) {
    number++;
    if (text.trim() === '') continue;
    const read = readJsonlLine(text, options.timeZone);
    if (!read.ok) {
      summary.skipped.push({ line: number, reason: read.reason });
      continue;
    }
    for (const warning of read.warnings) summary.warnings.push({ line: number, warning });
    batch.push({ line: number, article: read.article });
    if (batch.length >= JSONL_BATCH) await flush();
  }
  await flush();
  options.onProgress?.(size, size);
  // A batch's save notes come after its lines' own warnings: put them in line order.
  summary.warnings.sort((a, b) => a.line - b.line);
  return summary;
}
