/**
 * WXR dates: `wp:post_date` is the site's local time and
 * `wp:post_date_gmt` the same moment in UTC, both `YYYY-MM-DD HH:MM:SS`;
 * WordPress writes `0000-00-00 00:00:00` in the GMT field of a post never
 * published (drafts) and of some old or imported posts.
 */
import { DateTime } from 'luxon';

const FORMAT = 'yyyy-MM-dd HH:mm:ss';

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
  const date = DateTime.fromFormat(text, FORMAT, { zone });
  return date.isValid ? date.toJSDate() : null;
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
