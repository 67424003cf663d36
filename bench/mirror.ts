/**
 * The static mirror's bench (issue 22): `midad mirror` (dist/, as an
 * operator runs it) over the bench's database, each run in a process of
 * its own so that its peak resident memory is the mirror's alone
 * (`process.resourceUsage().maxRSS` read as the process ends, exact, not
 * sampled):
 *
 * 1. a full run into a new folder (every page and its lite page, feed,
 *    sitemap, the search index, the assets; the corpus has no images);
 * 2. `--since` with nothing changed (what a refresh costs at rest);
 * 3. `--since` after one article is published (a newsroom's usual step).
 *
 * Wall time, peak RSS, files and MiB written of each, with the load average
 * over the last minute as each run ends (the machine may be shared).
 * Alone, on a database kept between runs: `npx tsx bench/mirror-only.ts`.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createArticle } from '../src/services/edit-article.js';
import { moveArticle } from '../src/services/move-article.js';
import type { Database } from '../src/storage/database.js';
import { insertUser } from '../src/storage/repositories/users.repository.js';
import { content } from '../test/helpers/newsroom.js';
import { ensureBuilt, track } from './server-process.js';
import { row } from './table.js';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/cli/main.js');

/** One run of `midad mirror`. */
export interface MirrorRun {
  ms: number;
  /** Peak resident memory of the process, bytes. */
  peakRss: number;
  /** Files in the mirror, its size (MB as the CLI prints it, 1 decimal), files written, removed. */
  files: number;
  mb: number;
  written: number;
  removed: number;
  /** The one-minute load average as the run ended. */
  load: number;
}

export interface MirrorFigures {
  full: MirrorRun;
  /** `--since`, nothing changed. */
  sinceNothing: MirrorRun;
  /** `--since` after one article was published. */
  sinceOne: MirrorRun;
}

/** Where the database is, as the CLI's flags say it. */
export type MirrorTarget = { file: string } | { url: string };

/** The summary line of `midad mirror`. */
const SUMMARY = /: (\d+) files, ([\d.]+) MB \((\d+) written, (\d+) removed\)/;

/**
 * Runs `midad mirror [--since] OUT` from dist/ in a child process that
 * prints its own maxRSS as it ends.
 * @throws Error when the run fails or prints no summary.
 */
async function runMirror(target: MirrorTarget, out: string, since: boolean): Promise<MirrorRun> {
  const argv = [
    'mirror',
    ...('file' in target ? ['--db', target.file] : ['--database', target.url]),
    ...(since ? ['--since'] : []),
    out,
  ];
  const script =
    `const { run } = await import(${JSON.stringify(pathToFileURL(CLI).href)});` +
    'const code = await run(process.argv.slice(1));' +
    'console.log(`maxRSS ${process.resourceUsage().maxRSS}`);' +
    'process.exitCode = code;';
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...argv], {
    env: {
      ...process.env,
      MIDAD_BASE_URL: 'https://news.example',
      MIDAD_MEDIA_DIR: join(out, '..', 'mirror-media'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  track(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  const ms = performance.now() - started;
  const summary = SUMMARY.exec(output);
  const rss = /^maxRSS (\d+)$/m.exec(output);
  if (code !== 0 || !summary || !rss) throw new Error(`midad mirror failed (${code}): ${output}`);
  return {
    ms,
    peakRss: Number(rss[1]) * 1024,
    files: Number(summary[1]),
    mb: Number(summary[2]),
    written: Number(summary[3]),
    removed: Number(summary[4]),
    load: loadavg()[0]!,
  };
}

/** Publishes one new article on the site, by an editor made for it. */
async function publishOne(database: Database): Promise<void> {
  const now = () => new Date();
  const editor = await insertUser(
    database.db,
    {
      email: 'mirror-editor@bench.example',
      displayName: 'محرر المرآة',
      slug: 'محرر-المرآة',
      role: 'editor',
      passwordHash: 'x',
    },
    now(),
  );
  const actor = { id: editor.id, role: 'editor' as const };
  const deps = { database, now };
  const id = await createArticle(
    deps,
    actor,
    content([actor.id], { headline: 'خبر جديد في مرآة الموقع', tags: ['وسم 1'] }),
  );
  await moveArticle(deps, actor, id, 'publish');
}

/**
 * The three runs over `database` (at `target`) in `scratch`, then removes the mirror.
 * The database gains one editor and one published article.
 */
export async function measureMirror(
  database: Database,
  target: MirrorTarget,
  scratch: string,
  step: (s: string) => void,
): Promise<MirrorFigures> {
  ensureBuilt(step);
  const out = join(scratch, 'mirror');
  rmSync(out, { recursive: true, force: true });
  try {
    step('writing the static mirror (midad mirror)');
    const full = await runMirror(target, out, false);
    step('midad mirror --since, nothing changed');
    const sinceNothing = await runMirror(target, out, true);
    step('midad mirror --since, one article published');
    await publishOne(database);
    const sinceOne = await runMirror(target, out, true);
    return { full, sinceNothing, sinceOne };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function printMirror(engines: Array<[string, MirrorFigures]>): void {
  const each = (f: (m: MirrorFigures) => string) => engines.map(([, m]) => f(m));
  const run = (r: MirrorRun) =>
    `${(r.ms / 1000).toFixed(1)} s, ${(r.peakRss / 1024 / 1024).toFixed(0)} MiB peak (load ${r.load.toFixed(1)})`;
  console.log('');
  row(
    'STATIC MIRROR (midad mirror, with lite pages)',
    engines.map(([name]) => name),
  );
  row(
    'full run: time, peak RSS',
    each((m) => run(m.full)),
  );
  row(
    'files / size',
    each((m) => `${m.full.files.toLocaleString('en')} / ${m.full.mb.toFixed(0)} MB`),
  );
  row(
    '--since, nothing changed',
    each((m) => run(m.sinceNothing)),
  );
  row(
    '  files written',
    each((m) => String(m.sinceNothing.written)),
  );
  row(
    '--since, one article published',
    each((m) => run(m.sinceOne)),
  );
  row(
    '  files written / removed',
    each((m) => `${m.sinceOne.written} / ${m.sinceOne.removed}`),
  );
}
