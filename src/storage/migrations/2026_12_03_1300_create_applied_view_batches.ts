import type { Kysely } from 'kysely';
import { timestampType } from '../dialects/migration-types.js';

/**
 * Batches of views applied from a spool file (views that could not be
 * written when a server stopped), by the batch's id, written in the same
 * transaction as the views: a spool applied twice (a crash between the
 * commit and the file's removal) counts each batch once. Rows are removed
 * once their spool file is gone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applied_view_batches')
    .ifNotExists()
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('applied_at', timestampType(db), (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('applied_view_batches').ifExists().execute();
}
