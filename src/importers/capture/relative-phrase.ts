import { WORD_END, WORD_START, anyPhrase } from './arabic-pattern.js';

/**
 * Relative times that pages print instead of a date: `منذ 3 ساعات`,
 * `قبل ساعتين`, `منذ يوم`, `منذ 15 يوماً`, `منذ ساعة و20 دقيقة`, `أمس`,
 * `3 hours ago`. Such a page cannot be dated from the capture alone: when
 * it was captured is not known.
 *
 * Units come in the singular, the dual and the plural, and in the singular
 * accusative after 11–99 (`يوماً`), as src/arabic/relative-time.ts prints them.
 */
const UNITS = [
  ...['ثانية', 'ثانيتين', 'ثانيتان', 'ثوان', 'ثواني'],
  ...['دقيقة', 'دقيقتين', 'دقيقتان', 'دقائق'],
  ...['ساعة', 'ساعتين', 'ساعتان', 'ساعات'],
  ...['يوم', 'يوما', 'يومين', 'يومان', 'أيام'],
  ...['أسبوع', 'أسبوعا', 'أسبوعين', 'أسبوعان', 'أسابيع'],
  ...['شهر', 'شهرا', 'شهرين', 'شهران', 'أشهر', 'شهور'],
  ...['سنة', 'سنتين', 'سنتان', 'سنوات', 'سنين', 'عام', 'عاما', 'عامين', 'عامان', 'أعوام'],
];
const COUNT = `(?:\\d+|${anyPhrase(['بضع', 'بضعة', 'عدة'])})`;
const AMOUNT = `(?:${COUNT}\\s+)?${anyPhrase(UNITS)}(?:\\s+${anyPhrase(['واحد', 'واحدة'])})?${WORD_END}`;
const AGO = `${anyPhrase(['منذ', 'قبل'])}\\s+${AMOUNT}(?:\\s+و\\s*${AMOUNT})*`;
const MOMENTS = anyPhrase([
  'منذ قليل',
  'قبل قليل',
  'منذ لحظات',
  'قبل لحظات',
  'الآن',
  'للتو',
  'اليوم',
  'أمس',
  'الأمس',
  'البارحة',
  'أول أمس',
]);
const ENGLISH =
  '(?:(?:\\d+|an?|one)\\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\\s+ago|yesterday|today|just now)';

const RELATIVE = new RegExp(
  `${WORD_START}(?:${AGO}|${MOMENTS}${WORD_END}|${ENGLISH}${WORD_END})`,
  'iu',
);

/**
 * The first relative time in `text` (digits already Latin), or null.
 *
 * @example findRelativeTime('منذ 3 ساعات')?.[0] === 'منذ 3 ساعات'
 */
export function findRelativeTime(text: string): RegExpExecArray | null {
  return RELATIVE.exec(text);
}
