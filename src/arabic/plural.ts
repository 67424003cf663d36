/**
 * Arabic plural categories and counted phrases.
 *
 * The categories are CLDR's plural rules for `ar` (Unicode CLDR,
 * `common/supplemental/plurals.xml`; chart "Language Plural Rules"):
 * zero n = 0; one n = 1; two n = 2; few n % 100 = 3..10;
 * many n % 100 = 11..99; other everything else (100–102, 1000, fractions).
 * CLDR's n is the absolute value, and a range like 3..10 matches integers only.
 */
import { formatNumber } from './digits.js';
import type { Numerals } from './locale.js';

/** The six CLDR plural categories Arabic uses. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** One phrase per plural category; `{count}` is replaced by the formatted number. */
export type PluralForms = Readonly<Record<PluralCategory, string>>;

/**
 * The CLDR plural category of `n` in Arabic.
 *
 * @throws RangeError when `n` is NaN or ±Infinity.
 * @example arabicPluralCategory(103) === 'few'
 */
export function arabicPluralCategory(n: number): PluralCategory {
  if (!Number.isFinite(n)) throw new RangeError(`arabicPluralCategory expects a number, got ${n}`);
  const abs = Math.abs(n);
  if (!Number.isInteger(abs)) return 'other';
  if (abs === 0) return 'zero';
  if (abs === 1) return 'one';
  if (abs === 2) return 'two';
  const lastTwo = abs % 100;
  if (lastTwo >= 3 && lastTwo <= 10) return 'few';
  if (lastTwo >= 11) return 'many';
  return 'other';
}

/**
 * The phrase for `n` things: the form of `n`'s plural category with every
 * `{count}` replaced by `formatNumber(n, numerals)`.
 *
 * @throws RangeError when `n` is not an integer (from `formatNumber`).
 * @example countPhrase(236, VIEW_FORMS, 'arab') === '٢٣٦ مشاهدة'
 */
export function countPhrase(n: number, forms: PluralForms, numerals: Numerals): string {
  const count = formatNumber(n, numerals);
  return forms[arabicPluralCategory(n)].replaceAll('{count}', count);
}

/** Forms of مشاهدة (a view), e.g. `countPhrase(3, VIEW_FORMS, 'latn') === '3 مشاهدات'`. */
export const VIEW_FORMS: PluralForms = Object.freeze({
  zero: 'لا مشاهدات',
  one: 'مشاهدة واحدة',
  two: 'مشاهدتان',
  few: '{count} مشاهدات',
  many: '{count} مشاهدة',
  other: '{count} مشاهدة',
});

/** Forms of دقيقة (a minute), e.g. `countPhrase(4, MINUTE_FORMS, 'latn') === '4 دقائق'`. */
export const MINUTE_FORMS: PluralForms = Object.freeze({
  zero: 'أقل من دقيقة',
  one: 'دقيقة واحدة',
  two: 'دقيقتان',
  few: '{count} دقائق',
  many: '{count} دقيقة',
  other: '{count} دقيقة',
});

/** Forms of ساعة (an hour), e.g. `countPhrase(3, HOUR_FORMS, 'latn') === '3 ساعات'`. */
export const HOUR_FORMS: PluralForms = Object.freeze({
  zero: 'أقل من ساعة',
  one: 'ساعة واحدة',
  two: 'ساعتان',
  few: '{count} ساعات',
  many: '{count} ساعة',
  other: '{count} ساعة',
});

/** Forms of نتيجة (a search result), e.g. `countPhrase(2, RESULT_FORMS, 'latn') === 'نتيجتان'`. */
export const RESULT_FORMS: PluralForms = Object.freeze({
  zero: 'لا نتائج',
  one: 'نتيجة واحدة',
  two: 'نتيجتان',
  few: '{count} نتائج',
  many: '{count} نتيجة',
  other: '{count} نتيجة',
});

/**
 * Forms of مرة (a time, as in "followed 3 times"), in the accusative that
 * follows a verb (مفعول مطلق): `countPhrase(2, TIMES_FORMS, 'latn') === 'مرتين'`.
 */
export const TIMES_FORMS: PluralForms = Object.freeze({
  zero: 'ولا مرة',
  one: 'مرة واحدة',
  two: 'مرتين',
  few: '{count} مرات',
  many: '{count} مرة',
  other: '{count} مرة',
});

/**
 * Forms of مقال (an article), e.g. `countPhrase(0, ARTICLE_FORMS, 'latn') === 'لا مقالات'`,
 * `countPhrase(11, ARTICLE_FORMS, 'latn') === '11 مقالاً'` (the accusative
 * singular after 11–99), `countPhrase(100, ARTICLE_FORMS, 'latn') === '100 مقال'`.
 */
export const ARTICLE_FORMS: PluralForms = Object.freeze({
  zero: 'لا مقالات',
  one: 'مقال واحد',
  two: 'مقالان',
  few: '{count} مقالات',
  many: '{count} مقالاً',
  other: '{count} مقال',
});

/**
 * The new-updates bar of a live page: «تحديث جديد (1)», «تحديثان جديدان (2)»,
 * then «تحديثات جديدة (N)» for every N from 3 up (11, 99, 100, 1000 alike).
 * The count stands in parentheses after the phrase, apart from it, so the
 * phrase is a plain plural like a heading's («تحديثات جديدة»), not a counted
 * noun: the tamyiz forms («تحديثًا جديدًا» after 11–99, «تحديث جديد» after
 * 100) read as wrong when the number does not come before them.
 */
export const NEW_UPDATE_FORMS: PluralForms = Object.freeze({
  zero: 'لا تحديثات جديدة',
  one: 'تحديث جديد ({count})',
  two: 'تحديثان جديدان ({count})',
  few: 'تحديثات جديدة ({count})',
  many: 'تحديثات جديدة ({count})',
  other: 'تحديثات جديدة ({count})',
});
