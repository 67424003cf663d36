import { sql, type Kysely } from 'kysely';
import {
  addColumnIfMissing,
  dropColumnIfPresent,
  idReferenceType,
} from '../dialects/migration-types.js';

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
  await addColumnIfMissing(db, 'users', 'photo_media_id', sql.raw(idReferenceType(db)));
  await addColumnIfMissing(db, 'users', 'links', sql`text not null default '[]'`);
}

/** Drops both columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await dropColumnIfPresent(db, 'users', 'links');
  await dropColumnIfPresent(db, 'users', 'photo_media_id');
}
