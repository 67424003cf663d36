/**
 * The uses of the reader site's redirects, counted in memory
 * (count-buffer.ts, as 404s and article views are) and written every
 * REDIRECT_HITS_FLUSH_MS and at shutdown: a spike on an old link costs one
 * write per interval, not one per request. The newsroom's hit counts lag
 * by at most one interval; a crash loses at most one interval's.
 */
import { addRedirectHits } from '../storage/repositories/redirects.repository.js';
import { CountBuffer } from './count-buffer.js';
import type { Database } from './database.js';

/** How often the hits of redirects are written, ms. */
export const REDIRECT_HITS_FLUSH_MS = 5_000;

/** Uses of redirects by redirect id, counted in memory until flushed. */
export class RedirectHits extends CountBuffer {
  /** Counts one use of redirect `id`. */
  record(id: string): void {
    this.add(id);
  }
}

/** Adds a batch of hits (redirect id → uses) in one transaction, `at` (UTC) the last use. */
export function saveRedirectHits(
  database: Database,
  counts: ReadonlyMap<string, number>,
  at: Date,
): Promise<void> {
  return database.db.transaction().execute((trx) => addRedirectHits(trx, counts, at));
}
