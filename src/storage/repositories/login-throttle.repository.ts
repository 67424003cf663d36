/**
 * Counters of failed sign-ins, per key (`account:…` or `address:…`).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../tables/schema.js';
import { fromDate, toDate, toDateOrNull, toInt } from './convert.js';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface ThrottleState {
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

export async function saveThrottle(db: Db, key: string, state: ThrottleState): Promise<void> {
  const values = {
    failures: state.failures,
    window_start: fromDate(state.windowStart),
    locked_until: state.lockedUntil === null ? null : fromDate(state.lockedUntil),
  };
  await db
    .insertInto('login_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
