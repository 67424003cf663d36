/**
 * `npx tsx bench/stem-joins.ts <articles.jsonl> [sample]`: how much the
 * light stemmer (src/arabic/stem.ts) joins on a real corpus. For every
 * distinct word of the headlines and bodies (keys with their hamza seats,
 * as the index reads them), its stem candidates; words sharing a candidate
 * match each other by stem alone. Prints:
 * - words, stems, and the pairs of words that a stem joins;
 * - stem-only matches per word of text: for a word drawn as often as it
 *   occurs, how many occurrences of OTHER words its stems match;
 * - the endings that join most pairs on 3-letter stems (where joins of
 *   different words gather, e.g. مليون with مليئة or الباقين with باقات),
 *   with the most frequent examples;
 * - a fixed sample of stem-only matches, drawn as they happen in text,
 *   to judge by eye how many join different words.
 *
 * The JSON Lines have a `title` and a `body` (as ../shared/corpus has).
 */
import { readFileSync } from 'node:fs';
import { stemCandidates } from '../src/arabic/stem.js';
import { tokenize } from '../src/arabic/tokenize.js';
import { mulberry32 } from './random.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx bench/stem-joins.ts <articles.jsonl> [sample size]');
  process.exit(2);
}
const SAMPLE = Number(process.argv[3] ?? 40);
/** Stems shared by more words than this are skipped when listing pairs (their pairs are quadratic). */
const MAX_GROUP = 400;
const ARABIC = /^[\u0621-\u064A]+$/u;

// Occurrences of every word, by the key stems are read from.
const freq = new Map<string, number>();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const article = JSON.parse(line) as { title?: string; body?: string };
  for (const token of tokenize(`${article.title ?? ''}\n${article.body ?? ''}`)) {
    if (ARABIC.test(token.stemKey)) freq.set(token.stemKey, (freq.get(token.stemKey) ?? 0) + 1);
  }
}

const candidates = new Map<string, string[]>();
const groups = new Map<string, string[]>();
for (const word of freq.keys()) {
  const stems = stemCandidates(word);
  candidates.set(word, stems);
  for (const stem of stems) {
    const group = groups.get(stem);
    if (group) group.push(word);
    else groups.set(stem, [word]);
  }
}

/** The other words a word matches by stem alone, with the stem that joins them. */
function stemMatches(word: string): Map<string, string> {
  const matches = new Map<string, string>();
  for (const stem of candidates.get(word) ?? [])
    for (const other of groups.get(stem) ?? [])
      if (other !== word && !matches.has(other)) matches.set(other, stem);
  return matches;
}

let tokens = 0;
let matched = 0;
for (const [word, n] of freq) {
  tokens += n;
  for (const other of stemMatches(word).keys()) matched += n * (freq.get(other) ?? 0);
}

/** What follows the stem in a word: the endings a rule cut ('' for none). */
const ending = (word: string, stem: string) => {
  const at = word.lastIndexOf(stem);
  return at < 0 ? '?' : word.slice(at + stem.length);
};
let pairs = 0;
const byEndings = new Map<string, { pairs: number; examples: Array<[string, number]> }>();
for (const [stem, words] of groups) {
  if (words.length > MAX_GROUP) continue;
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      pairs++;
      if ([...stem].length !== 3) continue;
      const [a, b] = [words[i]!, words[j]!];
      const endings = [ending(a, stem) || '∅', ending(b, stem) || '∅'].sort().join('|');
      if (endings === '∅|∅') continue;
      const entry = byEndings.get(endings) ?? { pairs: 0, examples: [] };
      entry.pairs++;
      entry.examples.push([`${a}~${b}`, Math.min(freq.get(a) ?? 0, freq.get(b) ?? 0)]);
      byEndings.set(endings, entry);
    }
}

console.log(
  `${freq.size} words (${tokens} occurrences), ${groups.size} stems, ${pairs} pairs of words joined by a stem`,
);
console.log(`stem-only matches per word of text: ${(matched / tokens).toFixed(1)} occurrences`);
console.log('\nendings joined on 3-letter stems   pairs  most frequent examples');
for (const [endings, entry] of [...byEndings]
  .sort((x, y) => y[1].pairs - x[1].pairs)
  .slice(0, 15)) {
  const examples = entry.examples
    .sort((x, y) => y[1] - x[1])
    .slice(0, 5)
    .map(([pair]) => pair);
  console.log(`${endings.padEnd(32)} ${String(entry.pairs).padStart(7)}  ${examples.join(' ')}`);
}

// Stem-only matches as they happen: a word drawn by occurrences, then one of its matches likewise.
const random = mulberry32(16);
const words = [...freq.keys()];
const cumulative: number[] = [];
let total = 0;
for (const word of words) cumulative.push((total += freq.get(word) ?? 0));
const draw = () => {
  const r = random() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) < r) lo = mid + 1;
    else hi = mid;
  }
  return words[lo]!;
};
console.log(`\na sample of ${SAMPLE} stem-only matches (word ~ match (stem)):`);
for (let shown = 0, tries = 0; shown < SAMPLE && tries < SAMPLE * 100; tries++) {
  const word = draw();
  const matches = [...stemMatches(word)];
  const weight = matches.reduce((sum, [other]) => sum + (freq.get(other) ?? 0), 0);
  if (weight === 0) continue;
  let r = random() * weight;
  const [other, stem] = matches.find(([o]) => (r -= freq.get(o) ?? 0) <= 0) ?? matches.at(-1)!;
  console.log(`${String(++shown).padStart(3)}. ${word} ~ ${other} (${stem})`);
}
