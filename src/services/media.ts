/**
 * The media library: uploading images (checked by content, decoded,
 * stripped of metadata, resized) and describing them (alt text, caption,
 * credit). Files live under `<mediaDir>/<id>/`, named by domain/media.ts.
 *
 * An upload is all or nothing: its files are written to a staging folder
 * beside the library and renamed into place inside the transaction that
 * inserts its row, so a failure leaves neither a row nor a file.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LimitFunction } from 'p-limit';
import { fitGraphemes } from '../arabic/truncate.js';
import { FIELD_LIMITS, cleanLine } from '../domain/field-limits.js';
import {
  MEDIA_TEXT_LIMITS,
  parseMediaId,
  type MediaItem,
  type MediaMime,
} from '../domain/media.js';
import { can, type Actor } from '../domain/roles.js';
import { InvalidInput, type ErrorCode } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import type { Db } from '../storage/db.js';
import {
  findMediaById,
  insertMedia,
  listMediaPage,
  updateMediaText,
} from '../storage/repositories/media.repository.js';
import { sniffImage } from './image-content.js';
import { readImageHeader, renderImage, type ImageHeader } from './image-variants.js';
import { MediaError } from './media-error.js';

/**
 * Images decoded at once by one process; the other uploads wait their turn
 * (their files already read, so at most `uploadMaxBytes` each). Decoding a
 * large image takes libvips some hundreds of MiB for a moment: six
 * 100-megapixel PNGs at once took the server from 190 to 762 MiB. Two keep
 * both cores of a small server busy without that peak.
 */
export const IMAGES_AT_ONCE = 2;

export interface MediaDeps {
  database: Database;
  /** The library's folder (config `mediaDir`). */
  mediaDir: string;
  /** Largest upload, bytes (config `uploadMaxBytes`). */
  uploadMaxBytes: number;
  /** Largest image decoded, width × height (config `uploadMaxPixels`). */
  uploadMaxPixels: number;
  /**
   * Where images are decoded, a few at a time: one `pLimit(IMAGES_AT_ONCE)`
   * shared by every upload of the process (made where the app is wired).
   */
  imageSlots: LimitFunction;
  now: () => Date;
}

export interface Upload {
  bytes: Buffer;
  /** The name the uploader's device gave the file; only shown, never a path. */
  fileName: string;
}

/**
 * The file name as shown: no folders (`C:\fakepath\`), no control
 * characters (line breaks included), one line (`cleanLine`: no bidi
 * controls, so `\u202Egnp.exe` cannot show as `exe.png`), at most
 * FIELD_LIMITS.fileName characters (code points), cut between graphemes.
 */
function displayName(fileName: string): string {
  const name = basename(fileName.replace(/\\/g, '/')).replace(/\p{Cc}/gu, '');
  return fitGraphemes(cleanLine(name), { maxCodePoints: FIELD_LIMITS.fileName });
}

function mayUpload(actor: Actor): void {
  if (!can(actor, 'media.upload')) {
    throw new MediaError('FORBIDDEN', 'You may not upload images.');
  }
}

/**
 * Adds an image to the library. Its type and size are judged from its
 * bytes and header first; then it waits for one of `deps.imageSlots` to be
 * decoded and resized.
 * @throws MediaError FORBIDDEN (403), UPLOAD_MISSING (400), UPLOAD_TOO_LARGE (413,
 *   `vars.maxBytes`), UPLOAD_NOT_AN_IMAGE (415, `vars.type` when known),
 *   UPLOAD_TOO_MANY_PIXELS (413, `vars.megapixels`), UPLOAD_CORRUPT_IMAGE (422).
 * @example await uploadImage(deps, { id: '3', role: 'author' }, { bytes, fileName: 'حلب.jpg' })
 */
export async function uploadImage(
  deps: MediaDeps,
  actor: Actor,
  upload: Upload,
): Promise<MediaItem> {
  mayUpload(actor);
  return storeImage(deps, actor.id, upload);
}

/** What storeImage may do besides storing the image, inside its transaction. */
export interface StoreOptions {
  /** The alt text and caption the image starts with, each on one line, within MEDIA_TEXT_LIMITS. */
  text?: { alt: string; caption: string };
  /** Runs after the row is inserted, in the same transaction (e.g. to record where it came from). */
  within?: (trx: Db, item: MediaItem) => Promise<void>;
}

/**
 * The media library's check of an upload's bytes, before anything is
 * decoded or stored: not empty, within the upload limit, an accepted
 * image by its content (never its name), and a header within the pixel
 * limit. A site import's dry run checks its images with it.
 * @returns the image's type and header.
 * @throws MediaError UPLOAD_MISSING, UPLOAD_TOO_LARGE, UPLOAD_NOT_AN_IMAGE,
 *   UPLOAD_TOO_MANY_PIXELS, UPLOAD_CORRUPT_IMAGE.
 */
export async function checkImage(
  deps: Pick<MediaDeps, 'uploadMaxBytes' | 'uploadMaxPixels'>,
  bytes: Buffer,
): Promise<{ mime: MediaMime; header: ImageHeader }> {
  if (bytes.length === 0) {
    throw new MediaError('UPLOAD_MISSING', 'Choose an image file to upload.');
  }
  if (bytes.length > deps.uploadMaxBytes) {
    throw new MediaError(
      'UPLOAD_TOO_LARGE',
      `The file is larger than ${deps.uploadMaxBytes} bytes.`,
      {
        details: { maxBytes: deps.uploadMaxBytes },
      },
    );
  }
  const mime = await sniffImage(bytes);
  return { mime, header: await readImageHeader(bytes, deps.uploadMaxPixels) };
}

