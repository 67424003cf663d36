import type { Kysely } from 'kysely';
import { idReferenceType, timestampType, withIdColumn } from '../dialects/migration-types.js';

/**
 * The workflow log: who moved an article from which status to which, and
 * when. `user_id` is null for moves the system makes (scheduled publishing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('article_events').ifNotExists())
    .addColumn('article_id', idReferenceType(db), (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('user_id', idReferenceType(db), (c) => c.references('users.id'))
    .addColumn('move', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_events_article_id_idx')
    .ifNotExists()
    .on('article_events')
    .columns(['article_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_events').ifExists().execute();
}
