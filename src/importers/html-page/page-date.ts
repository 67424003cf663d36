/**
 * A publish date as pages state it in their metadata: ISO 8601 / RFC 3339
 * (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`),
 * with or without a time or an offset, and RFC 2822 (some old CMSs'
 * `pubdate`). A stated offset gives the exact instant; a time without one
 * is read in the site's time zone; a date alone is that day's midnight
 * there, with precision `day`.
 */
import { DateTime } from 'luxon';
import type { PublishedPrecision } from '../../domain/article.js';

export interface PageDate {
  at: Date;
  precision: PublishedPrecision;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * The instant `value` names, or null when it is no date these formats write.
 *
 * @param timeZone IANA zone of times written without an offset.
 * @example parsePageDate('2024-03-12T10:15:00+03:00', 'UTC') // { at: 2024-03-12T07:15:00Z, precision: 'minute' }
 */
export function parsePageDate(value: string, timeZone: string): PageDate | null {
  const text = value.trim();
  if (text === '') return null;
  if (DATE_ONLY.test(text)) {
    const day = DateTime.fromISO(text, { zone: timeZone });
    return day.isValid ? { at: day.toJSDate(), precision: 'day' } : null;
  }
  // `2024-03-12 10:15:00` (a space for the T) is common in old CMSs' metadata.
  const iso = DateTime.fromISO(text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/u, '$1T'), {
    zone: timeZone,
  });
  if (iso.isValid) return { at: iso.toJSDate(), precision: 'minute' };
  const rfc = DateTime.fromRFC2822(text, { zone: timeZone });
  return rfc.isValid ? { at: rfc.toJSDate(), precision: 'minute' } : null;
}
