/**
 * The locale record of a site: how its pages print numbers and dates.
 *
 * Modelled on Simorgh's `config/services/arabic.ts`: a site's locale is a
 * plain record, not a BCP 47 tag, because ICU defaults differ between hosts
 * and tags (`ar` prints Latin digits, `ar-EG` Arabic-Indic ones).
 */

/**
 * Digit shapes, named like the Unicode `-u-nu-` extension (UTS #35):
 * `latn` is Western 0–9, `arab` is Arabic-Indic ٠–٩ (U+0660–U+0669).
 */
export type Numerals = 'latn' | 'arab';

/**
 * Which names the Gregorian months get:
 * `egypt` (Egypt and the Gulf: يناير), `levant` (Syriac names: كانون الثاني),
 * `maghreb` (Tunisia and Algeria: جانفي), `dual` (`يناير/ كانون الثاني`, as BBC Arabic).
 */
export type MonthNames = 'egypt' | 'levant' | 'maghreb' | 'dual';

/** Calendars, named like the Unicode `-u-ca-` extension (UTS #35). */
export type Calendar = 'gregory' | 'islamic-umalqura';

/**
 * A site's locale. `timeZone` is an IANA zone name such as `Asia/Damascus`.
 *
 * @example
 * const syria: SiteLocale = { lang: 'ar', dir: 'rtl', timeZone: 'Asia/Damascus',
 *   numerals: 'latn', monthNames: 'levant', calendar: 'gregory' };
 */
export interface SiteLocale {
  lang: 'ar';
  dir: 'rtl';
  timeZone: string;
  numerals: Numerals;
  monthNames: MonthNames;
  calendar: Calendar;
}
