/**
 * `npm run eval:search -- ../shared/corpus/articles.jsonl`: search quality
 * on a real corpus. Imports the file into a scratch database, builds a
 * known-item query set from it (for sampled articles, the rarest words of
 * the headline, then the same words respelled the ways readers type them),
 * and prints recall@10 and MRR (mean reciprocal rank of the article the
 * query came from) per kind of query, on SQLite and on PostgreSQL (a
 * scratch database on MIDAD_BENCH_POSTGRES_URL, see postgres.ts, dropped
 * after; skipped when no server answers), then how many queries get the
 * same top 10 on both engines (the same ids in the same order, and as sets).
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
import { openDatabase, type Database } from '../src/storage/database.js';
import { scratchPostgres } from './postgres.js';

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

/** Scores of one kind of query on one engine. */
interface KindScore {
  n: number;
  found: number;
  rr: number;
}

/** A query of the set: the article it came from, its kind and its text. */
interface EvalQuery {
  id: string;
  kind: Kind;
  q: string;
}

/** What one engine answered: scores per kind, and the top 10 ids of every query. */
interface EngineRun {
  engine: string;
  importSeconds: number;
  byKind: Record<string, KindScore>;
  top10: string[][];
}

/** The known-item queries of the articles (id order), built from their headlines. */
function querySet(rows: ReadonlyArray<{ id: string; headline: string }>): EvalQuery[] {
  // Document frequency of every headline word, to pick the words that identify an article.
  const df = new Map<string, number>();
  for (const row of rows) {
    for (const key of new Set(tokenize(row.headline).map((t) => t.key)))
      df.set(key, (df.get(key) ?? 0) + 1);
  }
  const queries: EvalQuery[] = [];
  for (let i = 0; i < rows.length; i += SAMPLE_EVERY) {
    const row = rows[i]!;
    const words = tokenize(row.headline)
      .map((t) => ({ text: row.headline.slice(t.start, t.end), key: t.key }))
      .filter((w) => [...w.key].length >= 4 && /^[\u0621-\u064A]+$/u.test(w.key))
      .sort((a, b) => (df.get(a.key) ?? 0) - (df.get(b.key) ?? 0))
      .slice(0, WORDS_PER_QUERY);
    if (words.length < WORDS_PER_QUERY) continue;
    for (const kind of Object.keys(RESPELL) as Kind[])
      queries.push({ id: row.id, kind, q: words.map((w) => RESPELL[kind](w.text)).join(' ') });
  }
  return queries;
}

/** Imports `path` into `database` and runs the query set (built on the first engine run). */
async function runEngine(
  engine: string,
  database: Database,
  path: string,
  given: EvalQuery[] | null,
): Promise<{ run: EngineRun; queries: EvalQuery[] }> {
  const started = performance.now();
  const summary = await importJsonl({ database, now: () => new Date() }, path, {
    timeZone: 'UTC',
  });
  const importSeconds = (performance.now() - started) / 1000;
  console.log(
    `${engine}: imported ${summary.created + summary.updated} articles in ${importSeconds.toFixed(1)} s ` +
      `(${summary.skipped.length} lines skipped)`,
  );
  const rows = await database.db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .orderBy('id')
    .execute();
  const queries = given ?? querySet(rows.map((r) => ({ id: String(r.id), headline: r.headline })));
  const byKind: Record<string, KindScore> = {};
  const top10: string[][] = [];
  for (const { id, kind, q } of queries) {
    const outcome = await searchArticles(
      { database },
      { q, filters: {}, sort: 'relevance', page: 1, limit: 10 },
    );
    const ids = outcome.results.map((r) => String(r.id));
    top10.push(ids);
    const rank = ids.indexOf(id) + 1;
    const score = (byKind[kind] ??= { n: 0, found: 0, rr: 0 });
    score.n++;
    if (rank > 0) {
      score.found++;
      score.rr += 1 / rank;
    }
  }
  return { run: { engine, importSeconds, byKind, top10 }, queries };
}

/** Runs the query set on SQLite (a scratch file) and PostgreSQL (a scratch database), when it answers. */
async function main(path: string): Promise<void> {
  const runs: EngineRun[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'midad-eval-'));
  let queries: EvalQuery[] | null = null;
  try {
    const sqlite = await openDatabase({ file: join(dir, 'eval.db') });
    try {
      const done = await runEngine('sqlite', sqlite, path, queries);
      runs.push(done.run);
      queries = done.queries;
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const scratch = await scratchPostgres();
  if ('problem' in scratch) console.log(`postgres: skipped (${scratch.problem})`);
  else {
    try {
      const postgres = await openDatabase({ file: '', url: scratch.url });
      try {
        runs.push((await runEngine('postgres', postgres, path, queries)).run);
      } finally {
        await postgres.close();
      }
    } finally {
      await scratch.drop();
    }
  }
  printRuns(runs);
}

/** Recall@10 and MRR per kind and engine, then how often the engines' top 10 agree. */
function printRuns(runs: readonly EngineRun[]): void {
  console.log(
    `\nkind                   queries  ${runs.map((r) => `${`${r.engine} R@10`.padStart(14)} ${'MRR'.padStart(6)}`).join('  ')}`,
  );
  const kinds = Object.keys(runs[0]?.byKind ?? {});
  const row = (name: string, scores: KindScore[]) =>
    `${name.padEnd(22)} ${String(scores[0]?.n ?? 0).padStart(7)}  ${scores
      .map(
        (s) => `${(s.found / s.n).toFixed(3).padStart(14)} ${(s.rr / s.n).toFixed(3).padStart(6)}`,
      )
      .join('  ')}`;
  for (const kind of kinds)
    console.log(
      row(
        kind,
        runs.map((r) => r.byKind[kind]!),
      ),
    );
  const all = runs.map((r) =>
    Object.values(r.byKind).reduce(
      (sum, s) => ({ n: sum.n + s.n, found: sum.found + s.found, rr: sum.rr + s.rr }),
      { n: 0, found: 0, rr: 0 },
    ),
  );
  console.log(row('all', all));
  const [a, b] = runs;
  if (!a || !b) return;
  const n = a.top10.length;
  let ordered = 0;
  let asSets = 0;
  for (let i = 0; i < n; i++) {
    const x = a.top10[i] ?? [];
    const y = b.top10[i] ?? [];
    if (x.join(' ') === y.join(' ')) ordered++;
    if (x.length === y.length && [...x].sort().join(' ') === [...y].sort().join(' ')) asSets++;
  }
  const pct = (k: number) => `${k}/${n} (${((100 * k) / n).toFixed(1)}%)`;
  console.log(
    `\ntop-10 agreement ${a.engine}/${b.engine}: same ids in the same order ${pct(ordered)}, same ids ${pct(asSets)}`,
  );
}

await main(file);
