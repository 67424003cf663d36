import type { Kysely } from 'kysely';
import { idReferenceType } from '../dialects/migration-types.js';

/** The bylines of an article that are newsroom users, in order. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_authors')
    .ifNotExists()
    .addColumn('article_id', idReferenceType(db), (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('user_id', idReferenceType(db), (c) => c.notNull().references('users.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('article_authors_user_id_idx')
    .ifNotExists()
    .on('article_authors')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_authors').ifExists().execute();
}
