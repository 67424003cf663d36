/**
 * Addresses answered 404, counted so that the newsroom sees which old
 * links still miss (and adds redirects for them).
 *
 * Like the view counter (view-counter.ts), a miss only adds to a number in
 * memory (count-buffer.ts); every few seconds the counts are added to `missed_paths`
 * (`hits + n`, per UTC day of the flush) in one batch, and days older than
 * MISSED_PATH_DAYS are forgotten. Unlike views, misses are not spooled: a
 * crash loses at most one interval's counts, which only rank a list.
 *
 * A scanner trying random addresses must not grow memory or the table
 * without bound: at most MAX_MISSED_PATHS_PER_FLUSH distinct addresses are
 * kept between two flushes (later new ones are dropped, known ones still
 * counted), at most MAX_MISSED_PATHS_PER_DAY stored a day, and addresses no reader's link leads to are never counted
 * (isCountableMiss).
 */
import type { MissedPath } from '../domain/redirect.js';
import { CountBuffer, type CountBufferOptions } from './count-buffer.js';
import { redirectKey } from '../domain/redirect-path.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError } from '../lib/errors.js';
import {
  addMissedHits,
  countMissedPathsOfDay,
  missedOnDay,
  pruneMissedPaths,
  topMissedPaths,
} from '../storage/repositories/missed-paths.repository.js';
import type { Database } from './database.js';
import type { RedirectDeps } from './redirects.js';

/** Days of misses kept and shown. */
export const MISSED_PATH_DAYS = 30;
/** Distinct addresses counted between two flushes. */
export const MAX_MISSED_PATHS_PER_FLUSH = 1000;
/**
 * Distinct addresses stored per day: the table holds at most 30 times
 * this. Once a day has this many, only the addresses already stored that
 * day are counted further.
 */
export const MAX_MISSED_PATHS_PER_DAY = 10_000;
/** Longest address counted, characters: real links are far shorter; scanners' payloads are not. */
export const MAX_MISSED_PATH_LENGTH = 500;
/** How often misses are written, ms. */
export const MISSED_PATHS_FLUSH_MS = 60_000;
/** Most-missed addresses the newsroom shows. */
export const TOP_MISSED_PATHS = 20;

/**
 * Probes of WordPress's and PHP's weak spots, and hidden files: no old
 * link of a news site leads there, so they would only bury real misses.
 * (An old `index.php/2021/…` permalink still counts: only a last segment
 * ending in `.php` is left out.)
 */
const HOSTILE =
  /^\/(?:wp-admin|wp-includes|wp-json|cgi-bin|phpmyadmin)(?:\/|$)|\.php$|\/\.(?!well-known\/)[^/]*/i;

/**
 * The key under which a 404 is counted, or null when it is not counted:
 * not an address, over MAX_MISSED_PATH_LENGTH characters, or a probe
 * (`/wp-admin/…`, `/wp-login.php`, `/xmlrpc.php`, `/.env`, `/.git/config`).
 * @example missedPathKey('/%D8%AE%D8%A8%D8%B1/?utm_source=x') === '/خبر'
 */
export function missedPathKey(pathAndQuery: string): string | null {
  if (pathAndQuery.length > MAX_MISSED_PATH_LENGTH) return null;
  const key = redirectKey(pathAndQuery);
  if (key === null) return null;
  const path = key.split('?', 1)[0] ?? '';
  return HOSTILE.test(path) ? null : key;
}

/** The UTC day (`YYYY-MM-DD`) of an instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The UTC day `days` days before `at`'s. */
function daysBefore(at: Date, days: number): string {
  return utcDay(new Date(at.getTime() - days * 86_400_000));
}

export interface MissedPathsOptions extends Omit<CountBufferOptions, 'maxKeys'> {
  /** Distinct addresses counted between two flushes (default MAX_MISSED_PATHS_PER_FLUSH). */
  maxPaths?: number;
}

/** 404s counted in memory (count-buffer.ts), written every MISSED_PATHS_FLUSH_MS. */
export class MissedPaths extends CountBuffer {
  constructor(options: MissedPathsOptions) {
    super({ ...options, maxKeys: options.maxPaths ?? MAX_MISSED_PATHS_PER_FLUSH });
  }

  /** Counts one 404 of `pathAndQuery` (as requested). @returns false when it is not counted. */
  record(pathAndQuery: string): boolean {
    const key = missedPathKey(pathAndQuery);
    return key !== null && this.add(key);
  }

  /** Flushes every `intervalMs` milliseconds (the timer does not keep the process alive). */
  override start(intervalMs: number = MISSED_PATHS_FLUSH_MS): void {
    super.start(intervalMs);
  }
}

/**
 * Adds a batch of misses to the day of `at` (UTC) and forgets the days
 * older than MISSED_PATH_DAYS, in one transaction. Addresses new to the
 * day are stored while the day has fewer than `maxPerDay`
 * (MAX_MISSED_PATHS_PER_DAY); the others of the batch are dropped.
 */
export function saveMissedPaths(
  database: Database,
  counts: Map<string, number>,
  at: Date,
  maxPerDay: number = MAX_MISSED_PATHS_PER_DAY,
): Promise<void> {
  const day = utcDay(at);
  return database.db.transaction().execute(async (trx) => {
    const known = await missedOnDay(trx, day, [...counts.keys()]);
    let room = maxPerDay - (await countMissedPathsOfDay(trx, day));
    const kept = new Map<string, number>();
    for (const [path, hits] of counts) {
      if (known.has(path)) kept.set(path, hits);
      else if (room > 0) {
        kept.set(path, hits);
        room -= 1;
      }
    }
    await addMissedHits(trx, kept, day);
    await pruneMissedPaths(trx, daysBefore(at, MISSED_PATH_DAYS - 1));
  });
}

/**
 * The TOP_MISSED_PATHS addresses missed most in the last MISSED_PATH_DAYS
 * days (today, UTC, included), leaving out those that now have a redirect.
 * @throws AppError FORBIDDEN
 */
export async function mostMissedPaths(deps: RedirectDeps, actor: Actor): Promise<MissedPath[]> {
  if (!can(actor, 'redirect.manage'))
    throw new AppError('FORBIDDEN', 'Only editors and administrators manage redirects.');
  return topMissedPaths(
    deps.database.db,
    daysBefore(deps.now(), MISSED_PATH_DAYS - 1),
    TOP_MISSED_PATHS,
  );
}
