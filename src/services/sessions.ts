/**
 * Server-side sessions. The cookie carries a random 256-bit token; the
 * database keeps only its SHA-256, the user and the expiry. A session lasts
 * SESSION_TTL_MS after its last use (sliding), and ends at sign-out, at
 * deactivation and at a password reset.
 */
import type { User } from '../domain/user.js';
import { randomToken, sha256Hex } from '../lib/tokens.js';
import type { Database } from '../storage/database.js';
import {
  deleteSession,
  findSession,
  insertSession,
  touchSession,
} from '../storage/repositories/sessions.repository.js';
import { findUserById } from '../storage/repositories/users.repository.js';

/** Idle lifetime of a session, ms (14 days). */
export const SESSION_TTL_MS = 14 * 24 * 3600_000;
/** A session's expiry is pushed back at most this often, ms (1 hour), to spare writes. */
const TOUCH_EVERY_MS = 3600_000;

export interface SessionDeps {
  database: Database;
  now: () => Date;
}

/** Starts a session for `userId`; returns the token for the cookie. */
export async function startSession(deps: SessionDeps, userId: string): Promise<string> {
  const token = randomToken();
  const now = deps.now();
  await insertSession(
    deps.database.db,
    { id: sha256Hex(token), userId, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    now,
  );
  return token;
}

/** The active user of the session named by `token`, or null (unknown, expired, deactivated). */
export async function resolveSession(deps: SessionDeps, token: string): Promise<User | null> {
  const id = sha256Hex(token);
  const session = await findSession(deps.database.db, id);
  const now = deps.now();
  if (!session) return null;
  if (session.expiresAt <= now) {
    await deleteSession(deps.database.db, id);
    return null;
  }
  const user = await findUserById(deps.database.db, session.userId);
  if (!user || user.status !== 'active') return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.database.db, id, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return user;
}

/** Ends the session named by `token` (sign-out). */
export async function endSession(deps: SessionDeps, token: string): Promise<void> {
  await deleteSession(deps.database.db, sha256Hex(token));
}
