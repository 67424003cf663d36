/**
 * The pages a mirror makes itself (the note page, the search page): a
 * small Arabic document with system fonts and inline CSS, not indexed by
 * search engines, that ends with a link to the mirror's home page.
 */
import { relativeLink } from '../../domain/mirror-path.js';
import { translator } from '../../i18n/format.js';
import { escapeHtml } from '../../lib/escape-html.js';

/**
 * The document at mirror file `file` headed `title` (text), with `body`
 * and `head` (HTML, escaped by the caller) before the link home.
 */
export function ownPage(file: string, title: string, body: string, head = ''): string {
  const t = translator('ar');
  return (
    '<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="robots" content="noindex">' +
    `<title>${escapeHtml(title)}</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.7}</style>' +
    head +
    `</head><body><h1>${escapeHtml(title)}</h1>${body}` +
    `<p><a href="${escapeHtml(relativeLink(file, 'index.html'))}">${escapeHtml(t('mirror.note.home'))}</a></p>` +
    '</body></html>\n'
  );
}
