/**
 * Bringing an old site's images into the media library, for one import
 * run: each `SiteImage` (a featured image, an image of a body) becomes a
 * media item, or a short reason for the import report.
 *
 * Where the bytes come from, in order: an image already imported
 * (`imported_media`, by its absolute URL: a re-import, an image of many
 * posts, or one image written `/wp-content/uploads/…` here and
 * `https://old.example/wp-content/uploads/…` there, is stored once); the copy of the old uploads
 * folder (media-source.ts; the full-size file of a WordPress sized copy
 * when its proportions match); the old site itself when fetching is
 * allowed (fetch-image.ts). Bytes are stored the way an upload is
 * (media.ts `storeImage`: checked by content, decoded within the pixel
 * limit, stripped of metadata, resized), with the export's alt text and
 * caption, by the user the caller names; the URL is recorded in the same
 * transaction. Within a run, one file met under several URLs
 * (`x-300x200.jpg`, `x-1024x683.jpg`, `x.jpg`) is stored once too.
 *
 * In a dry run (`dryRun`), every image is read or fetched and checked as
 * an upload is (media.ts `checkImage`), so that the dry run finds what the
 * import would, but nothing is stored or recorded.
 *
 * At most `concurrency` images are read or fetched at once, each worker
 * holding one image's bytes at a time (at most the upload limit); their
 * decoding shares the process's `imageSlots`.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { fitGraphemes } from '../../arabic/truncate.js';
import { cleanLine } from '../../domain/field-limits.js';
import { MEDIA_TEXT_LIMITS, type MediaItem } from '../../domain/media.js';
import type { SiteImage } from '../../domain/site-import.js';
import {
  findImportedMediaId,
  recordImportedMedia,
} from '../../storage/repositories/imported-media.repository.js';
import { findMediaById } from '../../storage/repositories/media.repository.js';
import { MediaError } from '../media-error.js';
import { checkImage, storeImage, type MediaDeps } from '../media.js';
import type { Db } from '../../storage/db.js';
import { readImageHeader } from '../image-variants.js';
import { fetchImage, type FetchLimits } from './fetch-image.js';
import {
  GHOST_URL,
  candidatePaths,
  localImagesOf,
  sameShape,
  type LocalImage,
} from './media-source.js';

export interface MediaImportOptions {
  /** The user id the images are stored as uploaded by (the person importing). */
  uploaderId: string;
  /** The old site's address without a trailing slash (`SiteExport.siteUrl`), or null. */
  siteUrl: string | null;
  /** The copy of the old uploads folder (`--uploads DIR`), or null. */
  uploadsDir: string | null;
  /**
   * How images missing from the uploads folder are fetched from the old
   * site (`--fetch-media`; the byte limit is the upload limit), or null
   * when they are not.
   */
  fetch: Omit<FetchLimits, 'maxBytes'> | null;
  /** Images read or fetched at once (default 4). */
  concurrency?: number;
  /**
   * A dry run: images are only checked, never stored, and earlier imports
   * are looked up in `db` (the dry run's transaction, which holds SQLite's
   * one connection).
   */
  dryRun?: { db: Db };
}

/** A SiteImage as the library now holds it, or why it could not be brought in. */
export type ImageResolution = { ok: true; media: MediaItem } | { ok: false; reason: string };

/** The reason for the report of an upload refused by the media service. */
function refusalReason(error: MediaError): string {
  switch (error.code) {
    case 'UPLOAD_TOO_LARGE':
      return 'too large';
    case 'UPLOAD_NOT_AN_IMAGE': {
      const type = (error.details as Record<string, unknown>)['type'];
      return typeof type === 'string' ? `not an image (${type})` : 'not an image';
    }
    case 'UPLOAD_TOO_MANY_PIXELS':
      return 'too many pixels';
    case 'UPLOAD_CORRUPT_IMAGE':
      return 'damaged image';
    case 'UPLOAD_MISSING':
      return 'empty file';
    default:
      return error.message;
  }
}

