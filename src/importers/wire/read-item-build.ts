/**
 * The last step of every wire reader: an item's fields as read become a
 * WireItemInput, or a warning when the item cannot be one (no headline).
 */
import type { WireItemInput } from '../../domain/wire-item.js';
import type { WireDate } from './read-date.js';
import { absoluteBodyLinks } from './read-body-links.js';
import { itemGuid } from './read-item-text.js';

/** An item's fields as a reader found them (text already plain and clean). */
export interface ItemFields {
  guid: string;
  version: number | null;
  headline: string;
  slugline: string;
  byline: string;
  summary: string;
  bodyHtml: string;
  link: string | null;
  language: string | null;
  subjects: string[];
  /** What relative addresses in the body are resolved against; the item's link when absent. */
  bodyBase?: string | null;
  /** The date read, or null. */
  date: WireDate | null;
  /** The date's text as written ('' when the item has none), for warnings. */
  dateText: string;
}

/** Items read so far and what was odd. */
export interface ItemSink {
  items: WireItemInput[];
  warnings: string[];
}

/**
 * Adds the item described by `fields` to `sink`, or a warning naming
 * `where` (`item 3`, `newsItem urn:…`) when it has no headline. A date
 * that cannot be read or has no offset is a warning too.
 */
export function addItem(sink: ItemSink, fields: ItemFields, where: string): void {
  if (fields.headline === '') {
    sink.warnings.push(`${where} has no headline; it was skipped.`);
    return;
  }
  if (fields.date === null && fields.dateText.trim() !== '') {
    sink.warnings.push(
      `${where}: the date «${fields.dateText.trim().slice(0, 60)}» could not be read; the arrival time is used.`,
    );
  } else if (fields.date !== null && fields.date.offsetMinutes === null) {
    sink.warnings.push(
      `${where}: the date «${fields.dateText.trim().slice(0, 60)}» gives no offset; it was read as UTC.`,
    );
  }
  const sentAt = fields.date?.at ?? null;
  sink.items.push({
    guid: itemGuid(fields.guid, fields.link, fields.headline, sentAt),
    version: fields.version,
    headline: fields.headline,
    slugline: fields.slugline,
    byline: fields.byline,
    summary: fields.summary,
    bodyHtml: absoluteBodyLinks(fields.bodyHtml, fields.bodyBase ?? fields.link),
    link: fields.link,
    language: fields.language,
    subjects: fields.subjects,
    sentAt,
    sentOffsetMinutes: fields.date?.offsetMinutes ?? null,
  });
}

/** A version number as written (`2`), or null when it is none (a positive integer). */
export function versionNumber(text: string | null | undefined): number | null {
  const trimmed = text?.trim() ?? '';
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value > 0 ? value : null;
}
