import type { Kysely } from 'kysely';
import { idReferenceType, timestampType, withIdColumn } from '../dialects/migration-types.js';

/**
 * The media library: one row per uploaded image. The files live under
 * `<mediaDir>/<id>/`: WebP variants named by width (`w640.webp`; `widths`
 * lists them as a JSON array) and a re-encoded `original_file`
 * (`original.jpg` or `original.png`). `width`/`height` are those of the
 * upright original; `bytes` the size of the upload; `mime` its sniffed type.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('media').ifNotExists())
    .addColumn('uploaded_by', idReferenceType(db), (c) => c.notNull().references('users.id'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('widths', 'text', (c) => c.notNull())
    .addColumn('original_file', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_uploaded_by_idx')
    .ifNotExists()
    .on('media')
    .column('uploaded_by')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('media').ifExists().execute();
}
