/**
 * The featured image's alt text, given in the article editor beside the
 * picker (issue 17, part 8): before, it could be set only in the media
 * library, and publishing was refused without saying which image lacked
 * it. The alt text belongs to the image (every article showing it reads
 * the same), so it is written to the media item, not to the article.
 */
import { cleanLine } from '../domain/field-limits.js';
import { MEDIA_TEXT_LIMITS, isBlankAlt } from '../domain/media.js';
import type { Actor } from '../domain/roles.js';
import { InvalidInput } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import { findMediaById, updateMediaText } from '../storage/repositories/media.repository.js';
import { mayEditMedia } from './media.js';

/**
 * Sets the alt text of image `mediaId` to `alt` (one line) when it differs.
 * Whoever may change the image's details (media.ts `mayEditMedia`) may set
 * it; anyone writing the article may fill it in while it is blank, since
 * describing an undescribed image harms no one and publishing needs it.
 * An unknown image is left alone (the article's save refuses it).
 * @returns true when the alt text changed.
 * @throws InvalidInput on `featuredAlt`: MEDIA_ALT_TOO_LONG (422),
 *   FEATURED_ALT_NOT_YOURS (422: it has alt text the actor may not change).
 */
export async function describeFeaturedImage(
  database: Database,
  actor: Actor,
  mediaId: string,
  alt: string,
): Promise<boolean> {
  const item = await findMediaById(database.db, mediaId);
  const text = cleanLine(alt);
  if (!item || text === item.alt) return false;
  if (!mayEditMedia(actor, item) && !isBlankAlt(item.alt)) {
    throw new InvalidInput(
      'FEATURED_ALT_NOT_YOURS',
      'featuredAlt',
      'Only the uploader or an editor may change this image’s alt text.',
    );
  }
  if ([...text].length > MEDIA_TEXT_LIMITS.alt) {
    throw new InvalidInput(
      'MEDIA_ALT_TOO_LONG',
      'featuredAlt',
      `At most ${MEDIA_TEXT_LIMITS.alt} characters.`,
      { max: MEDIA_TEXT_LIMITS.alt },
    );
  }
  await updateMediaText(database.db, item.id, {
    alt: text,
    caption: item.caption,
    credit: item.credit,
  });
  return true;
}
