import type { Kysely } from 'kysely';
import { idReferenceType, withIdColumn } from '../dialects/migration-types.js';

/**
 * Links from an article to others: `read_also` boxes placed after
 * `after_paragraph` body paragraphs, and `more` headlines. `target_id` is
 * null while no stored article matches `headline_key`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('related_links').ifNotExists())
    .addColumn('article_id', idReferenceType(db), (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('after_paragraph', 'integer')
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('headline_key', 'text', (c) => c.notNull())
    .addColumn('target_id', idReferenceType(db), (c) =>
      c.references('articles.id').onDelete('set null'),
    )
    .execute();
  await db.schema
    .createIndex('related_links_article_id_idx')
    .ifNotExists()
    .on('related_links')
    .columns(['article_id', 'position'])
    .execute();
  await db.schema
    .createIndex('related_links_headline_key_idx')
    .ifNotExists()
    .on('related_links')
    .column('headline_key')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('related_links').ifExists().execute();
}
