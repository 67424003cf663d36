/**
 * Dates and times of instants in a site's time zone, printed with our own
 * month and weekday names (`calendar-names.ts`) and digits (`digits.ts`), so
 * the output is the same on every host whatever its ICU locale data. Only
 * the zone offsets and the Umm al-Qura tables come from Intl (`zoned-parts.ts`).
 */
import { gregorianMonthName, hijriMonthName, weekdayName } from './calendar-names.js';
import { formatDigits } from './digits.js';
import type { SiteLocale } from './locale.js';
import { weekdayOf, zonedParts, type ZonedParts } from './zoned-parts.js';

export { formatRelativeTime } from './relative-time.js';

/** Options of `formatDate` and `formatHijriDate`. */
export interface DateOptions {
  /** Prefix the weekday name, e.g. 'السبت 18 كانون الثاني 2020'. */
  weekday?: boolean;
}

/** The Hijri era suffix, هـ (haa + tatweel), after the year. */
const HIJRI_ERA = 'هـ';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function withWeekday(
  text: string,
  gregorian: ZonedParts | (() => ZonedParts),
  opts: DateOptions,
): string {
  if (opts.weekday !== true) return text;
  const { year, month, day } = typeof gregorian === 'function' ? gregorian() : gregorian;
  return `${weekdayName(weekdayOf(year, month, day))} ${text}`;
}

function hijriText(instant: Date, locale: SiteLocale): string {
  const { year, month, day } = zonedParts(instant, locale.timeZone, 'islamic-umalqura');
  return formatDigits(`${day} ${hijriMonthName(month)} ${year} ${HIJRI_ERA}`, locale.numerals);
}

/**
 * The date of `instant` in `locale.timeZone`: day, month name, year, in the
 * site's calendar. With `gregory` the month names follow `locale.monthNames`;
 * with `islamic-umalqura` the date is the Hijri one of `formatHijriDate`.
 * No leading zero on the day; digits follow `locale.numerals`.
 *
 * @throws RangeError for an unknown time zone (naming it) or an invalid Date.
 * @example formatDate(new Date('2020-01-18T09:43Z'), syria, { weekday: true })
 *   === 'السبت 18 كانون الثاني 2020' // syria: Asia/Damascus, levant, latn, gregory
 */
export function formatDate(instant: Date, locale: SiteLocale, opts: DateOptions = {}): string {
  const gregorian = zonedParts(instant, locale.timeZone);
  switch (locale.calendar) {
    case 'gregory': {
      const { year, month, day } = gregorian;
      const text = `${day} ${gregorianMonthName(month, locale.monthNames)} ${year}`;
      return withWeekday(formatDigits(text, locale.numerals), gregorian, opts);
    }
    case 'islamic-umalqura':
      return withWeekday(hijriText(instant, locale), gregorian, opts);
  }
}

/**
 * The Umm al-Qura Hijri date of `instant` in `locale.timeZone`, whatever
 * `locale.calendar` is, followed by 'هـ'. The day changes at local midnight
 * (ICU's rule), not at sunset.
 *
 * @throws RangeError for an unknown time zone (naming it) or an invalid Date.
 * @example formatHijriDate(new Date('2020-01-18T09:43Z'), syria) === '23 جمادى الأولى 1441 هـ'
 */
export function formatHijriDate(instant: Date, locale: SiteLocale, opts: DateOptions = {}): string {
  return withWeekday(hijriText(instant, locale), () => zonedParts(instant, locale.timeZone), opts);
}

/**
 * The 24-hour wall-clock time of `instant` in `locale.timeZone`, 'HH:MM'
 * with leading zeros (00:00–23:59), digits per `locale.numerals`.
 *
 * @throws RangeError for an unknown time zone (naming it) or an invalid Date.
 * @example formatTime(new Date('2020-01-18T09:43Z'), syria) === '11:43'
 */
export function formatTime(instant: Date, locale: SiteLocale): string {
  const { hour, minute } = zonedParts(instant, locale.timeZone);
  return formatDigits(`${pad(hour, 2)}:${pad(minute, 2)}`, locale.numerals);
}

/**
 * `${formatDate(instant, locale)}، ${formatTime(instant, locale)}`, joined by
 * the Arabic comma U+060C and a space.
 *
 * @throws RangeError for an unknown time zone (naming it) or an invalid Date.
 * @example formatDateTime(new Date('2020-01-18T09:43Z'), syria) === '18 كانون الثاني 2020، 11:43'
 */
export function formatDateTime(instant: Date, locale: SiteLocale): string {
  return `${formatDate(instant, locale)}\u060C ${formatTime(instant, locale)}`;
}

/**
 * The Gregorian calendar day of `instant` in `timeZone` as 'YYYY-MM-DD'
 * (ISO 8601, Latin digits), for grouping and URLs.
 *
 * @throws RangeError for an unknown time zone (naming it) or an invalid Date.
 * @example localDateKey(new Date('2020-07-01T21:30Z'), 'Asia/Damascus') === '2020-07-02'
 */
export function localDateKey(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
