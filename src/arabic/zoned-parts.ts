/**
 * The numeric calendar fields of an instant in an IANA time zone.
 *
 * Intl is used only for what needs the host's time zone and calendar rules
 * (tzdb offsets, Umm al-Qura tables); the locale is pinned to
 * `en-US-u-ca-…-nu-latn` and only numeric fields are read, so no names or
 * digits come from ICU locale data.
 */
import type { Calendar } from './locale.js';

/** A wall-clock date and time in a zone: month 1–12, hour 0–23. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

type Field = keyof ZonedParts;
const FIELDS: readonly Field[] = ['year', 'month', 'day', 'hour', 'minute'];

/** Formatters by `calendar|timeZone`: building one is slow, and they are immutable. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(calendar: Calendar, timeZone: string): Intl.DateTimeFormat {
  const key = `${calendar}|${timeZone}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(`en-US-u-ca-${calendar}-nu-latn`, {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch (cause) {
      throw new RangeError(`unknown time zone: ${timeZone}`, { cause });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The wall-clock fields of `instant` in `timeZone`, in the Gregorian
 * (default) or Umm al-Qura Hijri calendar. Hijri days change at local
 * midnight, as in ICU, not at sunset.
 *
 * @throws RangeError when `timeZone` is not a known IANA zone (the message
 *   names it) or `instant` is an invalid Date.
 * @example zonedParts(new Date('2020-01-18T09:43Z'), 'Asia/Damascus')
 *   // { year: 2020, month: 1, day: 18, hour: 11, minute: 43 }
 */
export function zonedParts(
  instant: Date,
  timeZone: string,
  calendar: Calendar = 'gregory',
): ZonedParts {
  const formatter = formatterFor(calendar, timeZone);
  const at = instant.getTime();
  if (Number.isNaN(at)) throw new RangeError('invalid Date');
  let recent = recentParts.get(formatter);
  if (recent === undefined) recentParts.set(formatter, (recent = new Map()));
  let found = recent.get(at);
  if (found === undefined) {
    if (recent.size >= RECENT_INSTANTS) recent.clear();
    recent.set(at, (found = Object.freeze(readParts(formatter, instant, timeZone))));
  }
  return found;
}

/**
 * Most instants whose fields are kept for each formatter (all forgotten
 * when full). An article page asks for its publish time's fields three or
 * four times (date, time, Hijri date, the `datetime` of a day) and
 * formatToParts took some 10 µs each (issue 21).
 */
const RECENT_INSTANTS = 64;
const recentParts = new WeakMap<Intl.DateTimeFormat, Map<number, Readonly<ZonedParts>>>();

function readParts(formatter: Intl.DateTimeFormat, instant: Date, timeZone: string): ZonedParts {
  const parts: Partial<ZonedParts> = {};
  for (const part of formatter.formatToParts(instant)) {
    if ((FIELDS as readonly string[]).includes(part.type)) {
      parts[part.type as Field] = Number(part.value);
    }
  }
  const { year, month, day, hour, minute } = parts;
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined
  ) {
    throw new Error(`Intl gave incomplete date parts for ${instant.toISOString()} in ${timeZone}`);
  }
  return { year, month, day, hour: hour % 24, minute };
}

/**
 * The weekday of a Gregorian date, 0 = Sunday … 6 = Saturday.
 *
 * @example weekdayOf(2020, 1, 18) === 6
 */
export function weekdayOf(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}
