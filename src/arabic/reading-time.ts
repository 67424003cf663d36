/**
 * Word counts and reading time of an article's plain text.
 */
import type { Numerals } from './locale.js';
import { countPhrase, MINUTE_FORMS } from './plural.js';

/** Default reading speed. Arabic readers average about 180–280 words a minute; we use 275. */
const DEFAULT_WORDS_PER_MINUTE = 275;
const WHITESPACE = /\s+/;
/** Unicode General Categories L (letters) and N (digits and other numbers), any script. */
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/**
 * The number of words in plain text (not HTML): whitespace-separated tokens
 * that hold at least one letter or number of any script (Unicode L or N), so
 * lone punctuation such as `..`, `:` or `–` is not counted.
 *
 * @example countWords('إدلب .. بين 3 جبهات') === 4
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(WHITESPACE)) {
    if (LETTER_OR_NUMBER.test(token)) words += 1;
  }
  return words;
}

/**
 * Whole minutes to read `words` words: `Math.round(words / wordsPerMinute)`,
 * at least 1 when there is any word, 0 for no words.
 *
 * @throws RangeError when `words` is not a non-negative integer or
 *   `wordsPerMinute` is not a positive finite number.
 * @example readingMinutes(1100) === 4
 */
export function readingMinutes(words: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  if (!Number.isInteger(words) || words < 0) {
    throw new RangeError(`words must be a non-negative integer, got ${words}`);
  }
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) {
    throw new RangeError(`wordsPerMinute must be a positive number, got ${wordsPerMinute}`);
  }
  if (words === 0) return 0;
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/**
 * The reading time of `words` words as a phrase from `MINUTE_FORMS`;
 * 0 words gives 'أقل من دقيقة'.
 *
 * @throws RangeError as `readingMinutes`.
 * @example readingTimeLabel(550, 'latn') === 'دقيقتان'
 */
export function readingTimeLabel(
  words: number,
  numerals: Numerals,
  wordsPerMinute = DEFAULT_WORDS_PER_MINUTE,
): string {
  return countPhrase(readingMinutes(words, wordsPerMinute), MINUTE_FORMS, numerals);
}
