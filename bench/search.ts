/**
 * Search speed on a filled database: a fixed mix of one-, two- and
 * three-word queries taken from the corpus's headlines (runs of adjacent
 * words, as readers type them), each run through the reader's search
 * service (parsing, the index query, the count and the snippets of the
 * first page of 10), timed one after another on one connection.
 */
import { sql } from 'kysely';
import { tokenize } from '../src/arabic/tokenize.js';
import { searchArticles } from '../src/services/search-articles.js';
import type { Database } from '../src/storage/database.js';
import { mulberry32 } from './random.js';

/** Queries of each length (1, 2 and 3 words) in the mix. */
const QUERIES_PER_LENGTH = 200;
/** Queries run first and not timed (SQLite's page cache, the stem cache, V8). */
const WARM_UP = 50;

/** Latency figures in ms. */
export interface Latency {
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SearchFigures {
  /** All lengths together, then per number of words. */
  all: Latency;
  byWords: Record<'1' | '2' | '3', Latency>;
  /** Mean matches per query (as counted, capped at the count limit). */
  meanTotal: number;
}

/** The query mix: QUERIES_PER_LENGTH runs of 1, 2 and 3 adjacent Arabic headline words each. */
export async function queryMix(
  database: Database,
): Promise<Array<{ q: string; words: 1 | 2 | 3 }>> {
  const { rows } = await sql<{ headline: string }>`select headline from articles
    where id < 10000000000 order by id`.execute(database.db);
  const random = mulberry32(2026);
  const mix: Array<{ q: string; words: 1 | 2 | 3 }> = [];
  for (const words of [1, 2, 3] as const) {
    while (mix.filter((m) => m.words === words).length < QUERIES_PER_LENGTH) {
      const headline = rows[Math.floor(random() * rows.length)]?.headline ?? '';
      const tokens = tokenize(headline)
        .map((t) => headline.slice(t.start, t.end))
        .filter((w) => /^[\u0621-\u064A]{3,}$/u.test(w));
      if (tokens.length < words) continue;
      const start = Math.floor(random() * (tokens.length - words + 1));
      mix.push({ q: tokens.slice(start, start + words).join(' '), words });
    }
  }
  return mix;
}

/** The value below which `p` of the sorted `values` fall (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function latency(times: readonly number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    queries: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/** Runs the query mix (after a warm-up) and returns its latency figures. */
export async function measureSearch(database: Database): Promise<SearchFigures> {
  const mix = await queryMix(database);
  const run = (q: string) =>
    searchArticles({ database }, { q, filters: {}, sort: 'relevance', page: 1, limit: 10 });
  for (const { q } of mix.slice(0, WARM_UP)) await run(q);
  const times: Record<1 | 2 | 3, number[]> = { 1: [], 2: [], 3: [] };
  let totals = 0;
  for (const { q, words } of mix) {
    const started = performance.now();
    const outcome = await run(q);
    times[words].push(performance.now() - started);
    totals += outcome.total;
  }
  return {
    all: latency([...times[1], ...times[2], ...times[3]]),
    byWords: { '1': latency(times[1]), '2': latency(times[2]), '3': latency(times[3]) },
    meanTotal: totals / mix.length,
  };
}

/** Bytes the search index takes: FTS5's shadow tables, or the PostgreSQL table with its indexes. */
export async function searchIndexBytes(database: Database): Promise<number> {
  const { rows } =
    database.dialect === 'sqlite'
      ? await sql<{ bytes: number | bigint | null }>`select sum(pgsize) as bytes
          from dbstat where name like 'article\\_search%' escape '\\'`.execute(database.db)
      : await sql<{
          bytes: string;
        }>`select pg_total_relation_size('article_search') as bytes`.execute(database.db);
  return Number(rows[0]?.bytes ?? 0);
}
