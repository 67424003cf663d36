/**
 * The small rules every wire reader shares: plain one-line text out of
 * what may be HTML, bodies out of plain text, absolute links, subject
 * lists, and the GUID an item lacking one is given.
 */
import { createHash } from 'node:crypto';
import { cleanLine } from '../../domain/field-limits.js';
import { htmlToText } from '../../domain/html-text.js';
import { escapeHtml } from './read-html-out.js';

/** Markup or an entity reference: a feed that put HTML where text belongs. */
const LOOKS_LIKE_HTML = /<\/?[a-z][^>]*>|<!--|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** True when `text` holds tags or entity references. */
export function looksLikeHtml(text: string): boolean {
  return LOOKS_LIKE_HTML.test(text);
}

/**
 * One clean line of plain text: HTML read as HTML (tags dropped, entities
 * decoded) when `html` says so or, for 'auto', when the text looks like it.
 *
 * @example plainLine('<b>عاجل</b>: &quot;قمة&quot;', 'auto') === 'عاجل: "قمة"'
 */
export function plainLine(text: string, html: boolean | 'auto'): string {
  const asHtml = html === 'auto' ? looksLikeHtml(text) : html;
  return cleanLine(asHtml ? htmlToText(text, 'keep') : text);
}

/**
 * Plain text as an HTML body: paragraphs at blank lines, a `<br>` at a
 * single line break.
 *
 * @example textToHtml('أ\n\nب') === '<p>أ</p>\n<p>ب</p>'
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => `<p>${escapeHtml(part).replace(/\s*\n\s*/g, '<br>')}</p>`)
    .join('\n');
}

/** A body that may be HTML or plain text (RSS `description`): HTML as it is, text made HTML. */
export function htmlOrTextBody(text: string): string {
  const trimmed = text.trim();
  return looksLikeHtml(trimmed) ? trimmed : textToHtml(trimmed);
}

/** `href` resolved against `base`, when the result is an http(s) URL; else null. */
export function absoluteLink(href: string | null | undefined, base: string | null): string | null {
  const trimmed = href?.trim() ?? '';
  if (trimmed === '') return null;
  try {
    const url = new URL(trimmed, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Names cleaned, empty ones and repeats dropped, order kept. */
export function subjectList(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    const clean = plainLine(name, 'auto');
    if (clean !== '') seen.add(clean);
  }
  return [...seen];
}

/**
 * The GUID of an item: its own, else its link, else `sha256:` and the hex
 * digest of its headline and date (ISO, or '' without one).
 */
export function itemGuid(
  own: string,
  link: string | null,
  headline: string,
  sentAt: Date | null,
): string {
  const clean = cleanLine(own);
  if (clean !== '') return clean;
  if (link !== null) return link;
  const digest = createHash('sha256')
    .update(`${headline}\n${sentAt?.toISOString() ?? ''}`)
    .digest('hex');
  return `sha256:${digest}`;
}

/** A BCP 47 tag as given (`ar`, `ar-SY`), or null when empty or not one. */
export function languageTag(value: string | null | undefined): string | null {
  const trimmed = value?.trim().replace(/_/g, '-') ?? '';
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(trimmed) ? trimmed : null;
}
