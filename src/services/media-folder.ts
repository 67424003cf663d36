/**
 * Whether a media folder given to a command that reads the site's image
 * files (the static mirror, issue 22) is the site's: a wrong `--media-dir`
 * would otherwise give a copy whose every image is broken. Each image is
 * stored in its own folder, `<media dir>/<id>/` (services/media.ts).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../lib/errors.js';
import type { Database } from './database.js';
import { listMedia } from './media.js';

/** Newest images looked for: one found is enough to call the folder the site's. */
const IMAGES_LOOKED_FOR = 20;

/**
 * Checks that `mediaDir` holds the site's images, when the site has any: it
 * is a folder, and it holds the folder of at least one of the newest
 * IMAGES_LOOKED_FOR images. A site without images needs no media folder.
 * Single missing images are not refused here: a reader of the files says
 * which (the mirror lists them).
 * @throws AppError `MIRROR_MEDIA_MISSING` (details `{ folder }`) otherwise.
 */
export async function checkMediaFolder(
  deps: { database: Database },
  mediaDir: string,
): Promise<void> {
  const { items } = await listMedia(deps, { limit: IMAGES_LOOKED_FOR });
  if (items.length === 0) return;
  const isFolder = async (path: string) => (await stat(path).catch(() => null))?.isDirectory();
  if (await isFolder(mediaDir)) {
    for (const item of items) if (await isFolder(join(mediaDir, item.id))) return;
  }
  throw new AppError(
    'MIRROR_MEDIA_MISSING',
    `The media folder ${mediaDir} does not exist or holds none of the site's images.`,
    { details: { folder: mediaDir } },
  );
}
