import { importWarning, type ImportWarning } from '../../services/import-warning.js';
import { toLatinDigits } from '../../arabic/digits.js';
import { WORD_END, anyPhrase, wordsPattern } from './arabic-pattern.js';
import { HIJRI_MONTH, WEEKDAYS } from './month-names.js';
import type { CaptureDate, CaptureTime } from './capture-parts.js';
import { findPrintedDate, toDate } from './printed-date.js';
import { findPrintedZone, formatOffset } from './printed-zone.js';
import { findRelativeTime } from './relative-phrase.js';

/**
 * Reading a publish date and time from one piece of a metadata line.
 *
 * A piece is taken for a date/time only when nothing but the date, the time,
 * a time zone, a relative time and known filler (labels such as `نشر في:`,
 * weekday names, `الساعة`, separators) is left on it: prose that merely
 * mentions `11:43` stays prose.
 */
export interface PublishTime {
  date: CaptureDate | null;
  time: CaptureTime | null;
  /** The piece is labelled as an update (`آخر تحديث`), second choice after a publish time. */
  updated: boolean;
  /** The zone printed with it: an IANA name (`Asia/Damascus`), `+03:00` or `UTC`. */
  timeZone: string | null;
  /** A date printed that does not exist (`31/02/2024`), as printed. */
  impossibleDate: string | null;
  /** A relative time printed instead of a date (`منذ 3 ساعات`), as printed. */
  relative: string | null;
  /** Notes for the capture's warnings, e.g. a date read as month/day/year. */
  notes: ImportWarning[];
}

const AM = ['ص', 'صباحا', 'فجرا', 'am', 'a.m.'];
const PM = ['م', 'مساء', 'ظهرا', 'عصرا', 'pm', 'p.m.'];
const AM_PATTERN = new RegExp(`^${anyPhrase(AM)}$`, 'iu');

const TIME = new RegExp(
  `(?<![\\d:])(\\d{1,2}):(\\d{2})(?::\\d{2})?(?![\\d:])(?:\\s*(${anyPhrase([...AM, ...PM])})${WORD_END})?`,
  'iu',
);
/** ISO 8601 / RFC 3339 date and time, with an offset or `Z` if any: `2024-03-12T10:00:00+03:00`. */
const ISO_TIMESTAMP =
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:T|\s+)(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)?(?![\d:])/iu;
const HIJRI_DATE = new RegExp(
  `(?<!\\d)\\d{1,2}\\s+${HIJRI_MONTH}\\s+\\d{4}\\s*(?:هـ|ه${WORD_END})?`,
  'u',
);

const UPDATED_WORDS = ['آخر تحديث', 'تحديث', 'تم التحديث', 'محدث', 'updated', 'last updated'];
const UPDATED = new RegExp(wordsPattern([...UPDATED_WORDS, 'mis à jour']), 'iu');
const FILLER = new RegExp(
  wordsPattern([
    ...['نشر في', 'نشر بتاريخ', 'تاريخ النشر', 'تم النشر', 'نشر', 'بتاريخ', 'التاريخ'],
    ...['الساعة', 'الوقت', 'في', 'يوم', 'اليوم', 'الموافق', 'بالتوقيت المحلي'],
    ...UPDATED_WORDS,
    ...WEEKDAYS,
    ...['published', 'posted', 'on', 'at', 'publié le', 'mis à jour le', 'le', 'à'],
  ]),
  'giu',
);
const SEPARATORS = /[\s\p{P}\p{S}]/gu;

/**
 * Reads a date and/or time from `text`, or null when `text` holds anything
 * else. Digits may be Arabic-Indic. A 12-hour time with ص/م (or AM/PM)
 * becomes 24-hour. A date that does not exist (`31/02/2024`) or a relative
 * time (`منذ 3 ساعات`) is read too, with no date, so that the line is known
 * for metadata and the capture can say why it has no date.
 *
 * @example parsePublishTime('18 يناير 2020 | 11:43 م')?.time // { hour: 23, minute: 43 }
 * @example parsePublishTime('08:00 بتوقيت غرينتش')?.timeZone === 'UTC'
 */
