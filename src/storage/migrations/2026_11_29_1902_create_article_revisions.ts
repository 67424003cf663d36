import type { Kysely } from 'kysely';
import { idReferenceType, timestampType, withIdColumn } from '../dialects/migration-types.js';

/**
 * Every save of an article, whole: what it said and who saved it. `kind` is
 * `save`, `autosave` (at most one per article and user, replaced as the
 * writer types), `restore` or `import`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('article_revisions').ifNotExists())
    .addColumn('article_id', idReferenceType(db), (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', idReferenceType(db), (c) => c.references('users.id'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_revisions_article_id_idx')
    .ifNotExists()
    .on('article_revisions')
    .columns(['article_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_revisions').ifExists().execute();
}
