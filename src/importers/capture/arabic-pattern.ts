/**
 * Regex sources that match Arabic words the way news pages spell them.
 *
 * Pages write the same word with or without hamza (`اقرأ`, `أقرأ`, `إقرأ`,
 * `اقرا`), with or without tanween and other harakat (`أيضاً`, `أيضا`), with
 * tatweel, and with `ى`/`ي` or `ة`/`ه` swapped. The parser must recognise the
 * word and still hand back the text exactly as printed, so instead of
 * normalising the line we widen the pattern: each letter becomes a class and
 * may carry marks.
 *
 * @example new RegExp(arabicPhrase('اقرا ايضا'), 'u').test('أقرأ أيضاً') === true
 */

/** Harakat, tanween, shadda, sukun, superscript alef and tatweel. */
const MARKS = '[\\u064B-\\u065F\\u0670\\u0640]*';

const ALEF = '[اأإآٱ]';
const LETTER_CLASSES: Readonly<Record<string, string>> = {
  ا: ALEF,
  أ: ALEF,
  إ: ALEF,
  آ: ALEF,
  ي: '[يى]',
  ى: '[يى]',
  ه: '[هة]',
  ة: '[هة]',
};

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/u;

function escapeRegex(text: string): string {
  // Only syntax characters: the `u` flag rejects needless escapes such as `\-`.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The regex source for one phrase: spelling-tolerant letters, any run of spaces. */
export function arabicPhrase(phrase: string): string {
  let source = '';
  for (const char of phrase) {
    if (/\s/u.test(char)) {
      source += '\\s+';
    } else if (ARABIC_LETTER.test(char)) {
      source += (LETTER_CLASSES[char] ?? char) + MARKS;
    } else {
      source += escapeRegex(char);
    }
  }
  return source;
}

/** One non-capturing alternation of phrases, longest first so that `مايو` wins over `ماي`. */
export function anyPhrase(phrases: readonly string[]): string {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(arabicPhrase).join('|')})`;
}

/** Lookarounds that stand in for `\b`, which knows nothing of Arabic letters. */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';

/** A whole word or phrase: `anyPhrase` between word boundaries. */
export function wordsPattern(phrases: readonly string[]): string {
  return `${WORD_START}${anyPhrase(phrases)}${WORD_END}`;
}
