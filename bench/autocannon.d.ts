/**
 * The part of autocannon 9's programmatic API that the bench uses
 * (autocannon ships no type declarations). Times in ms, durations in s.
 */
declare module 'autocannon' {
  /** One request as autocannon builds it; `setupRequest` may change it. */
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** A function, or with `workers` the absolute path of a module exporting one. */
    setupRequest?:
      ((request: Request, context: Record<string, unknown>) => Request | null) | string;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds; ignored when `amount` is given. */
    duration?: number;
    /** Requests to send in all, then stop. */
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: Request[];
    /** Seconds before a request counts as timed out (default 10). */
    timeout?: number;
    /** Worker threads sharing `connections` (and `amount`) between them. */
    workers?: number;
    /** Requests per second across all connections, at most. */
    overallRate?: number;
  }

  /** An hdr-histogram-percentiles-obj summary. */
  export interface Histogram {
    average: number;
    mean: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }

  export interface Result {
    /** Responses per second, sampled each second. */
    requests: Histogram;
    /** Response times, ms. */
    latency: Histogram;
    /** Response bytes per second. */
    throughput: Histogram;
    /** Seconds the run took. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }

  export default function autocannon(options: Options): Promise<Result>;
}