/** One line of text, cut to `max` characters (code points) between graphemes, as the media library keeps it. */
function textOf(value: string, max: number): string {
  return fitGraphemes(cleanLine(value), { maxCodePoints: max });
}

/** The file name shown in the library: the URL's last segment, decoded. */
function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last).normalize('NFC') || 'image';
  } catch {
    return last || 'image';
  }
}

/**
 * The address of image `url`: Ghost's placeholder replaced by the old
 * site's address, a path resolved against it, non-ASCII percent-encoded
 * (`new URL`); null when that address is needed and unknown, or the URL
 * is malformed. What it is fetched from, and what it is recorded under.
 */
function addressOf(url: string, siteUrl: string | null): string | null {
  if (url.startsWith(GHOST_URL)) {
    return siteUrl === null ? null : siteUrl + url.slice(GHOST_URL.length);
  }
  try {
    return new URL(url, siteUrl ?? undefined).href;
  } catch {
    return null;
  }
}

/**
 * A stand-in for an image a dry run checked: the body or article it goes
 * into is never stored, so only its shape counts.
 */
function checkedInDryRun(
  url: string,
  checked: Awaited<ReturnType<typeof checkImage>>,
  bytes: number,
): MediaItem {
  return {
    id: '1',
    uploadedBy: '1',
    originalName: fileNameOf(url),
    mime: checked.mime,
    width: checked.header.width,
    height: checked.header.height,
    bytes,
    alt: '',
    caption: '',
    credit: '',
    widths: [],
    originalFile: 'original.jpg',
    createdAt: new Date(0),
  };
}

/**
 * Resolves the images of one import run to media items. Make one per run:
 * it remembers every URL and file it met, so each is tried once.
 * @example
 * const media = new MediaImporter(deps, { uploaderId: '1', siteUrl, uploadsDir, fetch: null });
 * const result = await media.resolve(post.featuredImage);
 */
export class MediaImporter {
  readonly #deps: MediaDeps;
  readonly #options: MediaImportOptions;
  readonly #limit: LimitFunction;
  readonly #byUrl = new Map<string, Promise<ImageResolution>>();
  readonly #byFile = new Map<string, Promise<ImageResolution>>();

  constructor(deps: MediaDeps, options: MediaImportOptions) {
    this.#deps = deps;
    this.#options = options;
    this.#limit = pLimit(options.concurrency ?? 4);
  }

  /**
   * The media item `image` is, stored on first sight. A refusal (missing,
   * not an image, too large…) is a result, never thrown.
   * @throws what the database or the disk throws (a full disk stops the import).
   */
  resolve(image: SiteImage): Promise<ImageResolution> {
    const url = image.url.trim();
    const key = this.#keyOf(url);
    const known = this.#byUrl.get(key);
    if (known) return known;
    const resolution = this.#limit(() => this.#resolve(url, key, image));
    this.#byUrl.set(key, resolution);
    return resolution;
  }

  /** What an image is known by, here and in `imported_media`: its absolute address, else as written. */
  #keyOf(url: string): string {
    return /^data:/i.test(url) ? url : (addressOf(url, this.#options.siteUrl) ?? url);
  }

  /** The database earlier imports are looked up in. */
  get #db(): Db {
    return this.#options.dryRun?.db ?? this.#deps.database.db;
  }

