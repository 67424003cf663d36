/**
 * HTTP-dates as a recipient must read them (RFC 9110 §5.6.7): the
 * preferred IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two
 * obsolete forms, RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
 * (`Sun Nov  6 08:49:37 1994`), all in UTC. Anything else is not a date:
 * `Date.parse` would take many more forms, and an asctime date as local time.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * A two-digit year of an RFC 850 date: the one in this century, or the
 * century before when that would be more than 50 years after `now`
 * (RFC 9110 §5.6.7).
 */
function fullYear(twoDigits: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  const year = thisYear - (thisYear % 100) + twoDigits;
  return year > thisYear + 50 ? year - 100 : year;
}

/**
 * The time `value` names, ms since the epoch, or null when it is not an
 * HTTP-date or names no real time (a 30 February, an hour 24). `now`
 * (ms) places an RFC 850 date's two-digit year.
 */
export function parseHttpDate(value: string, now: number = Date.now()): number | null {
  let day: string, month: string, year: number, time: string[];
  let match = IMF_FIXDATE.exec(value);
  if (match) {
    [, day, month] = match as unknown as [string, string, string];
    year = Number(match[3]);
    time = match.slice(4, 7);
  } else if ((match = RFC_850.exec(value))) {
    [, day, month] = match as unknown as [string, string, string];
    year = fullYear(Number(match[3]), now);
    time = match.slice(4, 7);
  } else if ((match = ASCTIME.exec(value))) {
    [, month, day] = match as unknown as [string, string, string];
    year = Number(match[6]);
    time = match.slice(3, 6);
  } else {
    return null;
  }
  const [hours, minutes, seconds] = time.map(Number) as [number, number, number];
  // Up to 60 seconds: a leap second (RFC 5322 §3.3), counted as the next minute's first.
  if (hours > 23 || minutes > 59 || seconds > 60) return null;
  const monthIndex = MONTHS.indexOf(month);
  const date = new Date(Date.UTC(year, monthIndex, Number(day)));
  if (date.getUTCMonth() !== monthIndex || date.getUTCDate() !== Number(day)) return null;
  return date.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000;
}
