import type { Kysely } from 'kysely';
import { idReferenceType, timestampType } from '../dialects/migration-types.js';

/**
 * What the newsroom edits besides the text: the slug (Arabic, unique), SEO
 * title and description, the featured image with its caption and credit,
 * the scheduled publish time, the breaking-news expiry, who created the
 * article, and the digest of its private preview token. One column per
 * statement: SQLite adds columns one at a time.
 */
/** A column type as `addColumn` takes it. */
type ColumnType = Parameters<ReturnType<Kysely<unknown>['schema']['alterTable']>['addColumn']>[1];

export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: Array<[string, ColumnType, boolean]> = [
    ['slug', 'text', false],
    ['seo_title', 'text', true],
    ['seo_description', 'text', true],
    ['featured_media_id', idReferenceType(db), false],
    ['featured_caption', 'text', true],
    ['featured_credit', 'text', true],
    ['scheduled_at', timestampType(db), false],
    ['breaking_until', timestampType(db), false],
    ['created_by', idReferenceType(db), false],
    ['preview_token_hash', 'text', false],
  ];
  for (const [name, type, withDefault] of columns) {
    await db.schema
      .alterTable('articles')
      .addColumn(name, type, (c) => (withDefault ? c.notNull().defaultTo('') : c))
      .execute();
  }
  await db.schema
    .createIndex('articles_slug_idx')
    .ifNotExists()
    .unique()
    .on('articles')
    .column('slug')
    .execute();
  await db.schema
    .createIndex('articles_status_scheduled_at_idx')
    .ifNotExists()
    .on('articles')
    .columns(['status', 'scheduled_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_status_scheduled_at_idx').ifExists().execute();
  await db.schema.dropIndex('articles_slug_idx').ifExists().execute();
  for (const name of [
    'preview_token_hash',
    'created_by',
    'breaking_until',
    'scheduled_at',
    'featured_credit',
    'featured_caption',
    'featured_media_id',
    'seo_description',
    'seo_title',
    'slug',
  ]) {
    await db.schema.alterTable('articles').dropColumn(name).execute();
  }
}
