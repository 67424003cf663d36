/**
 * Our own tables of Arabic month and weekday names, so that dates print the
 * same on every host whatever its ICU locale data.
 *
 * Sources (Unicode CLDR, `common/main/ar*.xml`, format/wide names):
 * - egypt: CLDR `ar` Gregorian months (Egypt and the Gulf);
 * - levant: CLDR `ar-SY`/`ar-LB`/`ar-JO` months (Syriac names);
 * - maghreb: CLDR `ar-TN`/`ar-DZ` months (French-derived names). Morocco's
 *   `ar-MA` names (يوليوز، غشت، شتنبر …) are a different list, not covered;
 * - Hijri months and weekdays: CLDR `ar` Islamic calendar and day names.
 */
import type { MonthNames } from './locale.js';

const EGYPT: readonly string[] = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];
const LEVANT: readonly string[] = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];
const MAGHREB: readonly string[] = [
  'جانفي',
  'فيفري',
  'مارس',
  'أفريل',
  'ماي',
  'جوان',
  'جويلية',
  'أوت',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];
/** The Hijri months, Muharram first, as CLDR `ar` writes them (index = month - 1). */
export const HIJRI_MONTHS: readonly string[] = [
  'محرم',
  'صفر',
  'ربيع الأول',
  'ربيع الآخر',
  'جمادى الأولى',
  'جمادى الآخرة',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذو القعدة',
  'ذو الحجة',
];
/** Sunday first, so that the index is `Date#getUTCDay()`. */
const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

function pick(table: readonly string[], index: number, what: string): string {
  const name = table[index];
  if (name === undefined) throw new RangeError(`no ${what} number ${index}`);
  return name;
}

/**
 * The name of Gregorian month `month` (1–12) in the given style; `dual`
 * joins the egypt and levant names as BBC Arabic prints them: `فبراير/ شباط`.
 *
 * @throws RangeError when `month` is not 1–12.
 * @example gregorianMonthName(2, 'dual') === 'فبراير/ شباط'
 */
export function gregorianMonthName(month: number, style: MonthNames): string {
  switch (style) {
    case 'egypt':
      return pick(EGYPT, month - 1, 'month');
    case 'levant':
      return pick(LEVANT, month - 1, 'month');
    case 'maghreb':
      return pick(MAGHREB, month - 1, 'month');
    case 'dual':
      return `${pick(EGYPT, month - 1, 'month')}/ ${pick(LEVANT, month - 1, 'month')}`;
  }
}

/**
 * The name of Hijri month `month` (1–12).
 *
 * @throws RangeError when `month` is not 1–12.
 * @example hijriMonthName(9) === 'رمضان'
 */
export function hijriMonthName(month: number): string {
  return pick(HIJRI_MONTHS, month - 1, 'Hijri month');
}

/**
 * The name of weekday `day`, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay()`).
 *
 * @throws RangeError when `day` is not 0–6.
 * @example weekdayName(5) === 'الجمعة'
 */
export function weekdayName(day: number): string {
  return pick(WEEKDAYS, day, 'weekday');
}
