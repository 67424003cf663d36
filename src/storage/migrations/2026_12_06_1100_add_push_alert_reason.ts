import { sql, type Kysely } from 'kysely';
import { addColumnIfMissing, dropColumnIfPresent } from '../dialects/migration-types.js';

/**
 * Why a push alert was sent (issue 20): `published` (to its section's
 * followers), `breaking` (marked breaking news) or `manual` (an editor's
 * «إرسال تنبيه»). The daily cap counts `breaking` and `manual` alerts
 * only. An index on (reason, created_at) answers the cap's count.
 * Idempotent: a column or index already there is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumnIfMissing(db, 'push_alerts', 'reason', sql`text not null default 'published'`);
  await db.schema
    .createIndex('push_alerts_reason_created_idx')
    .ifNotExists()
    .on('push_alerts')
    .columns(['reason', 'created_at'])
    .execute();
}

/** Drops the index and the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('push_alerts_reason_created_idx').ifExists().execute();
  await dropColumnIfPresent(db, 'push_alerts', 'reason');
}
