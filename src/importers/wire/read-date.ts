/**
 * Dates as wire documents write them, read with the offset they carry:
 * - RFC 822 as amended by RFC 1123 and RFC 5322 §3.3 and §4.3 (RSS 2.0
 *   `pubDate`): `Fri, 04 Dec 2026 10:15:00 +0300`, two-digit years, the
 *   obsolete zones `UT`, `GMT`, `EST`/`EDT`, `CST`/`CDT`, `MST`/`MDT`,
 *   `PST`/`PDT`; a military letter other than `Z`, like `-0000`, tells no
 *   offset (RFC 5322 §4.3: they were defined with the wrong sign).
 * - RFC 3339 / W3C-DTF (Atom, JSON Feed, NewsML-G2, `dc:date`):
 *   `2026-12-04T10:15:00+03:00`, fractions, `Z`; a date alone.
 * - ISO 8601 basic (NITF `norm`, NewsML 1.x `DateAndTime`):
 *   `20261204T101500+0300`.
 */

/** An instant and the offset it was written with (minutes east of UTC), null when the text gave none. */
export interface WireDate {
  at: Date;
  offsetMinutes: number | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 zone names and their offsets in minutes (RFC 822 §5.1). */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

const RFC822 =
  /^(?:[a-z]{3,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[a-z]{1,3}))?$/i;

/** The instant of UTC parts, or null when a part is out of range (31 April, 25:00). */
function fromParts(
  parts: [number, number, number, number, number, number, number],
  offsetMinutes: number,
): Date | null {
  const [year, month, day, hour, minute, second, millisecond] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 24 || minute > 59 || second > 60) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1) return null;
  date.setUTCHours(hour, minute, Math.min(second, 59), millisecond);
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

/** `+0300`, `+03:00`, `-05` → minutes east of UTC; `-0000` → null (no information). */
function numericOffset(text: string): number | null | undefined {
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (match === null) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  if (match[1] === '-' && hours === 0 && minutes === 0) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * An RFC 822 date (RSS `pubDate`), or null when the text is none.
 *
 * @example readRfc822Date('Fri, 04 Dec 2026 10:15:00 +0300') // { at: 2026-12-04T07:15:00Z, offsetMinutes: 180 }
 */
export function readRfc822Date(text: string): WireDate | null {
  // Comments (RFC 5322 §3.2.2) such as `+0300 (AST)` say nothing more.
  const match = RFC822.exec(text.replace(/\([^()]*\)/g, ' ').trim());
  if (match === null) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf((monthName ?? '').slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(yearText);
  if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  let offset: number | null = null;
  if (zone !== undefined) {
    const numeric = numericOffset(zone);
    if (numeric !== undefined) offset = numeric;
    else {
      const named = ZONES[zone.toLowerCase()];
      // A military letter other than Z, or a zone nobody defined: no offset.
      if (named !== undefined) offset = named;
      else if (!/^[a-ik-y]$/i.test(zone)) return null;
    }
  }
  const at = fromParts(
    [year, month, Number(day), Number(hour), Number(minute), Number(second ?? '0'), 0],
    offset ?? 0,
  );
  return at === null ? null : { at, offsetMinutes: offset };
}

const ISO_EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const ISO_BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?([Zz]|[+-]\d{2}(?:\d{2})?)?)?$/;

/**
 * An RFC 3339, W3C-DTF or ISO 8601 basic date-time (a date alone is its
 * midnight, without offset), or null when the text is none.
 *
 * @example readIsoDate('20261204T101500+0300') // { at: 2026-12-04T07:15:00Z, offsetMinutes: 180 }
 */
export function readIsoDate(text: string): WireDate | null {
  const trimmed = text.trim();
  const match = ISO_EXTENDED.exec(trimmed) ?? ISO_BASIC.exec(trimmed);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  let offset: number | null = null;
  if (zone !== undefined && zone !== '') {
    if (zone === 'Z' || zone === 'z') offset = 0;
    else {
      const numeric = numericOffset(zone);
      if (numeric === undefined) return null;
      offset = numeric;
    }
  }
  const at = fromParts(
    [
      Number(year),
      Number(month),
      Number(day),
      Number(hour ?? '0'),
      Number(minute ?? '0'),
      Number(second ?? '0'),
      Math.floor(Number(`0.${fraction ?? '0'}`) * 1000),
    ],
    offset ?? 0,
  );
  return at === null ? null : { at, offsetMinutes: offset };
}

/** Either form: RFC 822 first (feeds that put ISO dates in `pubDate` are read too). */
export function readAnyDate(text: string): WireDate | null {
  return readRfc822Date(text) ?? readIsoDate(text);
}
