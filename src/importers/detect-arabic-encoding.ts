/**
 * Telling which of the three encodings Arabic news text was saved in when
 * nothing declares it: UTF-8, windows-1256 (Windows, and most old Arabic
 * sites) or ISO-8859-6 (old Unix and mail). Our own rule, from how the
 * encodings lay out Arabic letters:
 *
 * 1. **UTF-8.** Bytes with nothing above 0x7F are ASCII, hence UTF-8, for
 *    certain. Well-formed UTF-8 with at least MIN_UTF8_SEQUENCES multi-byte
 *    sequences is UTF-8 for certain: in the two legacy encodings an Arabic
 *    letter is one byte from 0xC1 to 0xFF, a UTF-8 lead byte, and the next
 *    letter is never the continuation byte (0x80–0xBF) that UTF-8 needs, so
 *    legacy Arabic text breaks UTF-8 at its first word of two letters. One
 *    lone sequence (a single «é» in English text) is only a guess.
 * 2. **windows-1256 or ISO-8859-6.** Both put ء to ض (0xC1–0xD6) at the
 *    same bytes and differ from ط on. Each reading is tried:
 *    - a reading is *impossible* when a byte is unmapped (ISO-8859-6 leaves
 *      45 values empty, among them windows-1256's غ ف ق ك and «ـ») or
 *      becomes a C1 control (0x80–0x9F, where windows-1256 has its
 *      quotation marks and dashes);
 *    - otherwise the text is cut into words and its *Arabic words* (those
 *      with an Arabic letter) are counted, with two statistics:
 *      **mixed words**, Arabic letters in one word with a Latin letter, a
 *      symbol or a tanween that is not at the word's end (windows-1256
 *      read as ISO-8859-6 turns ي into a kasratan inside words; ISO-8859-6
 *      read as windows-1256 turns ه و ى ي into ç è é ê inside words), and
 *      **articles**, words that begin with the definite article (ال, لل,
 *      or وال فال بال كال) — a third or more of the words of news text, and
 *      almost none in a wrong reading, where ال becomes اف or ان.
 *    - a reading is *plausible* when at most MAX_MIXED_SHARE of its Arabic
 *      words are mixed and at least MIN_ARTICLE_SHARE carry the article.
 *    The answer is certain when one reading is plausible with at least
 *    MIN_ARABIC_WORDS Arabic words and the other is impossible or not
 *    plausible. Otherwise the best guess is given as uncertain: the
 *    plausible reading, else the one with the smaller share of mixed
 *    words, else windows-1256 (by far the more common on the web).
 */
import { firstInvalidUtf8Offset, unmappedBytes, utf8SequenceLength } from './invalid-byte.js';

/** Multi-byte sequences that make well-formed UTF-8 certain. */
export const MIN_UTF8_SEQUENCES = 2;
/** Arabic words a legacy reading needs before it can be certain. */
export const MIN_ARABIC_WORDS = 8;
/** Largest share of mixed words in a plausible reading. */
export const MAX_MIXED_SHARE = 0.05;
/** Smallest share of words with the definite article in a plausible reading. */
export const MIN_ARTICLE_SHARE = 0.1;

/** What the letters of one reading say. */
export interface ReadingStatistics {
  /** Some byte is unmapped or a C1 control in this reading. */
  impossible: boolean;
  arabicWords: number;
  mixedWords: number;
  articleWords: number;
}

/** Characters between words: spaces, ASCII other than letters, Arabic and general punctuation. */
const SEPARATORS = /[\s!-@[-`{-~\u00A0\u00AB\u00BB\u060C\u061B\u061F\u2000-\u206F]+/u;
const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]/u;
/** What an Arabic word may hold: the Arabic block (letters, marks, digits, tatweel) and joiners. */
const NOT_ARABIC = /[^\u0600-\u06FF\u200C\u200D]/u;
/** A tanween followed by a letter other than alef or alef maqsura, or a mark opening a word. */
const MISPLACED_MARK = /[\u064B-\u064D][\u0621-\u0626\u0628-\u0648\u064A]|^[\u064B-\u0652]/u;
const ARTICLE = /^(?:[وفبك]?ال|لل)[\u0621-\u064A]/u;

/**
 * The statistics of `bytes` read in `encoding` (windows-1256 or iso-8859-6).
 */
export function readingStatistics(bytes: Uint8Array, encoding: string): ReadingStatistics {
  const unmapped = unmappedBytes(encoding);
  const none = { arabicWords: 0, mixedWords: 0, articleWords: 0 };
  for (const byte of bytes) {
    if (unmapped?.[byte] === 1) return { impossible: true, ...none };
  }
  const text = new TextDecoder(encoding).decode(bytes);
  if (/[\u0080-\u009F]/u.test(text)) return { impossible: true, ...none };
  let arabicWords = 0;
  let mixedWords = 0;
  let articleWords = 0;
  for (const word of text.split(SEPARATORS)) {
    if (!ARABIC_LETTER.test(word)) continue;
    arabicWords++;
    if (NOT_ARABIC.test(word) || MISPLACED_MARK.test(word)) mixedWords++;
    if (ARTICLE.test(word)) articleWords++;
  }
  return { impossible: false, arabicWords, mixedWords, articleWords };
}

function plausible(s: ReadingStatistics): boolean {
  return (
    !s.impossible &&
    s.arabicWords > 0 &&
    s.mixedWords <= s.arabicWords * MAX_MIXED_SHARE &&
    s.articleWords >= s.arabicWords * MIN_ARTICLE_SHARE
  );
}

function mixedShare(s: ReadingStatistics): number {
  return s.impossible ? Infinity : s.arabicWords === 0 ? 1 : s.mixedWords / s.arabicWords;
}

/**
 * Guesses among utf-8, windows-1256 and iso-8859-6 for bytes that declare
 * no encoding, by the rule above; `certain` only when the evidence is
 * overwhelming. Looks at all of `bytes` (give the first chunk of a stream).
 *
 * @example detectArabicEncoding(new TextEncoder().encode('abc')) // { encoding: 'utf-8', certain: true }
 */
export function detectArabicEncoding(bytes: Uint8Array): { encoding: string; certain: boolean } {
  if (bytes.every((byte) => byte < 0x80)) return { encoding: 'utf-8', certain: true };
  if (firstInvalidUtf8Offset(bytes) < 0) {
    return { encoding: 'utf-8', certain: utf8Sequences(bytes) >= MIN_UTF8_SEQUENCES };
  }
  const windows = readingStatistics(bytes, 'windows-1256');
  const iso = readingStatistics(bytes, 'iso-8859-6');
  const windowsPlausible = plausible(windows);
  const isoPlausible = plausible(iso);
  if (windowsPlausible !== isoPlausible) {
    const [encoding, s] = windowsPlausible ? ['windows-1256', windows] : ['iso-8859-6', iso];
    return { encoding, certain: s.arabicWords >= MIN_ARABIC_WORDS };
  }
  const encoding = mixedShare(iso) < mixedShare(windows) ? 'iso-8859-6' : 'windows-1256';
  return { encoding, certain: false };
}

function utf8Sequences(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length;) {
    const length = utf8SequenceLength(bytes[i] ?? 0);
    if (length > 1) count++;
    i += Math.max(1, length);
  }
  return count;
}
