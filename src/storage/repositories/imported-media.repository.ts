/**
 * Which media item each old image URL became (`imported_media`, see the
 * migration 2026_12_03_2100): an image used by many posts, or met again
 * when a site is imported a second time, is stored once. A row goes with
 * its media item (`on delete cascade`).
 */
import type { Db } from '../db.js';
import { bindId, toIdString } from './convert.js';

/** The id of the media item the old image at `sourceUrl` became, or null. */
export async function findImportedMediaId(db: Db, sourceUrl: string): Promise<string | null> {
  const row = await db
    .selectFrom('imported_media')
    .select('media_id')
    .where('source_url', '=', sourceUrl)
    .executeTakeFirst();
  return row ? toIdString(row.media_id) : null;
}

/**
 * Records that the old image at `sourceUrl` became media item `mediaId`.
 * A URL already recorded keeps its first media item (two runs importing
 * one image at once store it twice, but every URL names one of them).
 */
export async function recordImportedMedia(
  db: Db,
  sourceUrl: string,
  mediaId: string,
): Promise<void> {
  await db
    .insertInto('imported_media')
    .values({ source_url: sourceUrl, media_id: bindId(mediaId) })
    .onConflict((c) => c.column('source_url').doNothing())
    .execute();
}
