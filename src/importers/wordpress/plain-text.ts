/**
 * HTML fragments of an export (excerpts, captions, term descriptions) as
 * plain text, with htmlparser2: tags dropped, entities decoded, white
 * space collapsed.
 */
import { Parser } from 'htmlparser2';

/** Elements that part words: text on either side is joined with a space. */
const BLOCKS = new Set([
  'p',
  'br',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'tr',
  'td',
  'th',
  'hr',
  'img',
]);

/**
 * The text of the HTML fragment `html` on one line.
 *
 * @example plainText('<p>خبر&nbsp;<b>عاجل</b></p>') // 'خبر عاجل'
 */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  const parser = new Parser({
    ontext(text) {
      parts.push(text);
    },
    onopentag(name) {
      if (BLOCKS.has(name)) parts.push(' ');
    },
    onclosetag(name) {
      if (BLOCKS.has(name)) parts.push(' ');
    },
  });
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}
