import type { Kysely } from 'kysely';
import { idReferenceType, timestampType } from '../dialects/migration-types.js';

/**
 * Views per article per hour (UTC, the hour's start), written with each
 * batch of buffered views, so that "most read" can cover the last 24 hours
 * or 7 days. No visitor data is kept: only counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_view_buckets')
    .ifNotExists()
    .addColumn('article_id', idReferenceType(db), (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('hour', timestampType(db), (c) => c.notNull())
    .addColumn('views', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_view_buckets_pk', ['article_id', 'hour'])
    .execute();
  await db.schema
    .createIndex('article_view_buckets_hour_idx')
    .ifNotExists()
    .on('article_view_buckets')
    .column('hour')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_view_buckets').ifExists().execute();
}
