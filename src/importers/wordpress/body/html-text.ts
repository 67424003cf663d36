/**
 * Text taken out of a piece of HTML by the body conversion: the address in
 * an `[embed]` or an embed block, an embed block's caption.
 */
import { scanHtml } from './html-scan.js';

/**
 * The text of `html` with its tags and comments left out (character
 * references kept as written), trimmed.
 * @example textOf('<div>\nhttps://youtu.be/x\n</div>') === 'https://youtu.be/x'
 */
export function textOf(html: string): string {
  return scanHtml(html)
    .filter((token) => token.kind === 'text')
    .map((token) => html.slice(token.start, token.end))
    .join('')
    .trim();
}

/**
 * The HTML inside the first `<name>…</name>` of `html`, trimmed, or ''
 * when there is none.
 * @example innerHtmlOf('<figure>…<figcaption>أ <b>ب</b></figcaption></figure>', 'figcaption') === 'أ <b>ب</b>'
 */
export function innerHtmlOf(html: string, name: string): string {
  const tokens = scanHtml(html);
  const open = tokens.find((t) => t.kind === 'tag' && t.name === name && !t.closing);
  if (open === undefined) return '';
  const close = tokens.find(
    (t) => t.kind === 'tag' && t.name === name && t.closing && t.start >= open.end,
  );
  return close ? html.slice(open.end, close.start).trim() : '';
}
