/**
 * `npm run eval:search -- ../shared/corpus/articles.jsonl`: search quality
 * on a real corpus. Imports the file into a scratch database, builds a
 * known-item query set from it (for sampled articles, the rarest words of
 * the headline, then the same words respelled the ways readers type them),
 * and prints recall@10 and MRR (mean reciprocal rank of the article the
 * query came from) per kind of query.
 *
 * With the ANT Corpus (Chouigui, Ben Khiroun and Elayeb, "ANT Corpus: An
 * Arabic News Text Collection for Textual Classification", AICCSA 2017),
 * as shared/corpus holds a sample of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenize } from '../src/arabic/tokenize.js';
import { importJsonl } from '../src/importers/jsonl/import-jsonl.js';
import { searchArticles } from '../src/services/search-articles.js';
import { openDatabase } from '../src/storage/database.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run eval:search -- <articles.jsonl>');
  process.exit(2);
}

/** Every how many articles one is sampled. */
const SAMPLE_EVERY = 25;
/** Title words a query is made of. */
const WORDS_PER_QUERY = 2;

type Kind =
  | 'exact'
  | 'no_hamza'
  | 'taa_marbuta_as_haa'
  | 'tashkeel'
  | 'tatweel'
  | 'clitic_wa'
  | 'no_article'
  | 'hamza_seat'
  | 'country_ya'
  | 'pronoun_suffix'
  | 'clitic_bi';

const RESPELL: Record<Kind, (word: string) => string> = {
  exact: (w) => w,
  no_hamza: (w) => w.replace(/[أإآ]/g, 'ا').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي'),
  taa_marbuta_as_haa: (w) => w.replace(/ة$/u, 'ه').replace(/ى$/u, 'ي'),
  tashkeel: (w) => [...w].map((c, i) => (i === 0 ? `${c}\u064E` : c)).join(''),
  tatweel: (w) => (w.length > 3 ? `${w.slice(0, 2)}\u0640\u0640${w.slice(2)}` : w),
  clitic_wa: (w) => `و${w}`,
  no_article: (w) => w.replace(/^ال/u, ''),
  // مسؤول typed مسئول, and the other way round.
  hamza_seat: (w) => w.replace(/[ؤئ]/gu, (seat) => (seat === 'ؤ' ? 'ئ' : 'ؤ')),
  // سورية typed سوريا, and the other way round.
  country_ya: (w) => (/ية$/u.test(w) ? w.replace(/ية$/u, 'يا') : w.replace(/يا$/u, 'ية')),
  // طموح typed طموحهم: the word with "their" attached (no article, ة written ت).
  pronoun_suffix: (w) => `${w.replace(/^ال/u, '').replace(/ة$/u, 'ت')}هم`,
  // قضبان typed بقضبان.
  clitic_bi: (w) => `ب${w}`,
};

async function main(path: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'midad-eval-'));
  const database = await openDatabase({ file: join(dir, 'eval.db') });
  try {
    const started = performance.now();
    const summary = await importJsonl({ database, now: () => new Date() }, path, {
      timeZone: 'UTC',
    });
    console.log(
      `imported ${summary.created + summary.updated} articles in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(${summary.skipped.length} lines skipped)`,
    );
    const rows = await database.db
      .selectFrom('articles')
      .select(['id', 'headline'])
      .orderBy('id')
      .execute();
    // Document frequency of every headline word, to pick the words that identify an article.
    const df = new Map<string, number>();
    for (const row of rows) {
      for (const key of new Set(tokenize(row.headline).map((t) => t.key)))
        df.set(key, (df.get(key) ?? 0) + 1);
    }
    const results: Record<string, { n: number; found: number; rr: number }> = {};
    for (let i = 0; i < rows.length; i += SAMPLE_EVERY) {
      const row = rows[i]!;
      const words = tokenize(row.headline)
        .map((t) => ({ text: row.headline.slice(t.start, t.end), key: t.key }))
        .filter((w) => [...w.key].length >= 4 && /^[\u0621-\u064A]+$/u.test(w.key))
        .sort((a, b) => (df.get(a.key) ?? 0) - (df.get(b.key) ?? 0))
        .slice(0, WORDS_PER_QUERY);
      if (words.length < WORDS_PER_QUERY) continue;
      for (const kind of Object.keys(RESPELL) as Kind[]) {
        const q = words.map((w) => RESPELL[kind](w.text)).join(' ');
        const outcome = await searchArticles(
          { database },
          { q, filters: {}, sort: 'relevance', page: 1, limit: 10 },
        );
        const rank = outcome.results.findIndex((r) => r.id === String(row.id)) + 1;
        const score = (results[kind] ??= { n: 0, found: 0, rr: 0 });
        score.n++;
        if (rank > 0) {
          score.found++;
          score.rr += 1 / rank;
        }
      }
    }
    console.log('\nkind                   queries  recall@10    MRR');
    for (const [kind, s] of Object.entries(results)) {
      console.log(
        `${kind.padEnd(22)} ${String(s.n).padStart(7)}  ${(s.found / s.n).toFixed(3).padStart(9)}  ${(s.rr / s.n).toFixed(3).padStart(6)}`,
      );
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main(file);
