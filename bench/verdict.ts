/**
 * Issue 21's targets judged on one bench run: each target's figure on
 * each engine, and whether it is met. Printed last, one row a target, and
 * written to bench/results.json (`targets`).
 *
 * The targets (issue 21, items 2 to 5) are set for 100,000 articles; a
 * run on fewer says so. Figures come from the HTTP part (bench/http.ts):
 * the reference ladder's ratios, the search run (the query mix, 50
 * connections), the distinct-article run, the cache-off run (one
 * connection: its p50 is the render's) and the memory readings.
 */
import type { HttpFigures } from './http.js';
import { row } from './table.js';

/** The articles the targets are set for (issue 21). */
const TARGETS_ARTICLES = 100_000;

const MiB = 1024 * 1024;

/** The engines a target may set apart; a bench column is one by its name's first word. */
type Engine = 'SQLite' | 'PostgreSQL';

/** The engine of a bench column: `SQLite (FTS5)`, `PostgreSQL (tsvector)`. */
const engineOf = (column: string): Engine =>
  column.startsWith('PostgreSQL') ? 'PostgreSQL' : 'SQLite';

interface Target {
  label: string;
  /** The bound on each engine (null: the issue sets none there). */
  limit: Record<Engine, number | null>;
  /** How the figure must compare with the limit. */
  comparison: '≤' | '<' | '≥';
  unit: string;
  /** Decimals the figure and the limit print with. */
  digits: number;
  /** The figure of one engine's run (null: the run that measures it did not run). */
  figure: (e: HttpFigures) => number | null;
}

const both = (n: number) => ({ SQLite: n, PostgreSQL: n });

/**
 * A run's latency percentile, ms; Infinity when no response came within
 * the run (every request outlasted it: wrk then reports 0, which met any
 * bound). results.json writes it as null.
 */
const latency = (run: { responses: number; p50: number; p99: number }, at: 'p50' | 'p99') =>
  run.responses === 0 ? Infinity : run[at];

/** Issue 21's targets, by the key results.json gives them. */
const TARGETS = {
  cpuVsBareNode: {
    label: 'cached hit: CPU per request ÷ bare Node',
    limit: both(2),
    comparison: '≤',
    unit: '×',
    digits: 2,
    figure: (e) => e.ladder.ratios.cpuVsBareNode,
  },
  rateVsNginx: {
    label: 'cached hit: req/s ÷ nginx',
    limit: both(0.4),
    comparison: '≥',
    unit: '×',
    digits: 2,
    figure: (e) => e.ladder.ratios.rateVsNginx,
  },
  searchRate: {
    label: 'search, query mix: req/s',
    limit: { SQLite: 1000, PostgreSQL: 500 },
    comparison: '≥',
    unit: ' req/s',
    digits: 0,
    figure: (e) => e.loads.search.rate,
  },
  searchP99: {
    label: 'search, query mix: p99',
    limit: both(200),
    comparison: '<',
    unit: ' ms',
    digits: 1,
    figure: (e) => latency(e.loads.search, 'p99'),
  },
  distinctRate: {
    label: 'distinct article pages: req/s',
    limit: { SQLite: 3000, PostgreSQL: 1500 },
    comparison: '≥',
    unit: ' req/s',
    digits: 0,
    figure: (e) => e.loads.articleDistinct.rate,
  },
  renderP50: {
    label: 'render p50 (cache off, 1 conn.)',
    limit: { SQLite: 0.6, PostgreSQL: null },
    comparison: '≤',
    unit: ' ms',
    digits: 2,
    figure: (e) => latency(e.loads.articleCacheOff, 'p50'),
  },
  memoryRest: {
    label: 'RSS at rest, the higher of two readings',
    limit: both(160),
    comparison: '≤',
    unit: ' MiB',
    digits: 0,
    figure: (e) => Math.max(e.memory.rest, e.memory.restAfterRuns) / MiB,
  },
  memoryPeak: {
    label: 'RSS at the peak of the runs',
    limit: both(220),
    comparison: '≤',
    unit: ' MiB',
    digits: 0,
    figure: (e) => e.memory.peak / MiB,
  },
} satisfies Record<string, Target>;

export type TargetName = keyof typeof TARGETS;

/** `met`, `missed`, not measured (the run was skipped), or no target on that engine. */
export type Verdict = 'met' | 'missed' | 'not measured' | 'no target';

