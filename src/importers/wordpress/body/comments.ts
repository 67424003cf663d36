/**
 * HTML comments removed from a post: what is left of the block editor's
 * delimiters once converted, and WordPress's markers `<!--more-->` (where
 * the teaser ends) and `<!--nextpage-->` (a page break), which an article
 * has no use for. Comments show nothing and the body's sanitiser drops
 * them anyway; removed before paragraphing, a marker alone on its line
 * leaves no empty paragraph behind. `<!DOCTYPE>` and `<?xml …?>` go too.
 */
import { scanHtml } from './html-scan.js';

/** `html` without its comments. An unclosed `<!--` stays as text. */
export function removeComments(html: string): string {
  return scanHtml(html)
    .filter((token) => token.kind !== 'comment')
    .map((token) => html.slice(token.start, token.end))
    .join('');
}