export function parsePublishTime(text: string): PublishTime | null {
  const result: PublishTime = {
    date: null,
    time: null,
    updated: false,
    timeZone: null,
    impossibleDate: null,
    relative: null,
    notes: [],
  };
  // Digits made Latin one for one, and cuts blanked to the same length, so
  // that positions in `rest` are positions in `text`.
  let rest = toLatinDigits(text);
  let found = false;
  const take = (where: { index: number; length: number }): string => {
    rest =
      rest.slice(0, where.index) +
      ' '.repeat(where.length) +
      rest.slice(where.index + where.length);
    found = true;
    return text.slice(where.index, where.index + where.length).trim();
  };

  const iso = ISO_TIMESTAMP.exec(rest);
  if (iso && !readIsoTimestamp(iso, result, take)) return null;

  const zone = findPrintedZone(rest);
  if (zone) {
    const printed = take(zone);
    result.timeZone ??= zone.timeZone;
    if (zone.timeZone === null) {
      result.notes.push(
        importWarning(
          'CAPTURE_ZONE_UNKNOWN',
          `The capture names a time zone that is not known: "${printed}".`,
        ),
      );
    }
  }

  const time = result.time ? null : TIME.exec(rest);
  if (time) {
    result.time = toTime(time[1], time[2], time[3]);
    if (!result.time) return null;
    take({ index: time.index, length: time[0].length });
  }

  const date = iso ? null : findPrintedDate(rest);
  if (date?.kind === 'date') {
    const printed = take(date);
    result.date = date.date;
    if (date.monthFirst) {
      result.notes.push(
        importWarning(
          'CAPTURE_DATE_MONTH_FIRST',
          `The date ${printed} was read as month/day/year.`,
        ),
      );
    }
  } else if (date?.kind === 'impossible') {
    result.impossibleDate = take(date);
  }

  const hijri = HIJRI_DATE.exec(rest);
  if (hijri) take({ index: hijri.index, length: hijri[0].length });

  const relative = findRelativeTime(rest);
  if (relative) result.relative = take({ index: relative.index, length: relative[0].length });

  result.updated = UPDATED.test(rest);
  const leftover = rest.replace(FILLER, ' ').replace(SEPARATORS, '');
  return found && leftover === '' ? result : null;
}

/** Reads an ISO timestamp into `into`; false when its time or offset is out of range. */
function readIsoTimestamp(
  iso: RegExpExecArray,
  into: PublishTime,
  take: (where: { index: number; length: number }) => string,
): boolean {
  const [, year, month, day, hour, minute, second, offset, sign, offsetHours, offsetMinutes] = iso;
  into.time = toTime(hour, minute, undefined);
  if (!into.time || Number(second ?? 0) > 59) return false;
  if (offset !== undefined) {
    into.timeZone =
      offset.toUpperCase() === 'Z'
        ? 'UTC'
        : formatOffset(sign ?? '+', offsetHours ?? '', offsetMinutes ?? '00');
    if (into.timeZone === null) return false;
  }
  const date = toDate(year, month, day);
  if (date === null) return false;
  const printed = take({ index: iso.index, length: iso[0].length });
  if (date === 'impossible') into.impossibleDate = printed;
  else into.date = date;
  return true;
}

function toTime(
  hourText: string | undefined,
  minuteText: string | undefined,
  suffix: string | undefined,
): CaptureTime | null {
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (minute > 59) return null;
  if (suffix === undefined) return hour <= 23 ? { hour, minute } : null;
  if (hour < 1 || hour > 12) return null;
  const morning = AM_PATTERN.test(suffix);
  if (morning && hour === 12) hour = 0;
  if (!morning && hour < 12) hour += 12;
  return { hour, minute };
}
