/**
 * The HTML an embedded post of the old site becomes: the body's embed
 * figure for the providers it embeds, as the editor writes it
 * (importers/embed-figure.ts, shared with Ghost),
 * and a paragraph holding a link for any other address, so nothing the
 * old page showed is lost.
 */
import { escapeHtml } from '../../../lib/escape-html.js';
import { embedFigure as figureOf } from '../../embed-figure.js';
import { embedTarget } from './embed-target.js';

/**
 * The embed figure for a YouTube, X or Telegram post; null for any other address.
 * @example embedFigure('https://youtu.be/dQw4w9WgXcQ') // '<figure class="embed" data-embed="youtube" …'
 */
export function embedFigure(address: string): string | null {
  return figureOf(decodeAmpersands(address));
}

/**
 * A paragraph linking to `address`, HTML text (`<p><a href="…">…</a></p>`),
 * or '' when it is empty. The address is written as given, escaped; the
 * sanitiser refuses schemes other than http(s) and mailto later.
 */
export function linkParagraph(address: string): string {
  const trimmed = decodeAmpersands(address).trim();
  if (trimmed === '') return '';
  const url = escapeHtml(trimmed);
  return `<p><a href="${url}">${url}</a></p>`;
}

/**
 * The embed figure for an embeddable post, else a paragraph linking to
 * the address (Facebook over https; Vimeo, Instagram… as given), else ''
 * for no address. Addresses are HTML (`&amp;` for `&`).
 */
export function embedOrLink(address: string): string {
  const target = embedTarget(decodeAmpersands(address));
  if (target?.provider === 'facebook') return linkParagraph(target.url);
  return embedFigure(address) ?? linkParagraph(address);
}

/**
 * An address taken from HTML text or an attribute, with its ampersands
 * decoded (`&amp;`, and `&#038;` as WordPress's texturize writes it), so
 * that escaping it again does not double them.
 */
function decodeAmpersands(address: string): string {
  return address.replace(/&(?:amp|#0*38|#x0*26);/gi, '&');
}
