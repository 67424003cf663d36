/**
 * Search and matching keys. These functions build keys for lookup only; the
 * stored text never changes (see `clean.ts` for what storage undoes).
 *
 * The same key must be computed at index time and at query time, on every
 * search engine, so each rule is a fixed set of Unicode code points:
 * - tashkeel: U+064B–U+065F (harakat, tanween, shadda, sukun, madda and
 *   hamza marks), U+0670 superscript alef, U+0610–U+061A (honorific and
 *   Quranic annotation signs, small harakat) and U+06D6–U+06ED (Quranic marks);
 * - tatweel: U+0640 ARABIC TATWEEL;
 * - letters: the hamza carriers, alef wasla, alef maqsura, taa marbuta and
 *   the Persian yeh/keheh that keyboards and OCR mix up with Arabic letters.
 */
import { cleanSourceText } from './clean.js';
import { toLatinDigits } from './digits.js';

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const LETTER_VARIANTS = /[\u0622\u0623\u0625\u0671\u0649\u0629\u0624\u0626\u06CC\u06A9]/g;
/** LETTER_VARIANTS but the hamza seats ؤ (U+0624) and ئ (U+0626). */
const LETTER_VARIANTS_BUT_SEATS = /[\u0622\u0623\u0625\u0671\u0649\u0629\u06CC\u06A9]/g;
const HAMZA_SEATS = /[\u0624\u0626]/g;
const UNIFIED_LETTER: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ → ا
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u06CC': '\u064A', // Persian ی → ي
  '\u06A9': '\u0643', // Persian ک → ك
};
/** Unicode General Category Cf: bidi marks (LRM, RLM, ALM), ZWJ, ZWNJ, soft hyphen. */
const FORMAT_CONTROLS = /\p{Cf}/gu;
/** Unicode General Categories P* and S*: ، ؛ ؟ « » ٪ ٫ ٬ . : " | – $ and the like. */
const PUNCTUATION_AND_SYMBOLS = /[\p{P}\p{S}]/gu;
const WHITESPACE = /\s+/g;

/**
 * Removes Arabic diacritics: U+064B–U+065F, U+0670, U+0610–U+061A and
 * U+06D6–U+06ED. Precomposed letters such as أ (U+0623) are letters, not
 * marks, and stay; run NFC first if the input may be decomposed.
 *
 * @example stripTashkeel('عبئاً كبيراً') === 'عبئا كبيرا'
 */
export function stripTashkeel(text: string): string {
  return text.replace(TASHKEEL, '');
}

/**
 * Removes the tatweel (kashida) U+0640 used to stretch words.
 *
 * @example stripTatweel('الأخـــبار') === 'الأخبار'
 */
export function stripTatweel(text: string): string {
  return text.replace(TATWEEL, '');
}

/**
 * Unifies letters that writers and keyboards use interchangeably:
 * أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, Persian ی (U+06CC) → ي and
 * Persian ک (U+06A9) → ك. Expects precomposed (NFC) text.
 *
 * @example unifyLetters('إلى مدرسة') === 'الي مدرسه'
 */
export function unifyLetters(text: string): string {
  return text.replace(LETTER_VARIANTS, (letter) => UNIFIED_LETTER[letter] ?? letter);
}

/**
 * The search key of a text: presentation forms folded and NFC (as
 * `cleanSourceText`), format controls (RLM, ZWNJ, …) dropped, tashkeel and
 * tatweel stripped, letters unified, digits made Latin, lower-cased, every
 * punctuation mark or symbol (Unicode P* and S*, e.g. ، ؛ ؟ « » . ٫ |)
 * made a space, whitespace collapsed to one space and trimmed.
 * Decimal and thousands separators are punctuation too: `3.5` gives `3 5`.
 *
 * @example normalizeForSearch('«نظامُ الأسد»، ٢٠٢٠؟') === 'نظام الاسد 2020'
 */
export function normalizeForSearch(text: string): string {
  return dropHamzaSeats(normalizeKeepingHamzaSeats(text));
}

/**
 * `normalizeForSearch` but the hamza seats ؤ (U+0624) and ئ (U+0626) are
 * kept, so that the stemmer can read مسؤول and مسئول (one word, its hamza
 * written on two seats) as one stem. The search key of the same text is
 * `dropHamzaSeats` of this (headline keys and exact keys are unchanged).
 *
 * @example normalizeKeepingHamzaSeats('المسؤولة عن البيئة') === 'المسؤوله عن البيئه'
 */
export function normalizeKeepingHamzaSeats(text: string): string {
  const letters = stripTatweel(stripTashkeel(cleanSourceText(text))).replace(
    LETTER_VARIANTS_BUT_SEATS,
    (letter) => UNIFIED_LETTER[letter] ?? letter,
  );
  return toLatinDigits(letters)
    .replace(FORMAT_CONTROLS, '')
    .toLowerCase()
    .replace(PUNCTUATION_AND_SYMBOLS, ' ')
    .replace(WHITESPACE, ' ')
    .trim();
}

/**
 * The hamza seats of a key without their hamza, as `unifyLetters` does:
 * ؤ → و, ئ → ي. Nothing else changes.
 *
 * @example dropHamzaSeats('مسؤول مسئول') === 'مسوول مسيول'
 */
export function dropHamzaSeats(key: string): string {
  return key.replace(HAMZA_SEATS, (seat) => UNIFIED_LETTER[seat] ?? seat);
}

/**
 * A key under which two headlines that differ only in hamza forms, taa
 * marbuta/haa, alef maqsura/yaa, diacritics, tatweel, presentation forms,
 * punctuation and quotes, digit script or spacing are equal:
 * `normalizeForSearch` with all whitespace removed. Use it to find
 * duplicates, not for display or full-text search.
 *
 * @example headlineMatchKey('إدلب.. بين') === headlineMatchKey('إدلب ..بين') // 'ادلببين'
 */
export function headlineMatchKey(headline: string): string {
  return normalizeForSearch(headline).replace(WHITESPACE, '');
}
