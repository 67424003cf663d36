/**
 * Sessions, keyed by the SHA-256 of the cookie's token.
 */
import type { Db } from '../db.js';
import { bindId, fromDate, toDate, toIdString } from './convert.js';

export interface SessionRow {
  id: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: bindId(session.userId),
      created_at: fromDate(now),
      last_seen_at: fromDate(now),
      expires_at: fromDate(session.expiresAt),
    })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | null> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row
    ? {
        id: row.id,
        userId: toIdString(row.user_id),
        lastSeenAt: toDate(row.last_seen_at),
        expiresAt: toDate(row.expires_at),
      }
    : null;
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: fromDate(now), expires_at: fromDate(expiresAt) })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (deactivation, password reset). */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', bindId(userId)).execute();
}

/** Removes sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', fromDate(now)).execute();
}
