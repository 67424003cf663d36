/**
 * The article's headline from a page's metadata, best source first:
 * `og:title`, JSON-LD `headline`, the `<title>` without the site's name,
 * the visible `<h1>`. Sites often add their name to `og:title` and
 * `<title>` (`عنوان الخبر | عنب بلدي`); it is taken off when the page names
 * its site (`og:site_name`, the JSON-LD publisher), and off the `<title>`
 * also when the rest is the `<h1>`, or when the title's last (or first)
 * part is a short name (at most SITE_NAME_WORDS words) set off by a
 * separator from a longer rest.
 */
import { sameLine } from '../capture/headline.js';
import type { PageMetadata } from './page-metadata.js';

/** Longest site name guessed from a title's last part, in words. */
export const SITE_NAME_WORDS = 4;

const SEPARATOR = /\s+[|\-–—»«·•]\s+|\s*\|\s*|\s*::\s*/u;

function words(text: string): number {
  return text.split(/\s+/u).filter((w) => w !== '').length;
}

/** `text` without `siteName` at either end, where a separator sets it off. */
export function withoutSiteName(text: string, siteName: string | null): string {
  if (siteName === null) return text;
  const parts = text.split(SEPARATOR);
  if (parts.length < 2) return text;
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  if (sameLine(last, siteName))
    return text.slice(0, text.length - last.length).replace(SEPARATOR_END, '');
  if (sameLine(first, siteName)) return text.slice(first.length).replace(SEPARATOR_START, '');
  return text;
}

const SEPARATOR_END = new RegExp(`(?:${SEPARATOR.source})$`, 'u');
const SEPARATOR_START = new RegExp(`^(?:${SEPARATOR.source})`, 'u');

function titleHeadline(title: string, meta: PageMetadata): string {
  const stripped = withoutSiteName(title, meta.siteName);
  if (stripped !== title) return stripped;
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  if (meta.h1 !== null) {
    if (sameLine(title.slice(0, title.length - last.length).replace(SEPARATOR_END, ''), meta.h1))
      return meta.h1;
    if (sameLine(title.slice(first.length).replace(SEPARATOR_START, ''), meta.h1)) return meta.h1;
  }
  const withoutLast = withoutSiteName(title, last);
  if (words(last) <= SITE_NAME_WORDS && words(withoutLast) > words(last)) return withoutLast;
  const withoutFirst = withoutSiteName(title, first);
  if (words(first) <= SITE_NAME_WORDS && words(withoutFirst) > words(first)) return withoutFirst;
  return title;
}

/** The headline, or null when the page has none anywhere. */
export function chooseHeadline(meta: PageMetadata): string | null {
  const og = meta.ogTitle === null ? null : withoutSiteName(meta.ogTitle, meta.siteName);
  const title = meta.title === null ? null : titleHeadline(meta.title, meta);
  return (
    [og, meta.jsonLdHeadline, title, meta.h1].find((h) => h !== null && h.trim() !== '') ?? null
  );
}
