/**
 * Prints the HTTP figures in the bench's table, one column per engine,
 * each beside its target, then notes on anything skipped or failed.
 */
import type { HttpFigures, Skipped } from './http.js';
import { RUNS, type RunName } from './http.js';
import type { PageScores } from './lighthouse.js';
import type { LoadFigures } from './load.js';
import { row } from './table.js';

const MB = 1024 * 1024;
const whole = (n: number) => Math.round(n).toLocaleString('en');
const isSkipped = (x: object): x is Skipped => 'skipped' in x;

/** `2,345 req/s · 3.1 / 12 ms`: the rate, then p50 / p99. */
const loadCell = (l: LoadFigures) =>
  `${whole(l.rate)} req/s · ${l.p50.toFixed(1)} / ${l.p99.toFixed(1)} ms`;

const scoresCell = (s: PageScores) =>
  `${s.scores.performance} / ${s.scores.accessibility} / ${s.scores['best-practices']} / ${s.scores.seo}`;

export function printHttp(engines: Array<[string, HttpFigures]>): void {
  const each = (f: (e: HttpFigures) => string) => engines.map(([, e]) => f(e));
  const first = engines[0]![1];
  console.log('');
  row(
    `HTTP (${first.options.connections} conn., ${first.options.duration} s a run)`,
    engines.map(([name]) => name),
    'target',
  );
  row('req/s · latency p50 / p99', []);
  for (const run of Object.keys(RUNS) as RunName[])
    row(
      `  ${RUNS[run]}`,
      each((e) => loadCell(e.loads[run])),
      run === 'articleCacheOff' ? 'p50 ≤ 3 ms' : '',
    );
  row(
    '  nginx, same page as a file',
    each((e) => (isSkipped(e.nginx) ? 'skipped' : loadCell(e.nginx))),
  );
  row(
    'cached article ÷ nginx',
    each((e) =>
      isSkipped(e.nginx)
        ? 'skipped'
        : `${((100 * e.loads.articleCached.rate) / e.nginx.rate).toFixed(0)} %`,
    ),
    '≥ 50 %',
  );
  row(
    `  each round (median shown)`,
    each((e) =>
      isSkipped(e.nginx)
        ? 'skipped'
        : e.cachedRounds.map((r) => `${((100 * r.ours) / r.nginx).toFixed(0)} %`).join(', '),
    ),
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
    'memory (RSS) at rest / peak',
    each((e) => `${(e.memory.rest / MB).toFixed(0)} / ${(e.memory.peak / MB).toFixed(0)} MiB`),
    '< 200 MiB',
  );
  row(
    'views: beacons sent / counted',
    each((e) =>
      isSkipped(e.views) ? 'untested' : `${whole(e.views.sent)} / ${whole(e.views.counted)}`,
    ),
    'equal',
  );
  row(
    'article page weight, br / gzip',
    each(
      (e) =>
        `${(e.pageWeight.br.total / 1000).toFixed(1)} / ${(e.pageWeight.gzip.total / 1000).toFixed(1)} kB`,
    ),
    '< 30 kB',
  );
  row('Lighthouse perf / a11y / bp / seo', []);
  for (const page of ['article', 'home', 'section'] as const)
    row(
      `  ${page} page (mobile)`,
      each((e) => (isSkipped(e.lighthouse) ? 'skipped' : scoresCell(e.lighthouse[page]))),
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
  printNotes(engines);
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
    if (isSkipped(e.nginx)) n(`nginx skipped: ${e.nginx.skipped}`);
    if (isSkipped(e.views)) n(`views untested: ${e.views.skipped}`);
    else if (e.views.accepted !== e.views.sent)
      n(`beacon statuses ${JSON.stringify(e.views.statuses)}`);
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
