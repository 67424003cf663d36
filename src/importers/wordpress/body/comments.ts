/**
 * HTML comments removed from a post: what is left of the block editor's
 * delimiters once converted, and WordPress's markers `<!--more-->` (where
 * the teaser ends) and `<!--nextpage-->` (a page break), which an article
 * has no use for. Comments show nothing and the body's sanitiser drops
 * them anyway; removed before paragraphing, a marker alone on its line
 * leaves no empty paragraph behind. `<!DOCTYPE>` and `<?xml …?>` go too.
 */
import { scanHtml } from './html-scan.js';

/**
 * `html` without its comments. An unclosed `<!--` stays as text. With
 * `spacesAfter` (for a block-editor post, where blocks are one a line
 * and spaces between them mean nothing), the spaces and line breaks
 * after each comment go too.
 */
export function removeComments(html: string, { spacesAfter = false } = {}): string {
  let out = '';
  let skipSpaces = false;
  for (const token of scanHtml(html)) {
    if (token.kind === 'comment') {
      skipSpaces = spacesAfter;
      continue;
    }
    const text = html.slice(token.start, token.end);
    out += skipSpaces ? text.trimStart() : text;
    skipSpaces = skipSpaces && text.trim() === '';
  }
  return out;
}
