/**
 * The media library's rows. Files on disk are the media service's concern.
 */
import type { Selectable } from 'kysely';
import {
  isMediaMime,
  type MediaItem,
  type MediaMime,
  type OriginalFile,
} from '../../domain/media.js';
import type { MediaTable } from '../tables/schema.js';
import type { Db } from '../db.js';
import { bindId, fromDate, toDate, toIdString, toInt } from './convert.js';

function toWidths(json: string, id: string): number[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((w) => Number.isSafeInteger(w) && w > 0)) {
    throw new RangeError(`media ${id} has malformed widths`);
  }
  return value as number[];
}

/**
 * A row of `media` as the domain's item.
 * @throws RangeError when the row holds an unknown type, file or malformed widths.
 */
export function toMediaItem(row: Selectable<MediaTable>): MediaItem {
  const id = toIdString(row.id);
  if (!isMediaMime(row.mime)) throw new RangeError(`media ${id} has an unknown type`);
  if (row.original_file !== 'original.jpg' && row.original_file !== 'original.png') {
    throw new RangeError(`media ${id} has an unknown original file`);
  }
  return {
    id,
    uploadedBy: toIdString(row.uploaded_by),
    originalName: row.original_name,
    mime: row.mime,
    width: toInt(row.width),
    height: toInt(row.height),
    bytes: toInt(row.bytes),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    widths: toWidths(row.widths, id),
    originalFile: row.original_file,
    createdAt: toDate(row.created_at),
  };
}

export interface NewMedia {
  uploadedBy: string;
  originalName: string;
  mime: MediaMime;
  width: number;
  height: number;
  bytes: number;
  widths: readonly number[];
  originalFile: OriginalFile;
}

/** Inserts an image's row; returns it with its new id. */
export async function insertMedia(db: Db, media: NewMedia, now: Date): Promise<MediaItem> {
  const row = await db
    .insertInto('media')
    .values({
      uploaded_by: bindId(media.uploadedBy),
      original_name: media.originalName,
      mime: media.mime,
      width: media.width,
      height: media.height,
      bytes: media.bytes,
      widths: JSON.stringify(media.widths),
      original_file: media.originalFile,
      created_at: fromDate(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMediaItem(row);
}

/** The image with this id, or null. */
export async function findMediaById(db: Db, id: string): Promise<MediaItem | null> {
  const row = await db
    .selectFrom('media')
    .selectAll()
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  return row ? toMediaItem(row) : null;
}

/**
 * The images with these ids, by id (decimal string), in one query; ids of
 * no image are absent from the map. No query when `ids` is empty.
 */
export async function findMediaByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, MediaItem>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('media')
    .selectAll()
    .where('id', 'in', unique.map(bindId))
    .execute();
  return new Map(rows.map((row) => [toIdString(row.id), toMediaItem(row)]));
}

/**
 * Up to `limit` images, newest first (by id, which grows with each
 * upload), starting below `beforeId` when given.
 */
export async function listMediaPage(
  db: Db,
  options: { limit: number; beforeId?: string | undefined },
): Promise<MediaItem[]> {
  let query = db.selectFrom('media').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', bindId(options.beforeId));
  return (await query.execute()).map(toMediaItem);
}

/** Sets an image's alt text, caption and credit. */
export async function updateMediaText(
  db: Db,
  id: string,
  text: { alt: string; caption: string; credit: string },
): Promise<void> {
  await db
    .updateTable('media')
    .set({ alt: text.alt, caption: text.caption, credit: text.credit })
    .where('id', '=', bindId(id))
    .execute();
}
