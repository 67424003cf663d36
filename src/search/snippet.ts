/**
 * Snippets and highlights in the ORIGINAL text: the words that match the
 * query (exactly, or by stem) are marked where they stand, diacritics,
 * tatweel and ligature-folded letters included, so a reader sees the words
 * as the article spells them.
 */
import { leadingParticle, lightStem, seatReadings, stemCandidates } from '../arabic/stem.js';
import { tokenize, type Token } from '../arabic/tokenize.js';
import type { TextPart } from '../domain/search-result.js';
import type { ParsedQuery } from './parse-query.js';

/** Words of text around the best match that a snippet shows. */
export const SNIPPET_WORDS = 30;

/**
 * Where in a token the highlight starts: 0 for the whole word, 1 to skip
 * a leading particle (و ف ب ك ل) when only the word after it matched
 * (`وأيّ` for the query `اي` marks `أيّ`); null when it does not match.
 */
type Matcher = (token: Token) => number | null;

/** The matcher of each query, shared by the results of one search (the same parsed query). */
const matchers = new WeakMap<ParsedQuery, Matcher>();

function matcher(query: ParsedQuery): Matcher {
  let made = matchers.get(query);
  if (!made) {
    made = makeMatcher(query);
    matchers.set(query, made);
  }
  return made;
}

function makeMatcher(query: ParsedQuery): Matcher {
  const exact = new Set([...query.words.map((w) => w.key), ...query.phrases.flat()]);
  const stems = new Set(query.words.flatMap((w) => w.stems));
  const stemMatch = (key: string) => stemCandidates(key).some((s) => stems.has(s));
  // A token's answer depends on its stemKey alone (its key is made from it); news
  // text repeats its words, and stemming each was most of a search's CPU in Node.
  const known = new Map<string, number | null>();
  return (token) => {
    const seen = known.get(token.stemKey);
    if (seen !== undefined) return seen;
    const answer = matchOf(token);
    known.set(token.stemKey, answer);
    return answer;
  };

  function matchOf(token: Token): number | null {
    if (exact.has(token.key)) return 0;
    const rest = token.key.slice(1);
    const particle = leadingParticle(token.key, rest);
    if (particle !== null && (exact.has(rest) || lightStemMatches(token.stemKey.slice(1), stems)))
      return 1;
    return stemMatch(token.stemKey) ? 0 : null;
  }
}

function lightStemMatches(key: string, stems: ReadonlySet<string>): boolean {
  return seatReadings(lightStem(key, { particles: false })).some((s) => stems.has(s));
}

/** The offset in `text` after the first letter of a token and the marks on it. */
function afterFirstLetter(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && /[\p{M}\u0640]/u.test(text[at] ?? '')) at++;
  return at;
}

/** `text` cut into parts, the matching words marked. */
export function highlight(text: string, query: ParsedQuery): TextPart[] {
  return partsOf(text, tokenize(text), matcher(query), 0, text.length);
}

function partsOf(
  text: string,
  tokens: Token[],
  matches: Matcher,
  from: number,
  to: number,
): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const token of tokens) {
    if (token.start < from || token.end > to) continue;
    const skip = matches(token);
    if (skip === null) continue;
    const start = skip === 0 ? token.start : afterFirstLetter(text, token.start);
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, token.end), match: true });
    at = token.end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), match: false });
  return parts;
}

/**
 * A snippet of `text`: the window of SNIPPET_WORDS words with the most
 * matches (the start of the text when none match), with `…` where it was
 * cut, and the matches marked.
 */
export function snippet(text: string, query: ParsedQuery): TextPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const tokens = tokenize(flat);
  const matches = matcher(query);
  const hits = tokens.map((t) => (matches(t) === null ? 0 : 1));
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    count += hits[i] ?? 0;
    if (i >= SNIPPET_WORDS) count -= hits[i - SNIPPET_WORDS] ?? 0;
    const start = Math.max(0, i - SNIPPET_WORDS + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Start a few words before the first match of the best window, so it is read in context.
  const firstHit = hits.indexOf(1, best);
  const startIndex = firstHit === -1 ? 0 : Math.max(0, firstHit - 5);
  const endIndex = Math.min(tokens.length, startIndex + SNIPPET_WORDS) - 1;
  if (tokens.length === 0) return flat ? [{ text: flat, match: false }] : [];
  const from = startIndex === 0 ? 0 : (tokens[startIndex]?.start ?? 0);
  const to = endIndex >= tokens.length - 1 ? flat.length : (tokens[endIndex]?.end ?? flat.length);
  const parts = partsOf(flat, tokens, matches, from, to);
  if (from > 0) parts.unshift({ text: '… ', match: false });
  if (to < flat.length) parts.push({ text: ' …', match: false });
  return parts;
}
