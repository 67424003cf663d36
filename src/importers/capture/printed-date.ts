import { WORD_END } from './arabic-pattern.js';
import { GREGORIAN_MONTH, LATIN_MONTH, monthNumber } from './month-names.js';
import type { CaptureDate } from './capture-parts.js';

/**
 * Finding the Gregorian date printed in one piece of a metadata line
 * (digits already Latin): with an Arabic month name (`18 كانون الثاني 2020`,
 * `12 ديسمبر/كانون الأول 2022`), an English or French one (`12 Mar 2024`,
 * `March 12, 2024`, `12 mars 2024`), ISO (`2020-01-18`) or numeric
 * (`18/01/2020`, read day first as Arabic pages print it, unless only month
 * first makes sense).
 */
export type FoundDate =
  | { kind: 'date'; date: CaptureDate; index: number; length: number; monthFirst: boolean }
  /** A date shaped like one whose day or month does not exist: `31/02/2024`. */
  | { kind: 'impossible'; index: number; length: number };

const LETTER_BEFORE = '(?<![\\p{L}\\p{M}\\d])';
const ARABIC_DAY_MONTH_YEAR = new RegExp(
  `(?<!\\d)(\\d{1,2})\\s*(?:من\\s+)?(${GREGORIAN_MONTH})` +
    `(?:\\s*[/\\-]\\s*${GREGORIAN_MONTH}|\\s*\\(\\s*${GREGORIAN_MONTH}\\s*\\))?` +
    `\\s*[،,]?\\s*(\\d{4})(?!\\d)(?:\\s*م${WORD_END})?`,
  'u',
);
const LATIN_DAY_MONTH_YEAR = new RegExp(
  `${LETTER_BEFORE}(\\d{1,2})(?:st|nd|rd|th|er)?[\\s\\-]*(?:of\\s+)?(${LATIN_MONTH})\\.?` +
    `(?![\\p{L}\\p{M}])[\\s\\-,]*(\\d{4})(?!\\d)`,
  'iu',
);
const LATIN_MONTH_DAY_YEAR = new RegExp(
  `${LETTER_BEFORE}(${LATIN_MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)\\s*,?\\s*(\\d{4})(?!\\d)`,
  'iu',
);
const ISO_DATE = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/u;
const NUMERIC_DATE = /(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/u;

/** Years taken for a publish date; a number outside is not read as a year. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/**
 * The first date in `text`; null when there is none, or when its year is
 * not a plausible publish year.
 *
 * @example findPrintedDate('12 Mar 2024 10:00') // { kind: 'date', date: { year: 2024, month: 3, day: 12 }, … }
 * @example findPrintedDate('31/02/2024')?.kind === 'impossible'
 */
export function findPrintedDate(text: string): FoundDate | null {
  const arabic = ARABIC_DAY_MONTH_YEAR.exec(text);
  if (arabic) return named(arabic, arabic[1], arabic[2], arabic[3]);
  const latinDayFirst = LATIN_DAY_MONTH_YEAR.exec(text);
  if (latinDayFirst) {
    return named(latinDayFirst, latinDayFirst[1], latinDayFirst[2], latinDayFirst[3]);
  }
  const latinMonthFirst = LATIN_MONTH_DAY_YEAR.exec(text);
  if (latinMonthFirst) {
    return named(latinMonthFirst, latinMonthFirst[2], latinMonthFirst[1], latinMonthFirst[3]);
  }
  const iso = ISO_DATE.exec(text);
  if (iso) return found(iso, toDate(iso[1], iso[3], iso[4]), false);
  const numeric = NUMERIC_DATE.exec(text);
  if (!numeric) return null;
  const dayFirst = toDate(numeric[4], numeric[3], numeric[1]);
  if (dayFirst !== 'impossible') return found(numeric, dayFirst, false);
  const monthFirst = toDate(numeric[4], numeric[1], numeric[3]);
  return found(numeric, monthFirst, monthFirst !== 'impossible');
}

/**
 * A calendar date, `'impossible'` when the month or day does not exist,
 * null when the year is out of range.
 *
 * @example toDate('2024', '2', '30') === 'impossible'
 */
export function toDate(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
): CaptureDate | 'impossible' | null {
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return null;
  if (month < 1 || month > 12 || day < 1) return 'impossible';
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay ? { year, month, day } : 'impossible';
}

function named(
  match: RegExpExecArray,
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
): FoundDate | null {
  return found(match, toDate(year, String(monthNumber(month ?? '') ?? 0), day), false);
}

function found(
  match: RegExpExecArray,
  date: CaptureDate | 'impossible' | null,
  monthFirst: boolean,
): FoundDate | null {
  const where = { index: match.index, length: match[0].length };
  if (date === null) return null;
  if (date === 'impossible') return { kind: 'impossible', ...where };
  return { kind: 'date', date, monthFirst, ...where };
}
