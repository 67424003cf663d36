/**
 * `[caption]` (and its old name `[wp_caption]`): an image with its
 * caption, as WordPress's `img_caption_shortcode` documents it
 * (developer.wordpress.org/reference/functions/img_caption_shortcode/).
 * The content is an image, possibly wrapped in a link, followed by the
 * caption text; a `caption="…"` attribute, the older form, gives the
 * caption instead. The result is the body's figure:
 * `<figure><img …><figcaption>text</figcaption></figure>`. WordPress's
 * `id`, `align`, `width` and `class` only placed the box on the old
 * theme, and are dropped.
 *
 * Where WordPress differs, we keep more: text before the image (which
 * WordPress drops) joins the caption; content without an image is kept
 * as it is.
 */
import { scanHtml, type HtmlToken } from './html-scan.js';
import type { ShortcodeCall } from './shortcode-call.js';

/** The figure for a `[caption]` shortcode. */
export function captionHtml({ attributes, content }: ShortcodeCall): string {
  const html = content ?? '';
  const tokens = scanHtml(html);
  const image = tokens.findIndex((token) => isTag(token, 'img', false));
  const imageToken = tokens[image];
  if (imageToken === undefined) return html.trim();
  let first = imageToken;
  let last = imageToken;
  const before = neighbour(html, tokens, image, -1);
  const after = neighbour(html, tokens, image, 1);
  if (before && after && isTag(before, 'a', false) && isTag(after, 'a', true)) {
    first = before;
    last = after;
  }
  const rest = [html.slice(0, first.start).trim(), html.slice(last.end).trim()];
  const caption = [attributes.named.get('caption')?.trim() ?? '', ...rest]
    .filter((part) => part !== '')
    .join(' ');
  const figcaption = caption === '' ? '' : `<figcaption>${caption}</figcaption>`;
  return `<figure>${html.slice(first.start, last.end)}${figcaption}</figure>`;
}

function isTag(token: HtmlToken, name: string, closing: boolean): boolean {
  return token.kind === 'tag' && token.name === name && token.closing === closing;
}

/** The token next to `index` in `direction`, over text that is only spaces. */
function neighbour(
  html: string,
  tokens: HtmlToken[],
  index: number,
  direction: 1 | -1,
): HtmlToken | undefined {
  let at = index + direction;
  let token = tokens[at];
  while (token?.kind === 'text' && html.slice(token.start, token.end).trim() === '') {
    at += direction;
    token = tokens[at];
  }
  return token;
}
