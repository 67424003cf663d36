/**
 * `[gallery]`: the images of a gallery, as WordPress's `gallery_shortcode`
 * documents them (developer.wordpress.org/reference/functions/gallery_shortcode/).
 * `ids="12,13"` (or the older `include`) names the attachments in order;
 * each becomes one figure (`<figure><img src alt><figcaption>` with the
 * attachment's caption), since the body's figure holds one image. An id
 * the export has no attachment for is dropped and noted
 * (`missingAttachment`): the import report counts it as a missing image.
 *
 * Without `ids` WordPress shows every image attached to the post, which
 * the export does not tie to the post's text: the gallery is dropped and
 * counted (`countShortcode('gallery')`), so the import report tells it.
 */
import { escapeHtml, escapeTextNode } from '../../../lib/escape-html.js';
import type { BodyContext } from './body-context.js';
import type { ShortcodeCall } from './shortcode-call.js';

/** One figure per known image of a `[gallery ids]`, or '' (counted) without ids. */
export function galleryHtml({ attributes }: ShortcodeCall, context: BodyContext): string {
  const ids = attributes.named.get('ids') ?? attributes.named.get('include') ?? '';
  const list = ids
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^[1-9][0-9]{0,18}$/.test(id));
  if (list.length === 0) {
    context.countShortcode('gallery');
    return '';
  }
  return list
    .map((id) => {
      const image = context.attachment(id);
      if (image === null) context.missingAttachment(id);
      return image;
    })
    .filter((image) => image !== null)
    .map(({ url, alt, caption }) => {
      const figcaption =
        caption.trim() === '' ? '' : `<figcaption>${escapeTextNode(caption.trim())}</figcaption>`;
      return `<figure><img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}">${figcaption}</figure>`;
    })
    .join('');
}
