import type { Kysely } from 'kysely';
import { idReferenceType, timestampType } from '../dialects/migration-types.js';

/**
 * Server-side sessions, shared by every app instance. `id` is the SHA-256
 * of the token in the cookie, so a copy of the table opens no session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', idReferenceType(db), (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_seen_at', timestampType(db), (c) => c.notNull())
    .addColumn('expires_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sessions_user_id_idx')
    .ifNotExists()
    .on('sessions')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sessions').ifExists().execute();
}
