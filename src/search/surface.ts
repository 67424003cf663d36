/**
 * Surface forms: a word as the writer spelled it, only lightly normalised
 * (presentation forms folded and NFC, format controls, tashkeel and tatweel
 * removed, digits made Latin, lower-cased), so that مدرسة and مدرسه, or
 * الأراضي and الاراضي, stay apart where the search key (normalizeForSearch)
 * makes them one. Ranking uses them to put the reader's own spelling above
 * a variant of it (ranking.ts); matching never does.
 */
import { cleanSourceText } from '../arabic/clean.js';
import { toLatinDigits } from '../arabic/digits.js';
import { stripTashkeel, stripTatweel } from '../arabic/normalize.js';

/** Unicode General Category Cf: bidi marks, ZWJ, ZWNJ, soft hyphen (as normalize.ts drops them). */
const FORMAT_CONTROLS = /\p{Cf}/gu;
const NOT_A_KEY_LETTER = /[^\p{L}\p{N}]+/u;
/**
 * The letters that search keys unify (normalize.ts `unifyLetters`): آ أ إ ٱ ى
 * ة ؤ ئ and the Persian ی ک. A word without one has the same surface form as key.
 */
const VARIANT_LETTER = /[\u0622\u0623\u0625\u0671\u0649\u0629\u0624\u0626\u06CC\u06A9]/u;

/**
 * `text` only lightly normalised: presentation forms folded and NFC, format
 * controls, tashkeel and tatweel removed, digits made Latin, lower-cased;
 * every letter the search key unifies (أ ة ى…) kept as written.
 *
 * @example lightlyNormalised('مَدرسـة ٢٠٢٤') === 'مدرسة 2024'
 */
export function lightlyNormalised(text: string): string {
  return toLatinDigits(stripTatweel(stripTashkeel(cleanSourceText(text))))
    .replace(FORMAT_CONTROLS, '')
    .toLowerCase();
}

/**
 * The distinct surface forms of the words of `text` that hold a letter
 * the search key unifies (the others are their own key and are not kept),
 * in first-seen order: what the index keeps of an article's spellings.
 *
 * @example surfaceForms('مدرسة المدرسة مدرسة الأراضي') // ['مدرسة', 'المدرسة', 'الأراضي']
 */
export function surfaceForms(text: string): string[] {
  const forms = new Set<string>();
  for (const word of lightlyNormalised(text).split(NOT_A_KEY_LETTER))
    if (VARIANT_LETTER.test(word)) forms.add(word);
  return [...forms];
}

/**
 * The surface form of one word the reader typed (a token of arabic/tokenize.ts),
 * or null when it holds no letter the key unifies, so its key is its spelling.
 *
 * @example surfaceOfWord('مَدرسـة') === 'مدرسة'
 * @example surfaceOfWord('مدرسه') === null
 */
export function surfaceOfWord(word: string): string | null {
  const form = lightlyNormalised(word).split(NOT_A_KEY_LETTER).join('');
  return VARIANT_LETTER.test(form) ? form : null;
}
