/**
 * Words of a text with their place in it, and their search keys. The same
 * analysis runs when articles are indexed and when readers search, and it
 * maps matches back to the ORIGINAL text for highlighting.
 *
 * A word is a run of letters, combining marks (tashkeel), digits and
 * tatweel (Unicode \p{L} \p{M} \p{N}, U+0640), so a diacritic never splits
 * a word. Everything else (spaces, punctuation such as ، ؛ ؟ « ») separates
 * words. Arabic-Indic digits are digits.
 */
import { dropHamzaSeats, normalizeKeepingHamzaSeats } from './normalize.js';
import { stemCandidates } from './stem.js';

/** A word of the original text: `text.slice(start, end)`, and its search keys. */
export interface Token {
  start: number;
  end: number;
  /** The normalised form (see normalizeForSearch), never empty. */
  key: string;
  /** `key` with its hamza seats ؤ ئ kept (see normalizeKeepingHamzaSeats): what stems are read from. */
  stemKey: string;
}

const WORD = /[\p{L}\p{M}\p{N}\u0640\u200C\u200D]+/gu;

/**
 * The words of `text`, in order, with UTF-16 offsets into `text`.
 *
 * @example tokenize('نظام اﻷسد') // [{start:0,end:4,key:'نظام',stemKey:'نظام'},{start:5,end:9,key:'الاسد',stemKey:'الاسد'}]
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const keys = keysOf(match[0]);
    if (keys.stemKey !== '')
      tokens.push({ start: match.index, end: match.index + match[0].length, ...keys });
  }
  return tokens;
}

/**
 * Keys of words seen lately, by the word as written: news text repeats its
 * words, and normalising each one was most of a search's CPU in Node (its
 * snippets tokenize ten bodies: 9.7 of 14.6 ms per search of the bench's
 * mix at 100,000 articles). Cleared when full: some 3 MB at most.
 */
const KEYS_CACHE = new Map<string, Pick<Token, 'key' | 'stemKey'>>();
const KEYS_CACHE_SIZE = 20_000;

function keysOf(word: string): Pick<Token, 'key' | 'stemKey'> {
  let keys = KEYS_CACHE.get(word);
  if (keys === undefined) {
    if (KEYS_CACHE.size >= KEYS_CACHE_SIZE) KEYS_CACHE.clear();
    const stemKey = normalizeKeepingHamzaSeats(word).replace(/\s+/g, '');
    keys = { key: dropHamzaSeats(stemKey), stemKey };
    KEYS_CACHE.set(word, keys);
  }
  return keys;
}

/** The search keys of a text: its exact forms and their stems. */
export interface AnalysedText {
  /** Normalised forms, in text order, space-separated. */
  exact: string;
  /** Stem candidates (see stem.ts), in text order, space-separated. */
  stems: string;
}

const NOT_A_KEY_LETTER = /[^\p{L}\p{N}]+/u;
/**
 * Stems of words seen lately, space-joined: news text repeats its words, and
 * stemming is the slow part. Cleared when full (a corpus of 5,000 articles
 * has about 57,000 distinct keys).
 */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_SIZE = 200_000;

function cachedStems(key: string): string {
  let stems = STEM_CACHE.get(key);
  if (stems === undefined) {
    if (STEM_CACHE.size >= STEM_CACHE_SIZE) STEM_CACHE.clear();
    stems = stemCandidates(key).join(' ');
    STEM_CACHE.set(key, stems);
  }
  return stems;
}

/**
 * Analyses `text` for the index: the same keys as `tokenize` gives word by
 * word, computed on the whole text at once (normalising once is several
 * times faster than word by word).
 */
export function analyse(text: string): AnalysedText {
  const exact: string[] = [];
  const stems: string[] = [];
  for (const key of normalizeKeepingHamzaSeats(text).split(NOT_A_KEY_LETTER)) {
    if (key === '') continue;
    exact.push(dropHamzaSeats(key));
    const stemmed = cachedStems(key);
    if (stemmed !== '') stems.push(stemmed);
  }
  return { exact: exact.join(' '), stems: stems.join(' ') };
}
