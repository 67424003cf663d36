/**
 * A search result's text parts (see search/snippet.ts) as plain text, or as
 * HTML with each match in `<mark>` and each left-to-right run in
 * `<bdi dir="ltr">` (as the search page shows them), escaped.
 */
import { directedParts } from '../domain/directed-parts.js';
import { escapeHtml } from '../lib/escape-html.js';
import type { TextPart } from '../domain/search-result.js';

/** The parts joined, without marks. */
export function plainText(parts: readonly TextPart[]): string {
  return parts.map((p) => p.text).join('');
}

function partsHtml(parts: readonly TextPart[]): string {
  return parts
    .map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text)))
    .join('');
}

/**
 * The parts as HTML: matches in `<mark>`, left-to-right runs in
 * `<bdi dir="ltr">`, every part escaped.
 *
 * @example markedHtml([{ text: 'مؤتمر (Unicode)', match: false }])
 *   === 'مؤتمر (<bdi dir="ltr">Unicode</bdi>)'
 */
export function markedHtml(parts: readonly TextPart[]): string {
  return directedParts(parts)
    .map((g) => (g.ltr ? `<bdi dir="ltr">${partsHtml(g.parts)}</bdi>` : partsHtml(g.parts)))
    .join('');
}
