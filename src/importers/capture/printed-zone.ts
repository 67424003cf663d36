import { WORD_END, WORD_START, anyPhrase } from './arabic-pattern.js';

/**
 * The time zone a page prints next to its time: `بتوقيت دمشق`,
 * `(توقيت مكة)`, `بتوقيت غرينتش`, `ت.غ`, `GMT`, `GMT+3`.
 *
 * A place becomes its IANA zone (tzdb `zone1970.tab` and `backward`); an
 * offset stays a fixed offset written `+03:00`, and Greenwich is `UTC`.
 * `عمان` is Amman unless printed `عُمان` (Oman): Omani pages say `مسقط`.
 */
const PLACES: readonly (readonly [string, readonly string[]])[] = [
  ['UTC', ['غرينتش', 'غرينيتش', 'جرينتش', 'جرينيتش', 'العالمي', 'العالمي الموحد']],
  ['Asia/Riyadh', ['مكة المكرمة', 'مكة', 'الرياض', 'السعودية']],
  ['Asia/Damascus', ['دمشق', 'سوريا', 'سورية']],
  ['Africa/Cairo', ['القاهرة', 'مصر']],
  ['Asia/Beirut', ['بيروت', 'لبنان']],
  ['Asia/Baghdad', ['بغداد', 'العراق']],
  ['Asia/Jerusalem', ['القدس']],
  ['Africa/Tunis', ['تونس']],
  ['Africa/Algiers', ['الجزائر']],
  ['Africa/Casablanca', ['الرباط', 'المغرب', 'الدار البيضاء']],
  ['Asia/Amman', ['عمان', 'الأردن']],
  ['Asia/Dubai', ['أبوظبي', 'أبو ظبي', 'الإمارات', 'دبي']],
  ['Asia/Qatar', ['الدوحة', 'قطر']],
  ['Europe/Istanbul', ['إسطنبول', 'أنقرة', 'تركيا']],
  ['Asia/Kuwait', ['الكويت']],
  ['Asia/Bahrain', ['المنامة', 'البحرين']],
  ['Asia/Muscat', ['مسقط', 'سلطنة عمان']],
  ['Asia/Aden', ['صنعاء', 'عدن', 'اليمن']],
  ['Africa/Khartoum', ['الخرطوم', 'السودان']],
];

const PLACE_ZONES: readonly (readonly [RegExp, string])[] = PLACES.map(([zone, names]) => [
  new RegExp(`^${anyPhrase(names)}$`, 'u'),
  zone,
]);
const OMAN = /^ع\u064F/u;

/** Greenwich printed alone, without `بتوقيت`. */
const GREENWICH = `(?:GMT|UTC|${anyPhrase(['غرينتش', 'غرينيتش', 'جرينتش', 'جرينيتش'])}|ت\\s*\\.\\s*غ\\.?)`;
const LABEL = `(?:${anyPhrase(['ب', 'بال', 'ال', 'حسب ', 'وفق '])})?${anyPhrase(['توقيت'])}`;

const OFFSET = new RegExp(
  `${WORD_START}${GREENWICH}\\s*([+\\-\u2212])\\s*(\\d{1,2})(?::?(\\d{2}))?(?!\\d)`,
  'iu',
);
const NAMED = new RegExp(
  `${WORD_START}${LABEL}\\s+(${anyPhrase(PLACES.flatMap(([, names]) => names))})${WORD_END}`,
  'u',
);
const GREENWICH_ALONE = new RegExp(`${WORD_START}${GREENWICH}(?![\\p{L}\\p{M}\\p{N}])`, 'iu');
/** `بتوقيت` and a place not in the table; `بالتوقيت المحلي` (local time) names no zone. */
const UNKNOWN = new RegExp(`${WORD_START}${LABEL}\\s+([\\p{L}\\p{M}]+)`, 'u');

export interface PrintedZone {
  /** An IANA zone, a fixed offset such as `+03:00`, `UTC`, or null for an unknown place. */
  timeZone: string | null;
  /** Where the zone is printed in the text, and how long it is. */
  index: number;
  length: number;
}

/**
 * The first time zone printed in `text` (digits already Latin), or null.
 *
 * @example findPrintedZone('08:05 بتوقيت دمشق')?.timeZone === 'Asia/Damascus'
 * @example findPrintedZone('10:00 GMT+3')?.timeZone === '+03:00'
 */
export function findPrintedZone(text: string): PrintedZone | null {
  const offset = OFFSET.exec(text);
  if (offset) {
    const zone = formatOffset(offset[1] ?? '+', offset[2] ?? '', offset[3] ?? '00');
    return zone === null ? null : at(offset, zone);
  }
  const named = NAMED.exec(text);
  if (named) return at(named, placeZone(named[1] ?? ''));
  const greenwich = GREENWICH_ALONE.exec(text);
  if (greenwich) return at(greenwich, 'UTC');
  const unknown = UNKNOWN.exec(text);
  if (unknown && unknown[1] !== 'المحلي') return at(unknown, null);
  return null;
}

/**
 * A UTC offset written `+03:00`, `UTC` for zero, or null when out of range.
 *
 * @example formatOffset('+', '3', '00') === '+03:00'
 */
export function formatOffset(sign: string, hours: string, minutes: string): string | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h > 14 || m > 59) return null;
  if (h === 0 && m === 0) return 'UTC';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${sign === '+' ? '+' : '-'}${pad(h)}:${pad(m)}`;
}

function placeZone(place: string): string | null {
  if (OMAN.test(place)) return 'Asia/Muscat';
  return PLACE_ZONES.find(([pattern]) => pattern.test(place))?.[1] ?? null;
}

function at(match: RegExpExecArray, timeZone: string | null): PrintedZone {
  return { timeZone, index: match.index, length: match[0].length };
}
