/**
 * What an article needs before readers may see it: a headline, a body, and
 * alt text on every image (in the body and the featured image). Checked
 * when it is published or scheduled, and at every save while it is live.
 * A correction to a published article only needs alt text on images it did
 * not already show readers: imported archives hold many images without alt,
 * and refusing every correction to them would leave errors on the site.
 */
import { contentProblems, type ArticleContent } from '../domain/editable-article.js';
import { bodyImagesNewlyWithoutAlt } from '../domain/image-alt.js';
import { isBlankAlt, parseMediaId } from '../domain/media.js';
import { AppError, type ImageWithoutAlt } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import { findMediaById } from '../storage/repositories/media.repository.js';

/**
 * Refuses `content` that readers may not see. `published` is the stored
 * version of an article that is already published (null when publishing
 * or scheduling, or saving one that is not published): its images lacking
 * alt text, and its featured image, need no alt text in this save.
 * @throws AppError PUBLISH_INCOMPLETE (422, `details.fields` names the
 *   fields); PUBLISH_MISSING_ALT (422, `details.images` lists the images:
 *   body `src`s, the featured image as `media:<id>` first; `details.named`
 *   the same, as the refusal names them).
 */
export async function assertPublishable(
  database: Database,
  content: ArticleContent,
  published: ArticleContent | null = null,
): Promise<void> {
  const incomplete = contentProblems(content, true).filter((p) => p.code === 'REQUIRED');
  if (incomplete.length > 0) {
    throw new AppError(
      'PUBLISH_INCOMPLETE',
      'The article needs a headline and a body before it is published.',
      { details: { fields: incomplete.map((p) => p.field) } },
    );
  }
  const body = bodyImagesNewlyWithoutAlt(content.bodyHtml, published?.bodyHtml ?? '');
  const named: ImageWithoutAlt[] = [];
  const missing: string[] = [];
  if (content.featuredMediaId !== null && content.featuredMediaId !== published?.featuredMediaId) {
    const media = await findMediaById(database.db, content.featuredMediaId);
    if (!media || isBlankAlt(media.alt)) {
      missing.push(`media:${content.featuredMediaId}`);
      named.push({ where: 'featured', name: media?.originalName ?? `#${content.featuredMediaId}` });
    }
  }
  for (const image of body) {
    missing.push(image.src);
    named.push({
      where: 'body',
      position: image.position,
      name: await imageName(database, image.src),
    });
  }
  if (missing.length > 0) {
    throw new AppError(
      'PUBLISH_MISSING_ALT',
      'Every image needs alt text before the article is published.',
      { details: { images: missing, named } },
    );
  }
}

/**
 * The name a person knows a body image by: the uploaded file's name for an
 * image of the library (`/media/<id>/…`), else the last part of its address
 * (`…/صورة.jpg` → `صورة.jpg`), or '' when it has none.
 */
export async function imageName(database: Database, src: string): Promise<string> {
  const id = parseMediaId(/^\/media\/(\d+)\//.exec(src)?.[1] ?? '');
  const media = id ? await findMediaById(database.db, id) : null;
  if (media) return media.originalName;
  const last = src.split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
