/**
 * Prints the HTTP figures in the bench's table, one column per engine,
 * each beside its target: the reference ladder of the cached page first,
 * then every route, then notes on anything skipped or failed.
 */
import type { HttpFigures, Skipped } from './http.js';
import { RUNS, type RunName } from './http.js';
import type { PageScores } from './lighthouse.js';
import { breakdownText } from './memory-map.js';
import { row } from './table.js';
import { targetText } from './verdict.js';
import type { HttpLoadFigures } from './wrk.js';

const MB = 1024 * 1024;
const whole = (n: number) => Math.round(n).toLocaleString('en');
const isSkipped = (x: object): x is Skipped => 'skipped' in x;

/**
 * `12,345 req/s ·    3.1 /    12.0 ms ·    73.7 µs`: the rate, p50 / p99,
 * the server's CPU per request, each figure in a field of its own width
 * (up to 9,999,999 req/s, 9999.9 ms, 99999.9 µs), so that the cells of a
 * column line up figure by figure (48 characters).
 */
const loadCell = (l: HttpLoadFigures) =>
  l.responses === 0
    ? 'no response within the run'.padStart(48)
    : `${whole(l.rate).padStart(7)} req/s · ${l.p50.toFixed(1).padStart(6)} / ` +
      `${l.p99.toFixed(1).padStart(7)} ms · ${l.cpuPerRequestUs.toFixed(1).padStart(7)} µs`;

const skippedOr = <T extends object>(x: T | Skipped, cell: (x: T) => string) =>
  isSkipped(x) ? 'skipped' : cell(x);

