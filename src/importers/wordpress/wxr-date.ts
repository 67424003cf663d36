/**
 * WXR dates: `wp:post_date` is the site's local time and
 * `wp:post_date_gmt` the same moment in UTC, both `YYYY-MM-DD HH:MM:SS`;
 * WordPress writes `0000-00-00 00:00:00` in the GMT field of a post never
 * published (drafts) and of some old or imported posts.
 */
import { DateTime } from 'luxon';

/** `YYYY-MM-DD HH:MM:SS`, each part its exact number of digits. */
const WXR_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The moment given by `gmt` (UTC), or else by `local` read in `timeZone`
 * (an IANA zone, the old site's); null when neither is a date.
 *
 * @example wxrDate('0000-00-00 00:00:00', '2012-05-01 14:30:00', 'Asia/Riyadh') // 2012-05-01T11:30:00Z
 */
export function wxrDate(
  gmt: string | undefined,
  local: string | undefined,
  timeZone: string,
): Date | null {
  return readDate(gmt, 'UTC') ?? readDate(local, timeZone);
}

function readDate(raw: string | undefined, zone: string): Date | null {
  const text = raw?.trim() ?? '';
  if (text === '' || text.startsWith('0000-00-00')) return null;
  const parts = WXR_DATE.exec(text);
  if (parts === null) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (zone === 'UTC') return utcDate(year, month, day, hour, minute, second);
  const date = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
  return date.isValid ? date.toJSDate() : null;
}

/**
 * The UTC moment of these parts, or null when one is out of its range
 * (31 April, 25:00, second 60), as luxon would judge them (it reads
 * 24:00:00 as the next day's midnight, as ISO 8601 allows): without luxon,
 * whose zone machinery is most of the time of an import's GMT dates.
 */
function utcDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): Date | null {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  if (hour === 24 && minute === 0 && second === 0) {
    const dayBefore = utcDate(year, month, day, 0, 0, 0);
    return dayBefore === null ? null : new Date(dayBefore.getTime() + 86_400_000);
  }
  const exact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return exact ? date : null;
}

/**
 * @throws RangeError when `timeZone` is not an IANA zone luxon knows
 *   (every local date would otherwise be read as no date at all).
 */
export function checkTimeZone(timeZone: string): void {
  if (!DateTime.now().setZone(timeZone).isValid) {
    throw new RangeError(`not a time zone: ${timeZone}`);
  }
}
