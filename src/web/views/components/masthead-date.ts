/**
 * Today's date as the masthead prints it (components/site-header.tsx),
 * made once per local day instead of once per page: every page rendered
 * on a day prints the same date, and formatting it in the site's calendar
 * and time zone took a tenth of a millisecond of each article page's render.
 */
import { formatDate, formatHijriDate, localDateKey } from '../../../arabic/dates.js';
import type { SiteLocale } from '../../../arabic/locale.js';
import { nextLocalMidnight } from '../../../lib/time-zone.js';

/** The masthead's date: its `datetime` (`2020-01-18`), its text, and the Hijri date when shown. */
export interface MastheadDate {
  key: string;
  today: string;
  hijri: string | null;
}

/** The last date made, and the instants (ms, UTC) between which it holds. */
let kept: {
  locale: SiteLocale;
  showHijri: boolean;
  from: number;
  until: number;
  date: MastheadDate;
} | null = null;

/**
 * The masthead's date at `now` in `locale` (the Hijri date too when
 * `showHijri` and the calendar is Gregorian). Kept from `now` until the
 * site's next local midnight, for the same locale object and choice.
 */
export function mastheadDate(now: Date, locale: SiteLocale, showHijri: boolean): MastheadDate {
  const at = now.getTime();
  if (
    kept !== null &&
    kept.locale === locale &&
    kept.showHijri === showHijri &&
    at >= kept.from &&
    at < kept.until
  ) {
    return kept.date;
  }
  const date: MastheadDate = {
    key: localDateKey(now, locale.timeZone),
    today: formatDate(now, locale, { weekday: true }),
    hijri: showHijri && locale.calendar === 'gregory' ? formatHijriDate(now, locale) : null,
  };
  kept = {
    locale,
    showHijri,
    from: at,
    until: nextLocalMidnight(now, locale.timeZone).getTime(),
    date,
  };
  return date;
}
