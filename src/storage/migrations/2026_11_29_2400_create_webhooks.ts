import type { Kysely } from 'kysely';
import { idReferenceType, timestampType, withIdColumn } from '../dialects/migration-types.js';

/**
 * Publish webhooks and their deliveries. A delivery row is written in the
 * same transaction as the change it reports (an outbox), so none is lost
 * to a crash or a restart; the dispatcher sends the due ones and records
 * each attempt's outcome. `allow_private` (0/1) lets a hook reach a
 * loopback or private address, which is refused otherwise.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('webhooks').ifNotExists())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', idReferenceType(db), (c) => c.notNull().references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('deleted_at', timestampType(db))
    .execute();
  await withIdColumn(db, db.schema.createTable('webhook_deliveries').ifNotExists())
    .addColumn('webhook_id', idReferenceType(db), (c) =>
      c.notNull().references('webhooks.id').onDelete('cascade'),
    )
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('finished_at', timestampType(db))
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .ifNotExists()
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_webhook_id_idx')
    .ifNotExists()
    .on('webhook_deliveries')
    .column('webhook_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').ifExists().execute();
  await db.schema.dropTable('webhooks').ifExists().execute();
}
