/**
 * Conversions between wall-clock times in a named IANA time zone and UTC
 * instants, delegated to Luxon (which reads the zone rules of the host's
 * ICU data, IANA tzdb).
 */
import { DateTime, IANAZone } from 'luxon';

/** A wall-clock date and time as printed on a page; month 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** True when `zone` names a time zone known to the host's tzdb, e.g. `Asia/Damascus`. */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The UTC instant of a wall-clock time in `timeZone`: an IANA name, `UTC`,
 * or a fixed offset written `UTC+03:00`.
 * In a DST gap the time is moved forward; in an overlap the earlier instant wins (Luxon's rules).
 *
 * @throws RangeError when the zone is unknown or the date does not exist (e.g. 31 February).
 * @example wallClockToUtc({year: 2020, month: 1, day: 18, hour: 11, minute: 43}, 'Asia/Damascus')
 *   // 2020-01-18T09:43:00.000Z
 */
export function wallClockToUtc(wall: WallClock, timeZone: string): Date {
  const dt = DateTime.fromObject(wall, { zone: timeZone });
  if (dt.invalidReason === 'unsupported zone')
    throw new RangeError(`unknown time zone: ${timeZone}`);
  if (!dt.isValid) throw new RangeError(`invalid date or time: ${dt.invalidExplanation ?? ''}`);
  return dt.toJSDate();
}

/**
 * An instant as an RFC 3339 / ISO 8601 date-time in `timeZone`'s wall clock
 * with its UTC offset, to the second: what schema.org dates
 * (`datePublished`), Open Graph's `article:published_time` and Google News
 * sitemaps expect, so that a reader of the data sees the site's local time.
 *
 * @throws RangeError when the zone is unknown.
 * @example zonedIsoString(new Date('2020-01-18T09:43:00Z'), 'Asia/Damascus') // '2020-01-18T11:43:00+02:00'
 */
export function zonedIsoString(instant: Date, timeZone: string): string {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`unknown time zone: ${timeZone}`);
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}

/**
 * The last day `nextLocalMidnight` found, by time zone: the instants (ms,
 * UTC) of its start and of the next day's. Every page rendered asks for the
 * same day's end; Luxon took some 60 µs to find it each time.
 */
const lastDays = new Map<string, { start: number; next: number }>();

/**
 * The first instant of the day after `instant`'s in `timeZone` (its local
 * midnight; in a zone whose clocks skip midnight, the first time that
 * exists): when a page that prints today's date goes stale. The last day
 * found in each zone is kept (lastDays).
 *
 * @throws RangeError when the zone is unknown.
 * @example nextLocalMidnight(new Date('2020-01-18T09:43:00Z'), 'Asia/Damascus') // 2020-01-18T22:00:00.000Z
 */
export function nextLocalMidnight(instant: Date, timeZone: string): Date {
  const at = instant.getTime();
  const kept = lastDays.get(timeZone);
  if (kept !== undefined && at >= kept.start && at < kept.next) return new Date(kept.next);
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`unknown time zone: ${timeZone}`);
  const start = dt.startOf('day');
  const next = start.plus({ days: 1 }).startOf('day');
  lastDays.set(timeZone, { start: start.toMillis(), next: next.toMillis() });
  return next.toJSDate();
}
