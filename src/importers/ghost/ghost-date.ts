/**
 * Times as Ghost exports write them, all in UTC: ISO 8601 with a zone
 * (`2021-01-03T10:00:00.000Z`, Ghost 2+), the database's `YYYY-MM-DD
 * HH:MM:SS` without one (SQLite exports; Ghost stores UTC), or epoch
 * milliseconds (Ghost 0.x), also as a string of digits.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Epoch milliseconds in the range Date takes (±8.64e15). */
function fromEpoch(ms: number): Date | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms) : undefined;
}

/**
 * The instant `value` names; null when there is none (null, ''),
 * undefined when it is not a time.
 * @example ghostDate('2021-01-03 10:00:00')?.toISOString() === '2021-01-03T10:00:00.000Z'
 * @example ghostDate(1609668000000)?.toISOString() === '2021-01-03T10:00:00.000Z'
 */
export function ghostDate(value: string | number | null): Date | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number') return fromEpoch(value);
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^-?\d{10,16}$/.test(trimmed)) return fromEpoch(Number(trimmed));
  const match = DATE_TIME.exec(trimmed);
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone = 'Z'] = match;
  const parts = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = parts;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  // Date.UTC rolls 2021-02-30 over into March: such a date is not a time.
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return new Date(local - zoneOffsetMs(zone));
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}
