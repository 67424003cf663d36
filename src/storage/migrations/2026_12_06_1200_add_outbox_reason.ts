import { sql, type Kysely } from 'kysely';
import { addColumnIfMissing, dropColumnIfPresent } from '../dialects/migration-types.js';

/**
 * Why an outbox message was queued (issue 20), kept for the Telegram
 * channel's posts so the editor's panel can say why an article was posted:
 * `manual` (an editor's «نشر في تيليغرام»), `section` (its section is one
 * the administrator chose) or `breaking` (marked breaking news). Null for
 * the other channels and for posts queued before this column.
 * Idempotent: a column already there is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumnIfMissing(db, 'outbox_messages', 'reason', sql`text`);
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await dropColumnIfPresent(db, 'outbox_messages', 'reason');
}
