/**
 * How an import's images reach the media library (`SiteImages`, used by
 * site-post.ts): through a MediaImporter (stored once per URL, from the
 * uploads folder or the old site); in a dry run, read or fetched and
 * checked the same way, with nothing stored.
 */
import type { SiteImage } from '../../domain/site-import.js';
import type { Db } from '../../storage/db.js';
import { importBodyImages } from './body-images.js';
import { MediaImporter, type ImageResolution, type MediaImportOptions } from './import-media.js';
import type { MediaDeps } from '../media.js';
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

/**
 * The images of an import: brought into the library by `uploaderId`'s
 * hand; with `dryRunIn` (the dry run's transaction), only checked.
 */
export function libraryImages(
  deps: MediaDeps,
  sources: ImageSources,
  siteUrl: string | null,
  uploaderId: string,
  dryRunIn: Db | null = null,
): SiteImages {
  const options: MediaImportOptions = {
    uploaderId,
    siteUrl,
    uploadsDir: sources.uploadsDir,
    fetch: sources.fetch ? { allowPrivate: sources.allowPrivate === true } : null,
    ...(dryRunIn === null ? {} : { dryRun: { db: dryRunIn } }),
  };
  const importer = new MediaImporter(deps, options);
  return imagesFrom((image) => importer.resolve(image));
}
