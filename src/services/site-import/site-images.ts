/**
 * How an import's images reach the media library (`SiteImages`, used by
 * site-post.ts): for a real import, through a MediaImporter (stored once
 * per URL, from the uploads folder or the old site); for a dry run,
 * only looked for on disk, with nothing stored or fetched.
 */
import type { MediaItem } from '../../domain/media.js';
import type { SiteImage } from '../../domain/site-import.js';
import { importBodyImages } from './body-images.js';
import { MediaImporter, type ImageResolution, type MediaImportOptions } from './import-media.js';
import type { MediaDeps } from '../media.js';
import { localImagesOf } from './media-source.js';
import type { SiteImages } from './site-post.js';

/** Where images come from: `--uploads DIR` and `--fetch-media`. */
export interface ImageSources {
  /** The copy of the old uploads folder, or null. */
  uploadsDir: string | null;
  /** Fetch images missing from the folder from the old site. */
  fetch: boolean;
  /** Let fetching reach loopback and private addresses (an old site on the local network; tests). */
  allowPrivate?: boolean;
}

/** `SiteImages` over any way of resolving one image. */
function imagesFrom(resolve: (image: SiteImage) => Promise<ImageResolution>): SiteImages {
  return {
    async featured(image) {
      const result = await resolve(image);
      return result.ok ? { ok: true, mediaId: result.media.id } : result;
    },
    async body(html) {
      const result = await importBodyImages(html, resolve);
      return { html: result.html, imported: result.imported.length, missing: result.missing };
    },
  };
}

/** The `body` of SiteImages that brings no image in, each reported missing for `reason`. */
export function withoutImages(reason: string): SiteImages['body'] {
  return imagesFrom(async () => ({ ok: false, reason })).body;
}

/** The images of a real import: brought into the library by `uploaderId`'s hand. */
export function libraryImages(
  deps: MediaDeps,
  sources: ImageSources,
  siteUrl: string | null,
  uploaderId: string,
): SiteImages {
  const options: MediaImportOptions = {
    uploaderId,
    siteUrl,
    uploadsDir: sources.uploadsDir,
    fetch: sources.fetch ? { allowPrivate: sources.allowPrivate === true } : null,
  };
  const importer = new MediaImporter(deps, options);
  return imagesFrom((image) => importer.resolve(image));
}

/**
 * A stand-in library item for an image a dry run found: the body it goes
 * into is never stored, so only its presence counts.
 */
function foundInDryRun(url: string): MediaItem {
  return {
    id: '1',
    uploadedBy: '1',
    originalName: url,
    mime: 'image/jpeg',
    width: 1,
    height: 1,
    bytes: 0,
    alt: '',
    caption: '',
    credit: '',
    widths: [],
    originalFile: 'original.jpg',
    createdAt: new Date(0),
  };
}

/**
 * The images of a dry run: an image counts as found when a file for it is
 * in the uploads folder, or when fetching is asked for (it is not tried).
 */
export function lookedForImages(sources: ImageSources, siteUrl: string | null): SiteImages {
  return imagesFrom(async (image): Promise<ImageResolution> => {
    if (sources.uploadsDir !== null) {
      const files = await localImagesOf(image.url, sources.uploadsDir, siteUrl);
      if (files.length > 0) return { ok: true, media: foundInDryRun(image.url) };
    }
    if (sources.fetch) return { ok: true, media: foundInDryRun(image.url) };
    return {
      ok: false,
      reason:
        sources.uploadsDir === null
          ? 'neither an uploads folder nor fetching was asked for'
          : 'not in the uploads folder',
    };
  });
}