/** What results.json keeps of the targets. */
export interface TargetFigures {
  /** Articles of the run, and those the targets are set for. */
  articles: number;
  setFor: number;
  targets: Record<
    TargetName,
    {
      label: string;
      comparison: string;
      limit: Record<Engine, number | null>;
      unit: string;
      /** By bench column (`SQLite (FTS5)`, …). */
      engines: Record<string, { figure: number | null; verdict: Verdict }>;
    }
  >;
}

/** `n` with `digits` decimals, thousands grouped: `1,388`, `0.60`. */
const number = (n: number, digits: number) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** A limit with only the decimals it needs: `2`, `0.6`, `1,000`. */
const limitText = (n: number, digits: number) =>
  n.toLocaleString('en', { maximumFractionDigits: digits });

/**
 * The target as printed: `≤ 2×`; `≥ 1,000 / 500 req/s` where SQLite's
 * and PostgreSQL's differ; `≤ 0.6 ms (SQLite)` where only one has one.
 */
export function targetText(name: TargetName): string {
  const t: Target = TARGETS[name];
  const number = (n: number) => limitText(n, t.digits);
  const { SQLite, PostgreSQL } = t.limit;
  if (SQLite === PostgreSQL)
    return SQLite === null ? '' : `${t.comparison} ${number(SQLite)}${t.unit}`;
  if (SQLite === null || PostgreSQL === null) {
    const [engine, limit] = SQLite === null ? ['PostgreSQL', PostgreSQL!] : ['SQLite', SQLite];
    return `${t.comparison} ${number(limit)}${t.unit} (${engine})`;
  }
  return `${t.comparison} ${number(SQLite)} / ${number(PostgreSQL)}${t.unit}`;
}

function verdictOf(t: Target, figure: number | null, limit: number | null): Verdict {
  if (limit === null) return 'no target';
  if (figure === null) return 'not measured';
  const met =
    t.comparison === '≤'
      ? figure <= limit
      : t.comparison === '<'
        ? figure < limit
        : figure >= limit;
  return met ? 'met' : 'missed';
}

/**
 * Judges each target on each engine's HTTP figures.
 * @param engines the bench's columns: name (`SQLite (FTS5)`, `PostgreSQL (tsvector)`) and figures.
 * @param articles articles of the run.
 */
export function judgeTargets(
  engines: Array<[string, HttpFigures]>,
  articles: number,
): TargetFigures {
  const targets = Object.fromEntries(
    Object.entries(TARGETS).map(([name, t]: [string, Target]) => [
      name,
      {
        label: t.label,
        comparison: t.comparison,
        limit: t.limit,
        unit: t.unit.trim(),
        engines: Object.fromEntries(
          engines.map(([column, e]) => {
            const figure = t.figure(e);
            return [column, { figure, verdict: verdictOf(t, figure, t.limit[engineOf(column)]) }];
          }),
        ),
      },
    ]),
  ) as TargetFigures['targets'];
  return { articles, setFor: TARGETS_ARTICLES, targets };
}

/** How a verdict prints after its figure: the misses stand out. */
const VERDICT_WORD: Record<Verdict, string> = {
  met: 'met',
  missed: 'MISSED',
  'not measured': 'n/a',
  'no target': '–',
};

/** Prints the targets: one row each, a column per engine (figure and verdict), then a count. */
export function printTargets(figures: TargetFigures): void {
  const columns = Object.keys(Object.values(figures.targets)[0]?.engines ?? {});
  console.log('');
  row('TARGETS (issue 21)', columns, 'target');
  if (figures.articles !== figures.setFor)
    row(
      `  set for ${number(figures.setFor, 0)} articles; this run had ${number(figures.articles, 0)}`,
      [],
    );
  const count: Record<Verdict, number> = { met: 0, missed: 0, 'not measured': 0, 'no target': 0 };
  for (const [name, target] of Object.entries(figures.targets) as Array<
    [TargetName, TargetFigures['targets'][TargetName]]
  >) {
    const t: Target = TARGETS[name];
    row(
      target.label,
      columns.map((column) => {
        const { figure, verdict } = target.engines[column]!;
        count[verdict] += 1;
        const text = figure === null ? 'not run' : `${number(figure, t.digits)}${t.unit}`;
        return `${text}  ${VERDICT_WORD[verdict].padEnd(VERDICT_WORD.missed.length)}`;
      }),
      targetText(name),
    );
  }
  row(`met ${count.met}, missed ${count.missed}, not measured ${count['not measured']}`, []);
}
