/**
 * Login throttling, per account and per address, as the OWASP
 * Authentication Cheat Sheet ("Login Throttling") recommends: after
 * ACCOUNT_FAILURES failed sign-ins to one account within WINDOW_MS, that
 * account refuses sign-ins for LOCK_MS; after ADDRESS_FAILURES from one
 * address, that address does. Counts live in the database, shared by every
 * app instance. Addresses are kept only as a SHA-256 digest.
 */
import { sha256Hex } from '../lib/tokens.js';
import type { Database } from '../storage/database.js';
import {
  clearThrottle,
  findThrottle,
  saveThrottle,
} from '../storage/repositories/login-throttle.repository.js';

export const ACCOUNT_FAILURES = 5;
export const ADDRESS_FAILURES = 20;
/** Window in which failures add up, ms (15 minutes). */
export const WINDOW_MS = 15 * 60_000;
/** How long a lock lasts, ms (15 minutes). */
export const LOCK_MS = 15 * 60_000;

export interface ThrottleKeys {
  account: string;
  address: string;
}

/** The throttle keys of a sign-in attempt. */
export function throttleKeys(email: string, address: string): ThrottleKeys {
  return { account: `account:${email}`, address: `address:${sha256Hex(address)}` };
}

/**
 * When sign-ins for these keys are locked, the instant the lock ends
 * (the later of the two); else null.
 */
export async function lockedUntil(
  database: Database,
  keys: ThrottleKeys,
  now: Date,
): Promise<Date | null> {
  const states = await Promise.all([
    findThrottle(database.db, keys.account),
    findThrottle(database.db, keys.address),
  ]);
  const locks = states
    .map((s) => s?.lockedUntil ?? null)
    .filter((d): d is Date => d !== null && d > now);
  return locks.length === 0 ? null : new Date(Math.max(...locks.map((d) => d.getTime())));
}

/** Counts a failed sign-in against both keys, locking each that reaches its limit. */
export async function recordFailure(
  database: Database,
  keys: ThrottleKeys,
  now: Date,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (const [key, limit] of [
      [keys.account, ACCOUNT_FAILURES],
      [keys.address, ADDRESS_FAILURES],
    ] as const) {
      const state = await findThrottle(trx, key);
      const fresh = !state || now.getTime() - state.windowStart.getTime() > WINDOW_MS;
      const failures = fresh ? 1 : state.failures + 1;
      await saveThrottle(trx, key, {
        failures: failures >= limit ? 0 : failures,
        windowStart: fresh || failures >= limit ? now : state.windowStart,
        lockedUntil:
          failures >= limit ? new Date(now.getTime() + LOCK_MS) : (state?.lockedUntil ?? null),
      });
    }
  });
}

/** Forgets the account's failures after a successful sign-in. */
export async function recordSuccess(database: Database, keys: ThrottleKeys): Promise<void> {
  await clearThrottle(database.db, keys.account);
}