/** `2.4×`, or `n/a` when the rung did not run. */
const times = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(2)}×`);

/** The target beside a run's row (issue 21; judged in bench/verdict.ts). */
const RUN_TARGETS: Partial<Record<RunName, string>> = {
  articleDistinct: targetText('distinctRate'),
  articleCacheOff: `p50 ${targetText('renderP50')}`,
  search: `${targetText('searchRate')}, p99 ${targetText('searchP99')}`,
};

const scoresCell = (s: PageScores) =>
  `${s.scores.performance} / ${s.scores.accessibility} / ${s.scores['best-practices']} / ${s.scores.seo}`;

/** The reference ladder: nginx, bare Node and our cached page, and our cost as a multiple. */
function printLadder(engines: Array<[string, HttpFigures]>): void {
  const each = (f: (e: HttpFigures) => string) => engines.map(([, e]) => f(e));
  const first = engines[0]![1];
  console.log('');
  row(
    'LADDER: cached article page',
    engines.map(([name]) => name),
    'target',
  );
  row(
    `  gzip, ${first.ladder.bodyBytes.toLocaleString('en')} B; req/s · p50 / p99 · CPU per request`,
    [],
  );
  row(
    '  nginx gzip_static, 1 worker',
    each((e) => skippedOr(e.ladder.nginx, loadCell)),
  );
  row(
    '  bare Node http, bytes in memory',
    each((e) => skippedOr(e.ladder.bareNode, loadCell)),
  );
  row(
    `  Midad, page-cache hit`,
    each((e) => loadCell(e.ladder.midad)),
  );
  row(
    'Midad CPU per request ÷ bare Node',
    each((e) => times(e.ladder.ratios.cpuVsBareNode)),
    targetText('cpuVsBareNode'),
  );
  row(
    'Midad CPU per request ÷ nginx',
    each((e) => times(e.ladder.ratios.cpuVsNginx)),
  );
  row(
    'Midad req/s ÷ nginx',
    each((e) => times(e.ladder.ratios.rateVsNginx)),
    targetText('rateVsNginx'),
  );
  row(
    'Midad req/s ÷ bare Node',
    each((e) => times(e.ladder.ratios.rateVsBareNode)),
  );
  row('req/s each round: nginx / Node / Midad', []);
  first.ladder.rounds.forEach((_, i) =>
    row(
      `  round ${i + 1}`,
      each((e) => {
        const r = e.ladder.rounds[i];
        return r === undefined
          ? ''
          : [r.nginx, r.bareNode, r.midad]
              .map((n) => (n === null ? '-' : whole(n)).padStart(7))
              .join(' /');
      }),
    ),
  );
  row(
    'cached page with more workers',
    each((e) => skippedOr(e.cachedWithWorkers, (w) => loadCell(w.load))),
  );
  row(
    '  MIDAD_WORKERS / server processes',
    each((e) => skippedOr(e.cachedWithWorkers, (w) => `${w.workers} / ${w.processes}`)),
  );
}

export function printHttp(engines: Array<[string, HttpFigures]>): void {
  const each = (f: (e: HttpFigures) => string) => engines.map(([, e]) => f(e));
  const first = engines[0]![1];
  printLadder(engines);
  console.log('');
  row(
    'HTTP',
    engines.map(([name]) => name),
    'target',
  );
  row(
    `  ${first.options.generator}, ${first.options.connections} conn., ${first.options.duration} s a run, ` +
      `MIDAD_WORKERS=${first.options.workers}; req/s · p50 / p99 · CPU per request`,
    [],
  );
  for (const run of Object.keys(RUNS) as RunName[])
    row(
      `  ${RUNS[run]}`,
      each((e) => loadCell(e.loads[run])),
      RUN_TARGETS[run],
    );
  row(
    'non-2xx / errors, all runs',
    each((e) => {
      const runs = Object.values(e.loads);
      return `${whole(runs.reduce((n, l) => n + l.non2xx, 0))} / ${whole(runs.reduce((n, l) => n + l.errors, 0))}`;
    }),
    '0 / 0',
  );
  row(
    'server processes',
    each((e) => String(e.processes)),
  );
  row(
    `RSS at rest (${first.memory.settleS} s idle, then a full GC) / peak`,
    each((e) => `${(e.memory.rest / MB).toFixed(0)} / ${(e.memory.peak / MB).toFixed(0)} MiB`),
    `${targetText('memoryRest')} / ${targetText('memoryPeak')}`,
  );
  row(
    '  at rest after the runs',
    each((e) => `${(e.memory.restAfterRuns / MB).toFixed(0)} MiB`),
    targetText('memoryRest'),
  );
  row(
    'views: beacons accepted / counted',
    each((e) => skippedOr(e.views, (v) => `${whole(v.accepted)} / ${whole(v.counted)}`)),
    'equal (± in flight)',
  );
  row(
    'article page weight, br / gzip',
    each(
      (e) =>
        `${(e.pageWeight.br.total / 1000).toFixed(1)} / ${(e.pageWeight.gzip.total / 1000).toFixed(1)} kB`,
    ),
    '< 30 kB',
  );
  row(
    'lite article page weight, br / gzip',
    each(
      (e) =>
        `${(e.litePageWeight.br.total / 1000).toFixed(1)} / ${(e.litePageWeight.gzip.total / 1000).toFixed(1)} kB`,
    ),
    '≤ 10 kB',
  );
  row('Lighthouse perf / a11y / bp / seo', []);
  for (const page of ['article', 'home', 'section'] as const)
    row(
      `  ${page} page (mobile)`,
      each((e) => skippedOr(e.lighthouse, (l) => scoresCell(l[page]))),
      '≥ 95 each',
    );
  row(
    'server log: warnings / errors',
    each((e) => `${e.serverLog.warnings} / ${e.serverLog.errors}`),
    '0 / 0',
  );
  row(
    'exit after SIGTERM',
    each((e) => String(e.exitCode)),
    '0',
  );
  printMemory(engines);
  printNotes(engines);
}

/** Where each engine's memory at rest lies, MiB (bench/memory-map.ts), at both readings. */
function printMemory(engines: Array<[string, HttpFigures]>): void {
  console.log('\nMEMORY AT REST, MiB (V8 heap + external + files + native = RSS)');
  for (const [name, e] of engines) {
    const { rest, restAfterRuns, restBreakdown, restAfterRunsBreakdown } = e.memory;
    console.log(`${name}, ${(rest / MB).toFixed(0)}: ${breakdownText(restBreakdown)}`);
    console.log(
      `${name} after the runs, ${(restAfterRuns / MB).toFixed(0)}: ${breakdownText(restAfterRunsBreakdown)}`,
    );
  }
}

/** Skipped parts, non-2xx statuses, failing audits and log lines, per engine. */
function printNotes(engines: Array<[string, HttpFigures]>): void {
  const notes: string[] = [];
  for (const [name, e] of engines) {
    const n = (text: string) => notes.push(`${name}: ${text}`);
    if (e.loads.articleDistinct.responses > e.distinctArticles)
      n(
        `the distinct-article run sent ${whole(e.loads.articleDistinct.responses)} requests over ` +
          `${whole(e.distinctArticles)} articles, so some were repeats`,
      );
    for (const [run, l] of Object.entries(e.loads))
      if (l.non2xx > 0 || l.errors > 0)
        n(`${RUNS[run as RunName]}: statuses ${JSON.stringify(l.statuses)}, ${l.errors} errors`);
    if (isSkipped(e.ladder.nginx)) n(`nginx skipped: ${e.ladder.nginx.skipped}`);
    if (isSkipped(e.ladder.bareNode)) n(`bare Node skipped: ${e.ladder.bareNode.skipped}`);
    if (isSkipped(e.cachedWithWorkers)) n(`more workers skipped: ${e.cachedWithWorkers.skipped}`);
    else if (e.cachedWithWorkers.processes <= 1)
      n(`MIDAD_WORKERS=${e.cachedWithWorkers.workers} ran one process: the server does not fork`);
    if (isSkipped(e.views)) n(`views untested: ${e.views.skipped}`);
    else if (
      e.views.counted < e.views.accepted ||
      e.views.counted > e.views.accepted + e.views.inFlight
    )
      n(
        `views: ${whole(e.views.counted)} counted for ${whole(e.views.accepted)} beacons accepted ` +
          `(at most ${e.views.inFlight} more in flight), statuses ${JSON.stringify(e.views.statuses)}`,
      );
    if (isSkipped(e.lighthouse)) n(`Lighthouse skipped: ${e.lighthouse.skipped}`);
    else
      for (const page of ['article', 'home', 'section'] as const) {
        const s = e.lighthouse[page];
        if (s.failing.length) n(`Lighthouse ${page} page loses points on ${s.failing.join(', ')}`);
        for (const w of s.warnings) n(`Lighthouse ${page} page: ${w}`);
      }
    for (const line of e.serverLog.first) n(`server log: ${line.slice(0, 300)}`);
  }
  if (notes.length) console.log(`\n${notes.join('\n')}`);
}
