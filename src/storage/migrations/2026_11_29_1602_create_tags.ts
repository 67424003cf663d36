import type { Kysely } from 'kysely';
import { idReferenceType, withIdColumn } from '../dialects/migration-types.js';

/** Tags, and which articles carry them in which order. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('tags').ifNotExists())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('article_tags')
    .ifNotExists()
    .addColumn('article_id', idReferenceType(db), (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('tag_id', idReferenceType(db), (c) =>
      c.notNull().references('tags.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema
    .createIndex('article_tags_tag_id_idx')
    .ifNotExists()
    .on('article_tags')
    .column('tag_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_tags').ifExists().execute();
  await db.schema.dropTable('tags').ifExists().execute();
}
