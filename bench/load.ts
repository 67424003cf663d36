/**
 * Load runs with autocannon against 127.0.0.1, as a mobile browser would
 * ask (its user-agent, `accept-encoding: br, gzip`): a fixed number of
 * requests or a fixed duration from one thread (warm-ups, beacon bursts at
 * a set rate), with the server's resident memory sampled meanwhile; and
 * the measured runs' fallback where wrk is missing, with worker threads
 * (bench/wrk.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Request, type Result } from 'autocannon';
import { treeResidentBytes } from './cpu.js';
import type { HttpLoadOptions } from './wrk.js';

/** A current mobile Chrome: the site counts views and serves pages to browsers like it. */
export const BROWSER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/131.0.0.0 Mobile Safari/537.36';

/** Headers of a browser's page request. */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  'user-agent': BROWSER_AGENT,
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'br, gzip',
  'accept-language': 'ar,en;q=0.8',
};

/**
 * Seconds each load run is first sent for, not measured: V8 compiles that
 * route's hot code and the page cache makes its hot brotli body (after 20
 * hits) before the measured part, as on a site that has been up a while.
 * nginx's run gets the same.
 */
export const RUN_WARM_UP_S = 2;

/** How often the server's memory is sampled during a run, ms. */
export const MEMORY_SAMPLE_MS = 250;

/** What one run measured. Rates per second, times in ms, memory in bytes. */
export interface LoadFigures {
  /** Responses per second over the run (all statuses). */
  rate: number;
  p50: number;
  p99: number;
  responses: number;
  /** Responses other than 2xx (304s included). */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses per status code, e.g. `{ "200": 5123 }`. */
  statuses: Record<string, number>;
  /** Highest resident memory of `pid` and its descendants sampled during the run (0 without a pid). */
  peakRss: number;
}

export interface LoadOptions {
  origin: string;
  /** One path, or requests cycled by each connection. */
  path?: string;
  requests?: Request[];
  connections: number;
  /** Seconds; ignored when `amount` is given. */
  duration: number;
  amount?: number;
  method?: string;
  headers?: Record<string, string>;
  /** The server's process, whose memory is sampled. */
  pid?: number;
}

/** Runs autocannon and returns its figures. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  let peakRss = 0;
  const sample = () => {
    if (options.pid) peakRss = Math.max(peakRss, treeResidentBytes(options.pid));
  };
  sample();
  const sampler = setInterval(sample, MEMORY_SAMPLE_MS);
  try {
    const result = await autocannon({
      url: `${options.origin}${options.path ?? '/'}`,
      connections: options.connections,
      duration: options.duration,
      ...(options.amount === undefined ? {} : { amount: options.amount }),
      method: options.method ?? 'GET',
      headers: { ...BROWSER_HEADERS, ...options.headers },
      ...(options.requests ? { requests: options.requests } : {}),
    });
    sample();
    return {
      ...figuresOf(result),
      peakRss,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Figures of an autocannon result, without the memory. */
function figuresOf(result: Result): Omit<LoadFigures, 'peakRss'> {
  const responses = Object.values(result.statusCodeStats).reduce((n, s) => n + s.count, 0);
  return {
    rate: responses / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    responses,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
    ),
  };
}

/**
 * The module each autocannon worker thread loads as its `setupRequest`
 * (functions cannot cross to a worker): it walks `paths` from an offset of
 * its own (the worker's threadId), and numbers visitors from threadId ×
 * 2^20 when asked. Less even than wrk's split of the paths between
 * threads, which it stands in for.
 */
function setupRequestModule(options: HttpLoadOptions): string {
  return `'use strict';
const { threadId } = require('node:worker_threads');
const paths = ${JSON.stringify(options.paths)};
const visitors = ${options.visitors === true};
const agent = ${JSON.stringify(BROWSER_AGENT)};
let next = (threadId * Math.floor(paths.length / 2)) % paths.length;
let visitor = ${options.firstVisitor ?? 0} + threadId * 2 ** 20;
module.exports = (request) => {
  const path = paths[next++ % paths.length];
  if (!visitors) return { ...request, path };
  const n = visitor++;
  const address = '10.' + ((n >> 16) & 255) + '.' + ((n >> 8) & 255) + '.' + (n & 255);
  return {
    ...request,
    path,
    headers: { ...request.headers, 'user-agent': agent + ' reader/' + n, 'x-forwarded-for': address },
  };
};
`;
}

/**
 * A measured run from autocannon with `workers` worker threads, where wrk
 * is missing (bench/wrk.ts measures the server's CPU and memory around it).
 */
export async function runAutocannonWorkers(
  options: HttpLoadOptions & { headers: Record<string, string>; workers: number },
): Promise<Omit<LoadFigures, 'peakRss'>> {
  const dir = mkdtempSync(join(tmpdir(), 'midad-autocannon-'));
  try {
    const setupRequest = join(dir, 'setup-request.cjs');
    writeFileSync(setupRequest, setupRequestModule(options));
    const result = await autocannon({
      url: `${options.origin}${options.paths[0] ?? '/'}`,
      connections: options.connections,
      duration: options.duration,
      workers: options.workers,
      method: options.method ?? 'GET',
      headers: options.headers,
      ...(options.body === undefined ? {} : { body: options.body }),
      requests: [{ method: options.method ?? 'GET', setupRequest }],
    });
    return figuresOf(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
