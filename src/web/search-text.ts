/**
 * A search result's text parts (see search/snippet.ts) as plain text, or as
 * HTML with each match in `<mark>`, escaped.
 */
import { escapeHtml } from '../lib/escape-html.js';
import type { TextPart } from '../domain/search-result.js';

/** The parts joined, without marks. */
export function plainText(parts: readonly TextPart[]): string {
  return parts.map((p) => p.text).join('');
}

/** The parts as HTML: matches in `<mark>`, every part escaped. */
export function markedHtml(parts: readonly TextPart[]): string {
  return parts
    .map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text)))
    .join('');
}
