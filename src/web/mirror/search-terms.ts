/**
 * The terms of a static mirror's search (issue 22), for the index that the
 * mirror writer builds (mirror-search.ts) and for the query that the
 * mirror's search page reads in the browser (client/mirror-search.ts,
 * bundled from this file): one analysis, the site search's own
 * (arabic/tokenize.ts, arabic/stem.ts), so that the two cannot drift.
 *
 * A headline is filed under each word's exact key (normalised: hamza
 * forms, alef maqsura, taa marbuta, harakat, tatweel, digits) and under
 * its light stems, marked STEM_MARK (the article «ال», clitics and
 * suffixes gone). A query word matches as on the site
 * (search/sqlite-fts5.ts): its exact key among the exact keys, or one of
 * its stems among the stems; every word must match. Stop words are
 * dropped from a query that has other words (search/parse-query.ts).
 * Pure: no I/O, no DOM.
 */
import { stemCandidates } from '../../arabic/stem.js';
import { isStopWord } from '../../arabic/stopwords.js';
import { analyse, tokenize } from '../../arabic/tokenize.js';

/** What marks a stem in the index; keys are letters and digits only, so none begins with it. */
export const STEM_MARK = '~';

/** Most words of a query read, as on the site (search/parse-query.ts MAX_TERMS). */
export const MAX_QUERY_WORDS = 10;

/**
 * The index terms of `headline`: its exact keys, then its stems marked,
 * each once.
 * @example indexTerms('المسؤولة') // ['المسووله', '~مسئول', '~مسوول']
 */
export function indexTerms(headline: string): string[] {
  const { exact, stems } = analyse(headline);
  const terms = [
    ...exact.split(' '),
    ...stems
      .split(' ')
      .filter((s) => s !== '')
      .map((s) => STEM_MARK + s),
  ];
  return [...new Set(terms.filter((t) => t !== ''))];
}

/**
 * The words of a reader's query, each as the terms any one of which
 * matches it: its exact key, then its stems marked. Repeated words are
 * read once; stop words are dropped unless the query has nothing else; at
 * most MAX_QUERY_WORDS.
 * @example queryWords('مسئولة') // [['مسيوله', '~مسئول', '~مسيول']]
 */
export function queryWords(query: string): string[][] {
  const words = new Map<string, string[]>();
  for (const { key, stemKey } of tokenize(query)) {
    if (!words.has(key)) {
      words.set(key, [key, ...stemCandidates(stemKey).map((s) => STEM_MARK + s)]);
    }
  }
  const all = [...words.entries()];
  const meaningful = all.filter(([key]) => !isStopWord(key));
  return (meaningful.length > 0 ? meaningful : all)
    .slice(0, MAX_QUERY_WORDS)
    .map(([, terms]) => terms);
}

/** The chunk that files `term` among `chunks`: FNV-1a over UTF-16 code units, modulo `chunks`. */
export function termChunk(term: string, chunks: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % chunks;
}