  async #resolve(url: string, key: string, image: SiteImage): Promise<ImageResolution> {
    if (url === '') return { ok: false, reason: 'no address' };
    if (/^data:/i.test(url)) return { ok: false, reason: 'embedded in the page (data:)' };
    const importedId = await findImportedMediaId(this.#db, key);
    const imported = importedId === null ? null : await findMediaById(this.#db, importedId);
    if (imported) return { ok: true, media: imported };

    const { uploadsDir, siteUrl, fetch } = this.#options;
    const reasons: string[] = [];
    if (uploadsDir !== null) {
      const local = await this.#fromUploads(url, key, image, uploadsDir);
      if (local.ok) return local;
      reasons.push(local.reason);
    }
    if (fetch !== null) {
      const address = addressOf(url, siteUrl);
      const fetched =
        address === null
          ? ({ ok: false, reason: 'not fetched: the old site’s address is unknown' } as const)
          : await fetchImage(address, { ...fetch, maxBytes: this.#deps.uploadMaxBytes });
      if (fetched.ok) return this.#store(fetched.bytes, url, key, image);
      reasons.push(fetched.reason);
    }
    if (reasons.length === 0) reasons.push('neither an uploads folder nor fetching was asked for');
    return { ok: false, reason: reasons.join('; ') };
  }

  /** The image from the uploads folder: the first of its files that can be stored. */
  async #fromUploads(
    url: string,
    key: string,
    image: SiteImage,
    dir: string,
  ): Promise<ImageResolution> {
    if (candidatePaths(url, this.#options.siteUrl).length === 0) {
      return { ok: false, reason: 'not in the old site’s uploads' };
    }
    let first: ImageResolution | null = null;
    const crops: LocalImage[] = [];
    for (const file of await localImagesOf(url, dir, this.#options.siteUrl)) {
      const result = await this.#fromFile(file, url, key, image);
      if (result?.ok) return result;
      if (result === null) crops.push(file);
      first ??= result;
    }
    // The copy itself failed or is absent: better the whole image than none.
    for (const file of crops) {
      const result = await this.#fromFile({ ...file, sizedAs: null }, url, key, image);
      if (result?.ok) return result;
      first ??= result;
    }
    return first ?? { ok: false, reason: 'not in the uploads folder' };
  }

  /**
   * The image from one file; null when the file is the full-size image of
   * a sized copy but not its shape (a crop: the copy itself comes next).
   */
  async #fromFile(
    file: LocalImage,
    url: string,
    key: string,
    image: SiteImage,
  ): Promise<ImageResolution | null> {
    const stored = this.#byFile.get(file.path);
    if (stored) {
      const result = await stored;
      if (!result.ok) return result;
      if (file.sizedAs && !sameShape(result.media.width, result.media.height, file.sizedAs)) {
        return null;
      }
      if (!this.#options.dryRun) await recordImportedMedia(this.#db, key, result.media.id);
      return result;
    }
    const bytes = await this.#read(file.path);
    if (!Buffer.isBuffer(bytes)) return bytes;
    if (file.sizedAs) {
      const header = await readImageHeader(bytes, this.#deps.uploadMaxPixels).catch(() => null);
      if (header === null || !sameShape(header.width, header.height, file.sizedAs)) return null;
    }
    // Another URL may have started on this file while it was read.
    const again = this.#byFile.get(file.path);
    if (again) return this.#fromFile(file, url, key, image);
    const result = this.#store(bytes, url, key, image, basename(file.path));
    this.#byFile.set(file.path, result);
    return result;
  }

  /** A file's bytes, or why they cannot be read. */
  async #read(path: string): Promise<Buffer | ImageResolution> {
    try {
      if ((await stat(path)).size > this.#deps.uploadMaxBytes) {
        return { ok: false, reason: 'too large' };
      }
      return await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return { ok: false, reason: `unreadable (${code})` };
    }
  }

  /**
   * Stores `bytes` as an upload of the image at `url`, recording its `key`
   * with it; in a dry run, only checks them.
   */
  async #store(
    bytes: Buffer,
    url: string,
    key: string,
    image: SiteImage,
    fileName = fileNameOf(url),
  ): Promise<ImageResolution> {
    try {
      if (this.#options.dryRun) {
        const checked = await checkImage(this.#deps, bytes);
        return { ok: true, media: checkedInDryRun(url, checked, bytes.length) };
      }
      const media = await storeImage(
        this.#deps,
        this.#options.uploaderId,
        { bytes, fileName },
        {
          text: {
            alt: textOf(image.alt, MEDIA_TEXT_LIMITS.alt),
            caption: textOf(image.caption, MEDIA_TEXT_LIMITS.caption),
          },
          within: (trx, item) => recordImportedMedia(trx, key, item.id),
        },
      );
      return { ok: true, media };
    } catch (error) {
      if (error instanceof MediaError) return { ok: false, reason: refusalReason(error) };
      throw error;
    }
  }
}
