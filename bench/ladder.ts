/**
 * The reference ladder of the cached article page (issue 21): the same
 * page, the same gzip bytes, from
 *
 * 1. nginx with one worker, the page as a file through `gzip_static`
 *    (bench/nginx.ts): what a static server costs;
 * 2. a bare Node `http` server with the page's bytes and headers in
 *    memory (bench/bare-node.ts): what Node itself costs;
 * 3. our server's page cache (a hit: `x-cache: HIT`, checked first).
 *
 * Each is warmed (RUN_WARM_UP_S), then LADDER_ROUNDS rounds each load the
 * three in turn for the same duration, so that a slow spell of a shared
 * machine weighs on every rung of a round; the round whose ratio of our
 * rate to nginx's (or our rate alone, without nginx) is the median is
 * reported, its three runs together. Rates per second, latency in ms, CPU
 * per request in µs.
 */
import { existsSync } from 'node:fs';
import { NGINX } from '../test/helpers/nginx.js';
import { startBareNode, type BareNodeServer } from './bare-node.js';
import { BROWSER_HEADERS, RUN_WARM_UP_S } from './load.js';
import { startNginx, type StaticServer } from './nginx.js';
import { rawGet } from './raw-get.js';
import { settle } from './server-process.js';
import type { HttpLoadFigures, HttpLoadOptions } from './wrk.js';

/** Rounds of the three runs in turn. */
const LADDER_ROUNDS = 3;

/** The ladder's requests take gzip only, which all three rungs send as the same bytes. */
export const LADDER_HEADERS: Readonly<Record<string, string>> = {
  ...BROWSER_HEADERS,
  'accept-encoding': 'gzip',
};

/** A part that did not run, and why. */
export interface Skipped {
  skipped: string;
}

export interface LadderFigures {
  /** Bytes of the gzip body every rung sends. */
  bodyBytes: number;
  nginx: HttpLoadFigures | Skipped;
  bareNode: HttpLoadFigures | Skipped;
  midad: HttpLoadFigures;
  /** Each round's rates, req/s (null for a rung that did not run). */
  rounds: Array<{ nginx: number | null; bareNode: number | null; midad: number }>;
  /** The reported round's ratios (null where the rung did not run). */
  ratios: {
    /** Our CPU per request ÷ bare Node's (target ≤ 2). */
    cpuVsBareNode: number | null;
    /** Our CPU per request ÷ nginx's. */
    cpuVsNginx: number | null;
    /** Our rate ÷ nginx's (target ≥ 0.4). */
    rateVsNginx: number | null;
    /** Our rate ÷ bare Node's. */
    rateVsBareNode: number | null;
  };
}

/** A rung to load: where, and the process whose tree is measured. */
interface Rung {
  origin: string;
  path: string;
  pid: number;
}

/**
 * GETs `path` of our server twice with the ladder's headers.
 * @returns the second response, a page-cache hit.
 * @throws Error when it is not a hit in gzip (`x-cache: HIT`, `content-encoding: gzip`).
 */
export async function cachedResponse(origin: string, path: string) {
  await rawGet(`${origin}${path}`, LADDER_HEADERS);
  const response = await rawGet(`${origin}${path}`, LADDER_HEADERS);
  const { status, headers } = response;
  if (status !== 200 || headers['x-cache'] !== 'HIT' || headers['content-encoding'] !== 'gzip')
    throw new Error(
      `${path} is not a gzip page-cache hit: status ${status}, x-cache ${String(headers['x-cache'])}, ` +
        `content-encoding ${String(headers['content-encoding'])}`,
    );
  return response;
}

/** Starts a rung, or says why it did not start. */
async function start<T>(
  available: string | null,
  starter: () => Promise<T>,
  what: string,
): Promise<T | Skipped> {
  if (available !== null) return { skipped: available };
  try {
    return await starter();
  } catch (error) {
    return { skipped: `${what} failed: ${(error as Error).message}` };
  }
}

const ratio = (a: number, b: number | undefined) => (b ? a / b : null);

/**
 * Runs the ladder against our server at `ours` (its page `path`, already
 * in the page cache).
 * @param load one measured run of `duration` seconds on a rung.
 */
export async function measureLadder(
  ours: Rung,
  duration: number,
  load: (
    options: Pick<HttpLoadOptions, 'origin' | 'paths' | 'pid' | 'duration' | 'headers'>,
  ) => Promise<HttpLoadFigures>,
  onStep: (step: string) => void,
): Promise<LadderFigures> {
  const page = await cachedResponse(ours.origin, ours.path);
  const nginx = await start<StaticServer>(
    existsSync(NGINX) ? null : `no ${NGINX}: apt-get install -y nginx (as root)`,
    () => startNginx(page.body, page.wire),
    'nginx',
  );
  const bare = await start<BareNodeServer>(
    null,
    () => startBareNode(page.wire, page.headers),
    'the bare Node server',
  );
  const rungs = { nginx, bareNode: bare, midad: ours };
  const names = ['nginx', 'bareNode', 'midad'] as const;
  const run = (rung: Rung | Skipped, seconds: number) =>
    'skipped' in rung
      ? Promise.resolve(null)
      : load({
          origin: rung.origin,
          paths: [rung.path],
          pid: rung.pid,
          duration: seconds,
          headers: LADDER_HEADERS,
        });
  try {
    onStep(
      `reference ladder (nginx, bare Node, ours in turn): ${LADDER_ROUNDS} rounds of ${duration} s`,
    );
    for (const name of names) await run(rungs[name], RUN_WARM_UP_S);
    const rounds: Array<Record<(typeof names)[number], HttpLoadFigures | null>> = [];
    for (let i = 0; i < LADDER_ROUNDS; i++) {
      const round = { nginx: null, bareNode: null, midad: null } as (typeof rounds)[number];
      for (const name of names) {
        round[name] = await run(rungs[name], duration);
        if (name === 'midad') await settle(ours.origin);
      }
      rounds.push(round);
    }
    const key = (r: (typeof rounds)[number]) => r.midad!.rate / (r.nginx?.rate ?? 1);
    const median = [...rounds].sort((a, b) => key(a) - key(b))[Math.floor(LADDER_ROUNDS / 2)]!;
    // The peak memory of all rounds, not only the median's.
    const midad = { ...median.midad!, peakRss: Math.max(...rounds.map((r) => r.midad!.peakRss)) };
    const skipped = (rung: Rung | Skipped, figures: HttpLoadFigures | null) =>
      figures ?? (rung as Skipped);
    return {
      bodyBytes: page.wire.length,
      nginx: skipped(nginx, median.nginx),
      bareNode: skipped(bare, median.bareNode),
      midad,
      rounds: rounds.map((r) => ({
        nginx: r.nginx?.rate ?? null,
        bareNode: r.bareNode?.rate ?? null,
        midad: r.midad!.rate,
      })),
      ratios: {
        cpuVsBareNode: ratio(midad.cpuPerRequestUs, median.bareNode?.cpuPerRequestUs),
        cpuVsNginx: ratio(midad.cpuPerRequestUs, median.nginx?.cpuPerRequestUs),
        rateVsNginx: ratio(midad.rate, median.nginx?.rate),
        rateVsBareNode: ratio(midad.rate, median.bareNode?.rate),
      },
    };
  } finally {
    if (!('skipped' in nginx)) await nginx.stop();
    if (!('skipped' in bare)) await bare.stop();
  }
}
