import type { Kysely } from 'kysely';
import { idReferenceType, timestampType, withIdColumn } from '../dialects/migration-types.js';

/**
 * Keys of the Content API, made and revoked by administrators. Only the
 * SHA-256 of a key is kept (`key_hash`), with its first characters
 * (`prefix`) so that a key can be recognised in the list; a revoked key
 * stays listed, with the time it was revoked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('api_keys').ifNotExists())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', idReferenceType(db), (c) => c.notNull().references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_used_at', timestampType(db))
    .addColumn('revoked_at', timestampType(db))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_keys').ifExists().execute();
}
