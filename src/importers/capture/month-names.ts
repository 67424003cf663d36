import { anyPhrase, arabicPhrase } from './arabic-pattern.js';

/**
 * Gregorian month names as pages print them, for reading dates back.
 *
 * Printing tables (src/arabic/calendar-names.ts) hold one spelling per
 * style; reading needs every spelling in use: Egypt and the Gulf (`يناير`,
 * `يونيه`), the Levant and Iraq (`كانون الثاني`), Tunisia and Algeria
 * (`جانفي`, `جويلية`) and Morocco (`يوليوز`, `غشت`, `دجنبر`). Spelling
 * variants of hamza and alef are covered by `arabicPhrase` itself.
 */
const GREGORIAN: readonly (readonly string[])[] = [
  ['يناير', 'كانون الثاني', 'جانفي'],
  ['فبراير', 'شباط', 'فيفري'],
  ['مارس', 'آذار'],
  ['أبريل', 'نيسان', 'أفريل'],
  ['مايو', 'أيار', 'ماي'],
  ['يونيو', 'يونيه', 'حزيران', 'جوان'],
  ['يوليو', 'يوليه', 'تموز', 'جويلية', 'جويلة', 'يوليوز'],
  ['أغسطس', 'آب', 'أوت', 'غشت'],
  ['سبتمبر', 'أيلول', 'شتنبر'],
  ['أكتوبر', 'تشرين الأول'],
  ['نوفمبر', 'تشرين الثاني', 'نونبر'],
  ['ديسمبر', 'كانون الأول', 'دجنبر'],
];

/** Hijri month names: recognised so that a dual-calendar line is not taken for prose. */
const HIJRI = [
  'محرم',
  'صفر',
  'ربيع الأول',
  'ربيع الثاني',
  'ربيع الآخر',
  'جمادى الأولى',
  'جمادى الآخرة',
  'جمادى الثانية',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذو القعدة',
  'ذو الحجة',
];

/** A regex source matching any Gregorian month name. */
export const GREGORIAN_MONTH = anyPhrase(GREGORIAN.flat());
/** A regex source matching any Hijri month name. */
export const HIJRI_MONTH = anyPhrase(HIJRI);

const EXACT: readonly (readonly [RegExp, number])[] = GREGORIAN.flatMap((names, index) =>
  names.map((name) => [new RegExp(`^${arabicPhrase(name)}$`, 'u'), index + 1] as const),
);

/**
 * The month number (1–12) of a month name, or null.
 *
 * @example monthNumber('كانون الثاني') === 1
 */
export function monthNumber(name: string): number | null {
  const trimmed = name.trim();
  for (const [pattern, month] of EXACT) if (pattern.test(trimmed)) return month;
  return null;
}
