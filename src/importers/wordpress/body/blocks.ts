/**
 * A block-editor post made plain HTML: its block delimiters removed (the
 * inner HTML of each block stays, as WordPress prints it), with three
 * blocks that WordPress renders on the server made into what they showed:
 *
 * - embed blocks (`wp:embed`, and the older `wp:core-embed/youtube`,
 *   `…/twitter`…) carry the address in `{"url":"…"}` (else in their inner
 *   HTML): they become the body's embed figure, or a paragraph linking to
 *   the address for a provider the body does not embed; the block's
 *   caption follows as a paragraph;
 * - `wp:shortcode` blocks are paragraphed as WordPress's shortcode block
 *   does (`wpautop` on its text; autop.ts), their shortcodes having been
 *   converted before.
 *
 * Linear: one scan of the comments.
 */
import { autop } from './autop.js';
import { blockDelimiters, type BlockDelimiter } from './block-delimiters.js';
import { embedOrLink } from './embed-markup.js';
import { forwardLookup } from './forward-lookup.js';
import { innerHtmlOf, textOf } from './html-text.js';

/** True for the names embed blocks had over the editor's versions. */
function isEmbedBlock(name: string): boolean {
  return name === 'embed' || name === 'core/embed' || name.startsWith('core-embed/');
}

/**
 * The HTML of a block-editor post, its delimiters removed with the spaces
 * and line breaks that follow them (so blocks end up one a line).
 * @example convertBlocks('<!-- wp:paragraph -->\n<p>نص</p>\n<!-- /wp:paragraph -->') === '<p>نص</p>\n'
 */
export function convertBlocks(html: string): string {
  const delimiters = blockDelimiters(html);
  const closers = forwardLookup(delimiters.map((d) => (d.kind === 'close' ? d.name : null)));
  let out = '';
  let at = 0;
  for (let index = 0; index < delimiters.length; index += 1) {
    const delimiter = delimiters[index] as BlockDelimiter;
    out += html.slice(at, delimiter.start);
    at = afterSpaces(html, delimiter.end);
    const { name, kind, attributes } = delimiter;
    if (kind === 'void' && isEmbedBlock(name)) {
      out += embedHtml(attributes, '') ?? '';
      continue;
    }
    if (kind !== 'open' || !(isEmbedBlock(name) || name === 'shortcode')) continue;
    const closer = closers.next(name, index);
    const end = delimiters[closer];
    if (end === undefined) continue;
    const inner = html.slice(delimiter.end, end.start);
    const rendered = name === 'shortcode' ? autop(inner) + '\n' : embedHtml(attributes, inner);
    // An embed block without an address keeps its inner HTML.
    if (rendered === null) continue;
    out += rendered;
    at = afterSpaces(html, end.end);
    index = closer;
  }
  return out + html.slice(at);
}

/** An embed block's figure (or link) and its caption as a paragraph; null without an address. */
function embedHtml(attributes: Record<string, unknown>, inner: string): string | null {
  const url = typeof attributes['url'] === 'string' ? attributes['url'] : textOf(inner);
  if (!/^https?:\/\/\S+$/i.test(url.trim())) return null;
  const embed = embedOrLink(url);
  const caption = innerHtmlOf(inner, 'figcaption');
  return `${embed}\n${caption === '' ? '' : `<p>${caption}</p>\n`}`;
}

function afterSpaces(html: string, from: number): number {
  let at = from;
  while (at < html.length && /\s/.test(html[at] ?? '')) at += 1;
  return at;
}
