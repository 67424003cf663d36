/**
 * Digit shapes and integer formatting, done by hand so that the output does
 * not depend on the host's ICU locale data.
 *
 * Code points are from the Unicode Arabic block (U+0600–U+06FF): Arabic-Indic
 * digits U+0660–U+0669, Extended (Persian/Urdu) digits U+06F0–U+06F9, and
 * U+066C ARABIC THOUSANDS SEPARATOR, the grouping symbol CLDR gives `ar` for
 * the `arab` numbering system.
 */
import type { Numerals } from './locale.js';

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
const NON_LATIN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;
const LATIN_DIGIT = /[0-9]/g;
const THOUSANDS_BOUNDARY = /\B(?=(?:\d{3})+$)/g;

/**
 * Replaces Arabic-Indic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits
 * by ASCII 0–9; everything else is left alone, separators included.
 *
 * @example toLatinDigits('١٤ شباط ۲۰۱۰') === '14 شباط 2010'
 */
export function toLatinDigits(text: string): string {
  return text.replace(NON_LATIN_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/**
 * Replaces ASCII 0–9 by Arabic-Indic digits ٠–٩ (U+0660–U+0669); everything
 * else, Persian digits included, is left alone.
 *
 * @example toArabicIndicDigits('11:43') === '١١:٤٣'
 */
export function toArabicIndicDigits(text: string): string {
  return text.replace(LATIN_DIGIT, (digit) =>
    String.fromCharCode(ARABIC_INDIC_ZERO + digit.charCodeAt(0) - 0x30),
  );
}

/**
 * Prints the digits of an already formatted string in the site's numerals:
 * `latn` turns Arabic-Indic and Persian digits into 0–9; `arab` turns 0–9
 * and Persian digits into ٠–٩. Only digits change: separators such as `,`
 * or `:` are kept as they are.
 *
 * @example formatDigits('2020/01/18', 'arab') === '٢٠٢٠/٠١/١٨'
 */
export function formatDigits(text: string, numerals: Numerals): string {
  switch (numerals) {
    case 'latn':
      return toLatinDigits(text);
    case 'arab':
      return toArabicIndicDigits(toLatinDigits(text));
  }
}

/**
 * Formats an integer with its thousands grouped from 1,000 up: `,` with
 * `latn`, U+066C `٬` with `arab` (CLDR `ar` symbols for `arab`). A negative
 * number gets a leading ASCII `-` and no bidi mark (CLDR would prefix U+061C
 * ARABIC LETTER MARK; wrap the result in an isolate if that matters). Any
 * integer a `number` holds is printed in full, never in exponent notation.
 *
 * @throws RangeError when `n` is not an integer (NaN, ±Infinity, 2.5).
 * @example formatNumber(1234, 'arab') === '١٬٢٣٤'
 */
export function formatNumber(n: number, numerals: Numerals): string {
  if (!Number.isInteger(n)) throw new RangeError(`formatNumber expects an integer, got ${n}`);
  const sign = n < 0 ? '-' : '';
  const digits = BigInt(Math.abs(n)).toString();
  switch (numerals) {
    case 'latn':
      return sign + digits.replace(THOUSANDS_BOUNDARY, ',');
    case 'arab':
      return sign + toArabicIndicDigits(digits.replace(THOUSANDS_BOUNDARY, '\u066C'));
  }
}
