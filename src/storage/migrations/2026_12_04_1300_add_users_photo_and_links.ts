import { sql, type Kysely } from 'kysely';
import { idReferenceType, isPostgres } from '../dialects/migration-types.js';

/**
 * An author's profile on their public page: `photo_media_id`, the id of an
 * image of the media library (null: none), and `links`, a JSON array of
 * `{"kind": "website"|"x"|…, "url": "https://…"}` (domain/author-links.ts),
 * `[]` when none.
 *
 * `photo_media_id` refers to `media.id` without a foreign-key constraint:
 * `media.uploaded_by` already refers to `users`, and a site archive inserts
 * users before media (storage/archive-tables.ts). Media rows are never
 * deleted, and readers join the photo, so an unknown id only means no photo.
 *
 * Idempotent: a column already there is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table users
      add column if not exists photo_media_id bigint,
      add column if not exists links text not null default '[]'`.execute(db);
    return;
  }
  const existing = await columnsOf(db);
  if (!existing.has('photo_media_id')) {
    await db.schema.alterTable('users').addColumn('photo_media_id', idReferenceType(db)).execute();
  }
  if (!existing.has('links')) {
    await db.schema
      .alterTable('users')
      .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  }
}

/** Drops both columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table users drop column if exists photo_media_id,
      drop column if exists links`.execute(db);
    return;
  }
  const existing = await columnsOf(db);
  for (const name of ['links', 'photo_media_id']) {
    if (existing.has(name)) await db.schema.alterTable('users').dropColumn(name).execute();
  }
}

/** The names of the columns of `users` (SQLite). */
async function columnsOf(db: Kysely<unknown>): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info('users')`.execute(
    db,
  );
  return new Set(rows.map((r) => r.name));
}