/**
 * Adds an image to the library for `uploadedBy` (a user id), without
 * asking whether they may: what uploadImage does once the actor may
 * upload, and what a site import uses (services/site-import). The same
 * checks, decoding and files as an upload; all or nothing.
 * @throws MediaError as uploadImage, FORBIDDEN aside.
 */
export async function storeImage(
  deps: MediaDeps,
  uploadedBy: string,
  upload: Upload,
  options: StoreOptions = {},
): Promise<MediaItem> {
  const { mime, header } = await checkImage(deps, upload.bytes);
  const image = await deps.imageSlots(() =>
    renderImage(upload.bytes, mime, header, deps.uploadMaxPixels),
  );

  await mkdir(deps.mediaDir, { recursive: true });
  const staging = await mkdtemp(join(deps.mediaDir, '.incoming-'));
  try {
    for (const file of image.files) await writeFile(join(staging, file.name), file.data);
    return await deps.database.db.transaction().execute(async (trx) => {
      let item = await insertMedia(
        trx,
        {
          uploadedBy,
          originalName: displayName(upload.fileName),
          mime,
          width: image.width,
          height: image.height,
          bytes: upload.bytes.length,
          widths: image.widths,
          originalFile: image.originalFile,
        },
        deps.now(),
      );
      if (options.text) {
        const text = { ...options.text, credit: '' };
        await updateMediaText(trx, item.id, text);
        item = { ...item, ...text };
      }
      await options.within?.(trx, item);
      const target = join(deps.mediaDir, item.id);
      // The id is new to the database, so a folder by that name is left over
      // from an earlier database; it belongs to no image.
      await rm(target, { recursive: true, force: true });
      await rename(staging, target);
      return item;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The image with this id. @throws MediaError MEDIA_NOT_FOUND (404). */
export async function getMedia(deps: Pick<MediaDeps, 'database'>, id: string): Promise<MediaItem> {
  const parsed = parseMediaId(id);
  const item = parsed === null ? null : await findMediaById(deps.database.db, parsed);
  if (!item) throw new MediaError('MEDIA_NOT_FOUND', 'No such image.');
  return item;
}

export interface MediaPage {
  /** Newest first. */
  items: MediaItem[];
  /** The `before` of the next (older) page, or null on the last page. */
  nextBefore: string | null;
}

/** A page of the library, newest first; `before` is the id the page starts below. */
export async function listMedia(
  deps: Pick<MediaDeps, 'database'>,
  options: { limit: number; before?: string | null | undefined },
): Promise<MediaPage> {
  const before = options.before ? (parseMediaId(options.before) ?? undefined) : undefined;
  const rows = await listMediaPage(deps.database.db, {
    limit: options.limit + 1,
    beforeId: before,
  });
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  return { items, nextBefore: rows.length > options.limit && last ? last.id : null };
}

/** True when `actor` may change this image's alt text, caption and credit. */
export function mayEditMedia(actor: Actor, item: Pick<MediaItem, 'uploadedBy'>): boolean {
  return (
    can(actor, 'media.edit.any') || (can(actor, 'media.upload') && item.uploadedBy === actor.id)
  );
}

/** The code of each media text over its limit. */
const TOO_LONG_CODES = {
  alt: 'MEDIA_ALT_TOO_LONG',
  caption: 'MEDIA_CAPTION_TOO_LONG',
  credit: 'MEDIA_CREDIT_TOO_LONG',
} as const satisfies Record<keyof typeof MEDIA_TEXT_LIMITS, ErrorCode>;

function checkLength(field: keyof typeof MEDIA_TEXT_LIMITS, value: string): void {
  const max = MEDIA_TEXT_LIMITS[field];
  if ([...value].length > max) {
    throw new InvalidInput(TOO_LONG_CODES[field], field, `At most ${max} characters.`);
  }
}

/**
 * Sets an image's alt text, caption and credit (each on one line). Anyone
 * who may upload changes their own images; `media.edit.any` changes all.
 * @throws MediaError MEDIA_NOT_FOUND (404), FORBIDDEN (403);
 *   InvalidInput MEDIA_ALT_TOO_LONG, MEDIA_CAPTION_TOO_LONG, MEDIA_CREDIT_TOO_LONG (422).
 */
export async function updateMediaDetails(
  deps: Pick<MediaDeps, 'database'>,
  actor: Actor,
  id: string,
  details: { alt: string; caption: string; credit: string },
): Promise<MediaItem> {
  const item = await getMedia(deps, id);
  if (!mayEditMedia(actor, item)) {
    throw new MediaError(
      'FORBIDDEN',
      'Only the person who uploaded this image, or an editor, may change its details.',
    );
  }
  const text = {
    alt: cleanLine(details.alt),
    caption: cleanLine(details.caption),
    credit: cleanLine(details.credit),
  };
  checkLength('alt', text.alt);
  checkLength('caption', text.caption);
  checkLength('credit', text.credit);
  await updateMediaText(deps.database.db, item.id, text);
  return { ...item, ...text };
}
