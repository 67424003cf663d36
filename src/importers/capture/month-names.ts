import { HIJRI_MONTHS } from '../../arabic/calendar-names.js';
import { anyPhrase, arabicPhrase } from './arabic-pattern.js';

/**
 * Month and weekday names as pages print them, for reading dates back.
 *
 * Printing tables (src/arabic/calendar-names.ts) hold one spelling per
 * style; reading needs every spelling in use: Egypt and the Gulf (`يناير`,
 * `يونيه`), the Levant and Iraq (`كانون الثاني`), Tunisia and Algeria
 * (`جانفي`, `جويلية`) and Morocco (`يوليوز`, `غشت`, `دجنبر`). Spelling
 * variants of hamza and alef are covered by `arabicPhrase` itself. Some
 * pages print dates in English or French (`12 Mar 2024`, `12 mars 2024`).
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

/** English and French names and their usual abbreviations, lower case. */
const LATIN: readonly (readonly string[])[] = [
  ['january', 'jan', 'janvier', 'janv'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr'],
  ['march', 'mar', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juin'],
  ['july', 'jul', 'juillet', 'juil'],
  ['august', 'aug', 'août', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'décembre', 'decembre', 'déc'],
];

/**
 * Hijri month names: recognised so that a dual-calendar line is not taken
 * for prose. The printed names, and the other spelling of the 4th and 6th.
 */
const HIJRI = [...HIJRI_MONTHS, 'ربيع الثاني', 'جمادى الثانية'];

/** Weekday names, Arabic (both spellings of Monday), English (with abbreviations) and French. */
export const WEEKDAYS: readonly string[] = [
  'السبت',
  'الأحد',
  'الاثنين',
  'الإثنين',
  'الثلاثاء',
  'الأربعاء',
  'الخميس',
  'الجمعة',
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
  ...['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
];

/** A regex source matching any Gregorian month name in Arabic. */
export const GREGORIAN_MONTH = anyPhrase(GREGORIAN.flat());
/** A regex source matching any Hijri month name. */
export const HIJRI_MONTH = anyPhrase(HIJRI);
/** A regex source matching an English or French month name; use it with the `i` flag. */
export const LATIN_MONTH = anyPhrase(LATIN.flat());

const EXACT: readonly (readonly [RegExp, number])[] = GREGORIAN.flatMap((names, index) =>
  names.map((name) => [new RegExp(`^${arabicPhrase(name)}$`, 'u'), index + 1] as const),
);

/**
 * The month number (1–12) of an Arabic, English or French month name, or null.
 *
 * @example monthNumber('كانون الثاني') === 1
 * @example monthNumber('Mar') === 3
 */
export function monthNumber(name: string): number | null {
  const trimmed = name.trim();
  const latin = LATIN.findIndex((names) => names.includes(trimmed.toLowerCase()));
  if (latin >= 0) return latin + 1;
  for (const [pattern, month] of EXACT) if (pattern.test(trimmed)) return month;
  return null;
}
