import type { Kysely } from 'kysely';
import { idReferenceType, timestampType, withIdColumn } from '../dialects/migration-types.js';

/**
 * What moving a WordPress or Ghost site in needs (issue 15):
 *
 * - `articles.kind`: `article`, or `page` for a static page («من نحن»)
 *   served at `/p/<slug>` and kept out of feeds, listings and most read.
 * - `sections.parent_id` and `sections.description`: nested categories
 *   keep their parent; a category's description comes along.
 * - `import_records`: which article each imported post became
 *   (`source` is `wordpress` or `ghost`, `item_key` the post's id there),
 *   and the article's `updated_at` as the import wrote it, so that a
 *   re-import updates instead of duplicating and keeps an article edited
 *   in the newsroom since.
 * - `imported_media`: the media item each old image URL became, so that
 *   an image used by many posts, or imported again, is stored once.
 * - `redirects`: old addresses answered with a redirect when nothing else
 *   serves them. `from_key` is the normalised path and query
 *   (domain/redirect-path.ts), unique; `hits` and `last_hit_at` count use.
 * - `missed_paths`: requests answered 404, counted per UTC day (`day` is
 *   `YYYY-MM-DD`), so the newsroom sees what old links are still missed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('articles')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('article'))
    .execute();
  await db.schema
    .alterTable('sections')
    .addColumn('parent_id', idReferenceType(db), (c) => c.references('sections.id'))
    .execute();
  await db.schema
    .alterTable('sections')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('import_records')
    .ifNotExists()
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('article_id', idReferenceType(db), (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('article_updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('imported_at', timestampType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('import_records_pk', ['source', 'item_key'])
    .execute();
  await db.schema
    .createIndex('import_records_article_id_idx')
    .ifNotExists()
    .on('import_records')
    .column('article_id')
    .execute();

  await db.schema
    .createTable('imported_media')
    .ifNotExists()
    .addColumn('source_url', 'text', (c) => c.primaryKey())
    .addColumn('media_id', idReferenceType(db), (c) =>
      c.notNull().references('media.id').onDelete('cascade'),
    )
    .execute();

  await withIdColumn(db, db.schema.createTable('redirects').ifNotExists())
    .addColumn('from_key', 'text', (c) => c.notNull())
    .addColumn('from_path', 'text', (c) => c.notNull())
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull().defaultTo(301))
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('newsroom'))
    .addColumn('hits', idReferenceType(db), (c) => c.notNull().defaultTo(0))
    .addColumn('last_hit_at', timestampType(db))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('redirects_from_key_idx')
    .ifNotExists()
    .unique()
    .on('redirects')
    .column('from_key')
    .execute();

  await db.schema
    .createTable('missed_paths')
    .ifNotExists()
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('missed_paths_pk', ['path', 'day'])
    .execute();
  await db.schema
    .createIndex('missed_paths_day_idx')
    .ifNotExists()
    .on('missed_paths')
    .column('day')
    .execute();
  await db.schema
    .createIndex('articles_kind_slug_idx')
    .ifNotExists()
    .on('articles')
    .columns(['kind', 'slug'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_kind_slug_idx').ifExists().execute();
  await db.schema.dropTable('missed_paths').ifExists().execute();
  await db.schema.dropTable('redirects').ifExists().execute();
  await db.schema.dropTable('imported_media').ifExists().execute();
  await db.schema.dropTable('import_records').ifExists().execute();
  await db.schema.alterTable('sections').dropColumn('description').execute();
  await db.schema.alterTable('sections').dropColumn('parent_id').execute();
  await db.schema.alterTable('articles').dropColumn('kind').execute();
}
