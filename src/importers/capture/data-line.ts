import { WORD_END, WORD_START, anyPhrase } from './arabic-pattern.js';
import { GREGORIAN_MONTH, HIJRI_MONTH, LATIN_MONTH, WEEKDAYS } from './month-names.js';
import { COUNTER_WORDS } from './view-count.js';

/**
 * Lines made only of numbers, dates and counter words (`الثلاثاء 12 مارس`,
 * `12 ألف مشاهدة و 30 تعليقا`, `Mar 12`, `مدة القراءة: دقيقة واحدة`), which the parser may not read as
 * metadata (no year, words it does not know) but which are never a headline:
 * a headline says something.
 */
const WORDS = [
  ...WEEKDAYS,
  ...COUNTER_WORDS,
  ...['ألف', 'آلاف', 'مليون', 'ملايين', 'مليار', 'k', 'm'],
  ...['منذ', 'قبل', 'الساعة', 'ساعة', 'ساعات', 'دقيقة', 'دقائق', 'يوم', 'أيام', 'أمس'],
  ...['ص', 'م', 'صباحا', 'مساء', 'هـ', 'ه', 'am', 'pm', 'gmt', 'utc', 'بتوقيت', 'توقيت'],
  ...['في', 'من', 'عدد'],
  // Reading times: `مدة القراءة: دقيقة واحدة`, `5 دقائق للقراءة`, `3 min read`.
  ...['مدة القراءة', 'وقت القراءة', 'زمن القراءة', 'للقراءة', 'واحدة', 'دقيقتان', 'دقيقتين'],
  ...['min', 'mins', 'minute', 'minutes', 'read'],
  // Counters named with the article: `عدد المشاهدات: 236`.
  ...['المشاهدات', 'القراءات', 'الزيارات', 'التعليقات'],
];
/** `و` joins counts and may cling to the next number: `و30 تعليقا`. */
const AND = /(?<![\p{L}\p{M}])و(?=[\s\p{N}])/gu;
const DATA_WORD = new RegExp(
  `${WORD_START}(?:${GREGORIAN_MONTH}|${HIJRI_MONTH}|${LATIN_MONTH}|${anyPhrase(WORDS)})${WORD_END}`,
  'giu',
);
/** `K` and `M` written against their digits: `1.2K`. */
const ABBREVIATED = /(?<=\d)[kKmM](?![\p{L}\p{M}])/gu;
const NOT_DATA = /[^\s\p{P}\p{S}\p{N}]/u;

/**
 * True when nothing but numbers, date and counter words and punctuation is on `line`.
 *
 * @example isDataLine('الثلاثاء 12 مارس') === true
 * @example isDataLine('12 قتيلا في غارات على المدينة') === false
 */
export function isDataLine(line: string): boolean {
  return !NOT_DATA.test(line.replace(ABBREVIATED, ' ').replace(AND, ' ').replace(DATA_WORD, ' '));
}
