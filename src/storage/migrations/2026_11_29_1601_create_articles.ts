import type { Kysely } from 'kysely';
import { idReferenceType, timestampType, withIdColumn } from '../dialects/migration-types.js';

/**
 * Articles. `headline_key` is the headline's matching key (see
 * arabic/normalize.ts) by which related links find their targets.
 * `source_url` is the page an imported article came from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('articles').ifNotExists())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('headline_key', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('section_id', idReferenceType(db), (c) =>
      c.references('sections.id').onDelete('set null'),
    )
    .addColumn('byline', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('published_at', timestampType(db))
    .addColumn('published_local_time', 'text')
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('view_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('source_url', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('articles_headline_key_idx')
    .ifNotExists()
    .on('articles')
    .column('headline_key')
    .execute();
  await db.schema
    .createIndex('articles_status_published_at_idx')
    .ifNotExists()
    .on('articles')
    .columns(['status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('articles_view_count_idx')
    .ifNotExists()
    .on('articles')
    .column('view_count')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('articles').ifExists().execute();
}
