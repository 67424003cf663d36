/**
 * Login throttling, per account and per address, as the OWASP
 * Authentication Cheat Sheet ("Login Throttling") recommends: after
 * ACCOUNT_FAILURES failed sign-ins to one account within WINDOW_MS, that
 * account refuses sign-ins for LOCK_MS; after ADDRESS_FAILURES from one
 * address, that address does. Counts live in the database, shared by every
 * app instance. Addresses are kept only as a SHA-256 digest.
 *
 * Each attempt takes its place in both counts *before* its password is
 * checked (`reserveAttempt`), and a full count refuses further attempts:
 * checking first and counting after let 100 parallel guesses all be
 * checked (issue 13). A failed attempt keeps its place, the first failure
 * of a full count locks the key, and a successful attempt gives its place
 * back (`recordSuccess`) or, cut short by an error, `releaseAttempt`. A
 * place never given back (a crashed process) lapses with its window, so no
 * account stays locked for longer than WINDOW_MS by it.
 */
import { sha256Hex } from '../lib/tokens.js';
import type { Database } from '../storage/database.js';
import {
  clearThrottle,
  findThrottle,
  lockWhenFull,
  releaseAttempt as releaseKey,
  reserveAttempt as reserveKey,
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

/** Thrown inside the reservation's transaction to undo it. */
class Refused extends Error {}

/**
 * Takes a place for one attempt in the account's and the address's counts,
 * both or neither (one transaction).
 *
 * @returns null when the attempt may check its password; else the instant
 *   until which sign-ins are refused: the later active lock, or, while the
 *   full count's attempts are still being checked (no lock yet), `now` +
 *   LOCK_MS, the lock they will most likely set.
 */
export async function reserveAttempt(
  database: Database,
  keys: ThrottleKeys,
  now: Date,
): Promise<Date | null> {
  const windowCutoff = new Date(now.getTime() - WINDOW_MS);
  try {
    await database.db.transaction().execute(async (trx) => {
      for (const [key, limit] of limits(keys)) {
        if (!(await reserveKey(trx, key, { limit, now, windowCutoff }))) throw new Refused();
      }
    });
    return null;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
  }
  const states = await Promise.all([
    findThrottle(database.db, keys.account),
    findThrottle(database.db, keys.address),
  ]);
  const locks = states
    .map((s) => s?.lockedUntil ?? null)
    .filter((d): d is Date => d !== null && d > now);
  return locks.length === 0
    ? new Date(now.getTime() + LOCK_MS)
    : new Date(Math.max(...locks.map((d) => d.getTime())));
}

/** A failed sign-in keeps its places; each key whose count is full is locked. */
export async function recordFailure(
  database: Database,
  keys: ThrottleKeys,
  now: Date,
): Promise<void> {
  const until = new Date(now.getTime() + LOCK_MS);
  for (const [key, limit] of limits(keys)) {
    await lockWhenFull(database.db, key, { limit, now, until });
  }
}

/** Forgets the account's failures after a successful sign-in; the address gets its place back. */
export async function recordSuccess(database: Database, keys: ThrottleKeys): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await clearThrottle(trx, keys.account);
    await releaseKey(trx, keys.address);
  });
}

/** Gives back both places of an attempt that ended in neither success nor failure (an error). */
export async function releaseAttempt(database: Database, keys: ThrottleKeys): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await releaseKey(trx, keys.account);
    await releaseKey(trx, keys.address);
  });
}

function limits(keys: ThrottleKeys): ReadonlyArray<readonly [string, number]> {
  return [
    [keys.account, ACCOUNT_FAILURES],
    [keys.address, ADDRESS_FAILURES],
  ];
}
