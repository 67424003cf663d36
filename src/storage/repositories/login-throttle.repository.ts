/**
 * Counters of sign-in attempts, per key (`account:…` or `address:…`).
 *
 * An attempt is counted *before* its password is checked (`reserveAttempt`,
 * one conditional upsert, atomic on both engines and across instances), so
 * parallel guesses cannot all pass a check made before any of them failed.
 * A failed attempt stays counted; a successful one gives its place back.
 */
import { sql } from 'kysely';
import type { Db } from '../db.js';
import { fromDate, toDate, toDateOrNull, toInt } from './convert.js';

export interface ThrottleState {
  /** Attempts counted in the current window: failed ones and those still being checked. */
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export async function findThrottle(db: Db, key: string): Promise<ThrottleState | null> {
  const row = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  return row
    ? {
        failures: toInt(row.failures),
        windowStart: toDate(row.window_start),
        lockedUntil: toDateOrNull(row.locked_until),
      }
    : null;
}

/**
 * Counts one attempt against `key` unless the key is locked at `now` or
 * already has `limit` attempts in a window that began at or after
 * `windowCutoff` (an older window starts again at `now` with this attempt).
 * One statement (`insert … on conflict do update … where`): PostgreSQL
 * locks the row and re-checks the condition, SQLite runs it alone, so two
 * attempts never take the same last place.
 *
 * @returns true when the attempt was counted and may go ahead.
 */
export async function reserveAttempt(
  db: Db,
  key: string,
  options: { limit: number; now: Date; windowCutoff: Date },
): Promise<boolean> {
  const now = fromDate(options.now);
  const cutoff = fromDate(options.windowCutoff);
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_start: now, locked_until: null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql<number>`case when login_throttle.window_start < ${cutoff} then 1 else login_throttle.failures + 1 end`,
          window_start: sql<string>`case when login_throttle.window_start < ${cutoff} then ${now} else login_throttle.window_start end`,
        })
        .where((eb) =>
          eb.and([
            eb.or([
              eb('login_throttle.locked_until', 'is', null),
              eb('login_throttle.locked_until', '<=', now),
            ]),
            eb.or([
              eb('login_throttle.window_start', '<', cutoff),
              eb('login_throttle.failures', '<', options.limit),
            ]),
          ]),
        ),
    )
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks `key` until `until` when it has counted `limit` attempts and is
 * not locked at `now` (the first failure to find it full locks it; the
 * others change nothing). The count starts again at `now`.
 */
export async function lockWhenFull(
  db: Db,
  key: string,
  options: { limit: number; now: Date; until: Date },
): Promise<void> {
  const now = fromDate(options.now);
  await db
    .updateTable('login_throttle')
    .set({ failures: 0, window_start: now, locked_until: fromDate(options.until) })
    .where('key', '=', key)
    .where('failures', '>=', options.limit)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}

/** Gives back one counted attempt of `key` (never below zero). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
