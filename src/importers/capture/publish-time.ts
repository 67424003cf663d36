import { toLatinDigits } from '../../arabic/digits.js';
import { WORD_END, anyPhrase, wordsPattern } from './arabic-pattern.js';
import { GREGORIAN_MONTH, HIJRI_MONTH, monthNumber } from './month-names.js';
import type { CaptureDate, CaptureTime } from './parse-capture.js';

/**
 * Reading a publish date and time from one piece of a metadata line.
 *
 * A piece is taken for a date/time only when nothing but the date, the time
 * and known filler (labels such as `نشر في:`, weekday names, `الساعة`,
 * separators) is left on it: prose that merely mentions `11:43` stays prose.
 */
export interface PublishTime {
  date: CaptureDate | null;
  time: CaptureTime | null;
  /** The piece is labelled as an update (`آخر تحديث`), second choice after a publish time. */
  updated: boolean;
  /** Notes for the capture's warnings, e.g. a date read as month/day/year. */
  notes: string[];
}

const AM = ['ص', 'صباحا', 'فجرا', 'am', 'a.m.'];
const PM = ['م', 'مساء', 'ظهرا', 'عصرا', 'pm', 'p.m.'];
const AM_PATTERN = new RegExp(`^${anyPhrase(AM)}$`, 'iu');

const TIME = new RegExp(
  `(?<![\\d:])(\\d{1,2}):(\\d{2})(?::\\d{2})?(?![\\d:])(?:\\s*(${anyPhrase([...AM, ...PM])})${WORD_END})?`,
  'iu',
);
const DAY_MONTH_YEAR = new RegExp(
  `(?<!\\d)(\\d{1,2})\\s*(?:من\\s+)?(${GREGORIAN_MONTH})` +
    `(?:\\s*[/\\-]\\s*${GREGORIAN_MONTH}|\\s*\\(\\s*${GREGORIAN_MONTH}\\s*\\))?` +
    `\\s*[،,]?\\s*(\\d{4})(?!\\d)(?:\\s*م${WORD_END})?`,
  'u',
);
const ISO_DATE = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/u;
const NUMERIC_DATE = /(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/u;
const HIJRI_DATE = new RegExp(
  `(?<!\\d)\\d{1,2}\\s+${HIJRI_MONTH}\\s+\\d{4}\\s*(?:هـ|ه${WORD_END})?`,
  'u',
);

const UPDATED = new RegExp(wordsPattern(['آخر تحديث', 'تحديث', 'تم التحديث', 'محدث']), 'u');
const FILLER = new RegExp(
  wordsPattern([
    'نشر في',
    'نشر بتاريخ',
    'تاريخ النشر',
    'تم النشر',
    'نشر',
    'بتاريخ',
    'التاريخ',
    'الساعة',
    'الوقت',
    'في',
    'يوم',
    'الموافق',
    'آخر تحديث',
    'تحديث',
    'تم التحديث',
    'محدث',
    'السبت',
    'الأحد',
    'الاثنين',
    'الإثنين',
    'الثلاثاء',
    'الأربعاء',
    'الخميس',
    'الجمعة',
    'بتوقيت',
    'توقيت',
    'مكة',
    'دمشق',
    'القاهرة',
    'غرينتش',
    'GMT',
    'UTC',
  ]),
  'giu',
);
/** A UTC offset printed after the time, as in `GMT+3` or `(UTC +02:00)`. */
const UTC_OFFSET = /(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?/giu;
const SEPARATORS = /[\s\p{P}\p{S}]/gu;

/**
 * Reads a date and/or time from `text`, or null when `text` holds anything
 * else. Digits may be Arabic-Indic. A 12-hour time with ص/م (or AM/PM)
 * becomes 24-hour. A numeric date is read day first (18/01/2020), as Arabic
 * pages print it, unless only month first makes sense (01/18/2020).
 *
 * @example parsePublishTime('18 يناير 2020 | 11:43 م')?.time // { hour: 23, minute: 43 }
 */
export function parsePublishTime(text: string): PublishTime | null {
  // `2020-01-18T11:43` reads as a date and a time.
  let rest = toLatinDigits(text)
    .replace(/(\d)T(?=\d)/gu, '$1 ')
    .replace(UTC_OFFSET, ' ');
  const notes: string[] = [];
  let time: CaptureTime | null = null;
  let date: CaptureDate | null = null;
  let found = false;

  const timeMatch = TIME.exec(rest);
  if (timeMatch) {
    time = toTime(timeMatch[1], timeMatch[2], timeMatch[3]);
    if (!time) return null;
    rest = cut(rest, timeMatch);
    found = true;
  }

  const named = DAY_MONTH_YEAR.exec(rest);
  const iso = named ? null : ISO_DATE.exec(rest);
  const numeric = named || iso ? null : NUMERIC_DATE.exec(rest);
  if (named) {
    date = toDate(named[3], String(monthNumber(named[2] ?? '') ?? 0), named[1]);
    rest = cut(rest, named);
  } else if (iso) {
    date = toDate(iso[1], iso[3], iso[4]);
    rest = cut(rest, iso);
  } else if (numeric) {
    date = toDate(numeric[4], numeric[3], numeric[1]);
    const monthFirst = date ? null : toDate(numeric[4], numeric[1], numeric[3]);
    if (monthFirst) {
      date = monthFirst;
      notes.push(`The date ${numeric[0]} was read as month/day/year.`);
    }
    rest = cut(rest, numeric);
  }
  if (named || iso || numeric) {
    if (!date) return null;
    found = true;
  }

  const hijri = HIJRI_DATE.exec(rest);
  if (hijri) {
    rest = cut(rest, hijri);
    found = true;
  }

  const updated = UPDATED.test(rest);
  const leftover = rest.replace(FILLER, ' ').replace(SEPARATORS, '');
  if (!found || leftover !== '') return null;
  return { date, time, updated, notes };
}

function cut(text: string, match: RegExpExecArray): string {
  return text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length);
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

function toDate(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
): CaptureDate | null {
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay ? { year, month, day } : null;
}
