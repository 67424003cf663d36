/**
 * A reader's query, read safely: words and "quoted phrases", analysed like
 * indexed text. Nothing the reader types reaches the search engine as
 * syntax: only keys made of letters and digits do.
 */
import { stemCandidates } from '../arabic/stem.js';
import { isStopWord } from '../arabic/stopwords.js';
import { tokenize } from '../arabic/tokenize.js';
import { cutAtGraphemeBoundary } from '../arabic/truncate.js';
import { lightlyNormalised, surfaceOfWord } from './surface.js';

/** Longest query read, in characters; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** Most words and phrases a query is made of. */
export const MAX_TERMS = 10;

/**
 * The reader's query as it is searched and shown back: lightly normalised
 * (surface.ts `lightlyNormalised`: no tashkeel, tatweel or format
 * controls, Latin digits, lower case), whitespace collapsed and trimmed,
 * cut to MAX_QUERY_LENGTH, without the part of a word cut through (a
 * pasted long headline still finds its article). Spellings that differ only in those search
 * the same thing and give the same page, so a page cache keyed by this
 * text holds one entry for them. Letters the key unifies (الأسد, الاسد)
 * stay as typed: the reader's spelling ranks (ranking.ts `surface`).
 *
 * @example tidyQuery('  الأسَـد   ٢٠٢٤ ') === 'الأسد 2024'
 */
export function tidyQuery(raw: string): string {
  const text = lightlyNormalised(raw).replace(/\s+/gu, ' ').trim();
  const cut = cutAtGraphemeBoundary(text, MAX_QUERY_LENGTH);
  if (cut.length === text.length || text[cut.length] === ' ') return cut.trimEnd();
  // Cut inside a word: its first letters would match nothing, and every word must match.
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > 0 ? cut.slice(0, lastSpace) : cut;
}

/** A word of the query: its exact key and its stems. */
export interface QueryWord {
  key: string;
  stems: string[];
  /**
   * The reader's own spelling (surface.ts `surfaceOfWord`), when it holds a
   * letter the key unifies (مدرسة, key مدرسه): ranked above a variant spelling.
   */
  surface?: string;
}

export interface ParsedQuery {
  /** Words that must each match (exactly or by stem). */
  words: QueryWord[];
  /** Phrases (two or more words, in order) that must match exactly. */
  phrases: string[][];
}

/** True when the query asks for nothing (no words). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0;
}

/**
 * Reads `raw`: text between double quotes (" or « » or “ ”) is a phrase;
 * the rest are words. Duplicates are dropped, and stop words (على, التي…)
 * too when the query has other terms; at most MAX_TERMS terms.
 *
 * @example parseQuery('الأسد "وقف إطلاق"') // words [اسد…], phrases [['وقف','اطلاق']]
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.slice(0, MAX_QUERY_LENGTH).replace(/[«»“”]/g, '"');
  const words: QueryWord[] = [];
  const phrases: string[][] = [];
  const seen = new Set<string>();
  text.split('"').forEach((part, index) => {
    const tokens = tokenize(part);
    const keys = tokens.map((t) => t.key);
    if (index % 2 === 1 && keys.length > 1) {
      const phrase = keys.slice(0, MAX_TERMS);
      if (!seen.has(phrase.join(' '))) phrases.push(phrase);
      seen.add(phrase.join(' '));
      return;
    }
    for (const { key, stemKey, start, end } of tokens) {
      if (seen.has(key)) continue;
      seen.add(key);
      const surface = surfaceOfWord(part.slice(start, end));
      words.push({ key, stems: stemCandidates(stemKey), ...(surface === null ? {} : { surface }) });
    }
  });
  const meaningful = words.filter((w) => !isStopWord(w.key));
  const kept = meaningful.length > 0 || phrases.length > 0 ? meaningful : words;
  return { words: kept.slice(0, MAX_TERMS), phrases: phrases.slice(0, MAX_TERMS) };
}
