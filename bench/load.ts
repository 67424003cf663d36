/**
 * One load run with autocannon against 127.0.0.1: a fixed duration (or a
 * fixed number of requests), as a mobile browser would ask (its
 * user-agent, `accept-encoding: br, gzip`), with the server's resident
 * memory sampled meanwhile.
 */
import autocannon, { type Request } from 'autocannon';
import { residentBytes } from './server-process.js';

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
const MEMORY_SAMPLE_MS = 250;

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
  /** Highest resident memory of `pid` sampled during the run (0 without a pid). */
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
    if (options.pid) peakRss = Math.max(peakRss, residentBytes(options.pid));
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
      peakRss,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Requests that walk `paths` in order across all connections, each path
 * once until the list is used up, then again from the start.
 * @returns the requests and a function telling how many were sent.
 */
export function walkPaths(paths: readonly string[]): { requests: Request[]; sent: () => number } {
  let next = 0;
  return {
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }),
      },
    ],
    sent: () => next,
  };
}
