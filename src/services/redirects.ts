/** Placeholder until the redirects service lands (i15-redirects). */
import type { Db } from '../storage/db.js';

export async function saveImportRedirects(
  _db: Db,
  rows: ReadonlyArray<{ from: string; to: string }>,
  _now: Date,
): Promise<number> {
  return rows.length;
}
