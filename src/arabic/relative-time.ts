/**
 * "How long ago" phrases for recent instants: قبل دقيقتين، قبل 3 ساعات.
 */
import type { Numerals } from './locale.js';
import { countPhrase, type PluralForms } from './plural.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const MAX_DAYS = 7;

/**
 * «قبل N دقيقة» phrases, exported for the live page's script, which says
 * them in the browser. After قبل the dual is genitive (دقيقتين), unlike the
 * nominative دقيقتان of MINUTE_FORMS.
 */
export const MINUTES_AGO: PluralForms = {
  zero: 'الآن',
  one: 'قبل دقيقة',
  two: 'قبل دقيقتين',
  few: 'قبل {count} دقائق',
  many: 'قبل {count} دقيقة',
  other: 'قبل {count} دقيقة',
};
/** «قبل N ساعة» phrases, as MINUTES_AGO. */
export const HOURS_AGO: PluralForms = {
  zero: 'الآن',
  one: 'قبل ساعة',
  two: 'قبل ساعتين',
  few: 'قبل {count} ساعات',
  many: 'قبل {count} ساعة',
  other: 'قبل {count} ساعة',
};
const DAYS_AGO: PluralForms = {
  zero: 'الآن',
  one: 'قبل يوم',
  two: 'قبل يومين',
  few: 'قبل {count} أيام',
  many: 'قبل {count} يوماً',
  other: 'قبل {count} يوم',
};

/**
 * How long before `now` the `instant` was, in elapsed time (not calendar
 * days), rounded down to whole minutes, hours or days, with Arabic plural
 * forms (CLDR `ar` categories):
 * - under a minute, or in the future: 'الآن';
 * - under an hour: 'قبل دقيقة', 'قبل دقيقتين', 'قبل 3 دقائق', 'قبل 11 دقيقة';
 * - under a day: 'قبل ساعة', 'قبل ساعتين', 'قبل 3 ساعات', 'قبل 11 ساعة';
 * - up to exactly 7 days: 'قبل يوم', 'قبل يومين', 'قبل 3 أيام' … 'قبل 7 أيام';
 * - more than 7 days: `null`, so that the caller prints the date instead.
 *
 * @throws RangeError when either Date is invalid.
 * @example formatRelativeTime(new Date('2020-01-18T09:43Z'), new Date('2020-01-18T12:45Z'), 'latn')
 *   === 'قبل 3 ساعات'
 */
export function formatRelativeTime(instant: Date, now: Date, numerals: Numerals): string | null {
  const elapsed = now.getTime() - instant.getTime();
  if (Number.isNaN(elapsed)) throw new RangeError('formatRelativeTime got an invalid Date');
  if (elapsed > MAX_DAYS * DAY_MS) return null;
  if (elapsed < MINUTE_MS) return 'الآن';
  if (elapsed < HOUR_MS) return countPhrase(Math.floor(elapsed / MINUTE_MS), MINUTES_AGO, numerals);
  if (elapsed < DAY_MS) return countPhrase(Math.floor(elapsed / HOUR_MS), HOURS_AGO, numerals);
  return countPhrase(Math.floor(elapsed / DAY_MS), DAYS_AGO, numerals);
}
