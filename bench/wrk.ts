/**
 * One measured load run against a server on 127.0.0.1, from a generator
 * that is not the bottleneck: Debian's `wrk` (C, two threads, epoll), or
 * where it is missing autocannon with two worker threads. The figures say
 * which ran (`generator`).
 *
 * With wrk the run is driven by a Lua script written to a temporary file:
 * it draws each request's class at random by weight when the run mixes
 * several (the soak's), walks each class's paths across all connections
 * (thread i of T takes paths i, i+T, i+2T…), can number each request as a
 * visitor of its own (for view beacons), can make each connection pause
 * before each request (`delay()`, for a rate below the highest), counts
 * statuses per thread in `response()` and prints one JSON line in
 * `done()`, which is parsed here.
 *
 * Around the run, the CPU time of the server's whole process tree is read
 * from /proc (bench/cpu.ts), giving its CPU time per request, and its
 * resident memory is sampled. Rates per second, latencies in ms, CPU per
 * request in µs, memory in bytes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { treeCpuMs, treeResidentBytes } from './cpu.js';
import {
  BROWSER_AGENT,
  BROWSER_HEADERS,
  MEMORY_SAMPLE_MS,
  runAutocannonWorkers,
  type LoadFigures,
} from './load.js';

export const WRK = '/usr/bin/wrk';

/** Threads of wrk, and worker threads of autocannon where wrk is missing. */
export const GENERATOR_THREADS = 2;

/** Seconds before a request counts as timed out (wrk's default is 2). */
const TIMEOUT_S = 10;

/** The load generator a run used. */
export type Generator = 'wrk' | 'autocannon-workers';

/** The generator runs use: wrk when installed. */
export function defaultGenerator(): Generator {
  return existsSync(WRK) ? 'wrk' : 'autocannon-workers';
}

/** One kind of request of a run: the paths it walks and how it sends them. */
export interface RequestClass {
  /**
   * Paths walked in turn across all connections, each once until the list
   * is used up, then again (one path: every request asks for it). ASCII
   * only: percent-encode the rest.
   */
  paths: readonly string[];
  method?: 'GET' | 'POST' | 'HEAD';
  /** Headers added to, or replacing, BROWSER_HEADERS (names in lower case). */
  headers?: Record<string, string>;
  body?: string;
  /**
   * Each request as from a visitor of its own, numbered n from the run's
   * firstVisitor: `user-agent: <BROWSER_AGENT> reader/<n>` and
   * `x-forwarded-for: 10.<n>>16>.<n>>8>.<n>` (distinct for 2^24 requests).
   */
  visitors?: boolean;
  /** Its share of the requests against the run's other classes (`mix`): any number above 0, default 1. */
  weight?: number;
}

/**
 * A run: its own class of requests (paths, method, …), and optionally
 * more classes in `mix`, each request drawn from them at random by weight.
 */
export interface HttpLoadOptions extends RequestClass {
  origin: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** More classes of requests mixed with the run's own (wrk only). */
  mix?: readonly RequestClass[];
  /** ms each connection waits before each request (wrk only; default 0: as fast as answered). */
  pauseMs?: number;
  /** The first visitor's number (default 0), so that runs in turn send visitors of their own. */
  firstVisitor?: number;
  /** The server's process: CPU time and memory are read over it and its descendants. */
  pid: number;
  generator?: Generator;
}

/** What one run measured, with the server's CPU time (its whole process tree). */
export interface HttpLoadFigures extends LoadFigures {
  generator: Generator;
  /** utime + stime of the server's processes during the run, ms (10 ms resolution). */
  cpuMs: number;
  /** cpuMs per response, µs. */
  cpuPerRequestUs: number;
}

/** A Lua string literal of `text`: printable ASCII as is, every other byte as `\ddd`. */
function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte >= 0x20 && byte < 0x7f && c !== '"' && c !== '\\' ? c : `\\${byte}`;
  }
  return `${out}"`;
}

/** The line `done()` prints, after this prefix. */
const RESULT_PREFIX = 'MIDAD-WRK ';

interface WrkResult {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  statuses: Record<string, number>;
  errors: { connect: number; read: number; write: number; timeout: number };
}

/** wrk's threads for a run: GENERATOR_THREADS, fewer when there are fewer connections. */
const threadsFor = (connections: number) => Math.max(1, Math.min(GENERATOR_THREADS, connections));

/** The classes of a run: its own first, then its mix, each with all its headers. */
const classesOf = (options: HttpLoadOptions, headers: Record<string, string>) =>
  [options, ...(options.mix ?? [])].map((c) => ({ ...c, headers: { ...headers, ...c.headers } }));

/** The Lua script of a run (wrk 4's scripting API: setup, init, request, delay, response, done). */
function wrkScript(options: HttpLoadOptions, headers: Record<string, string>): string {
  const table = (entries: string[]) => `{\n  ${entries.join(',\n  ')}\n}`;
  const classes = classesOf(options, headers);
  const dynamic = classes.length > 1 || options.paths.length > 1 || options.visitors === true;
  const luaClass = (c: (typeof classes)[number]) =>
    table([
      `weight = ${c.weight ?? 1}`,
      `method = ${luaString(c.method ?? 'GET')}`,
      `body = ${c.body === undefined ? 'nil' : luaString(c.body)}`,
      `visitors = ${c.visitors === true}`,
      `headers = ${table(Object.entries(c.headers).map(([k, v]) => `[${luaString(k)}] = ${luaString(v)}`))}`,
      `paths = ${table(c.paths.map(luaString))}`,
    ]);
  return `-- Written by bench/wrk.ts for one run.
local THREADS = ${threadsFor(options.connections)}
local FIRST_VISITOR = ${options.firstVisitor ?? 0}
local CLASSES = ${table(classes.map(luaClass))}
local AGENT = ${luaString(BROWSER_AGENT)}

wrk.method = CLASSES[1].method
wrk.path = CLASSES[1].paths[1]
wrk.headers = CLASSES[1].headers
wrk.body = CLASSES[1].body

-- Setup and done run in one environment, apart from the threads'.
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

-- Each thread's own environment from here; "id" is 1..THREADS.
statuses = {}
${
  dynamic
    ? `local total = 0
local visitor = 0

function init(args)
  math.randomseed(os.time() + id * 7919)
  for _, c in ipairs(CLASSES) do
    total = total + c.weight
    c.turn = 0
    c.mine = {}
    -- With fewer paths than threads, each thread walks them all.
    local first, step = id, THREADS
    if #c.paths < THREADS then first, step = 1, 1 end
    for i = first, #c.paths, step do
      c.mine[#c.mine + 1] = c.visitors and c.paths[i] or wrk.format(c.method, c.paths[i], c.headers, c.body)
    end
  end
  visitor = FIRST_VISITOR + id - 1
end

-- A class at random by weight.
local function pick()
  if #CLASSES == 1 then return CLASSES[1] end
  local r = math.random() * total
  for _, c in ipairs(CLASSES) do
    r = r - c.weight
    if r < 0 then return c end
  end
  return CLASSES[#CLASSES]
end

function request()
  local c = pick()
  c.turn = c.turn % #c.mine + 1
  if not c.visitors then return c.mine[c.turn] end
  local n = visitor
  visitor = visitor + THREADS
  -- wrk.format takes these headers instead of wrk.headers, not on top of them.
  local headers = {}
  for name, value in pairs(c.headers) do headers[name] = value end
  headers["user-agent"] = AGENT .. " reader/" .. n
  headers["x-forwarded-for"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return wrk.format(c.method, c.mine[c.turn], headers, c.body)
end
`
    : ''
}${
    options.pauseMs
      ? `
function delay()
  return ${options.pauseMs}
end
`
      : ''
  }
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do total[code] = (total[code] or 0) + count end
  end
  local codes = {}
  for code, count in pairs(total) do codes[#codes + 1] = string.format('"%d":%d', code, count) end
  local e = summary.errors
  io.write(string.format(
    '${RESULT_PREFIX}{"requests":%d,"durationUs":%d,"p50Us":%.1f,"p99Us":%.1f,"statuses":{%s},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    table.concat(codes, ","), e.connect, e.read, e.write, e.timeout))
end
`;
}

/** Runs wrk with the script of `options` and parses its result line. */
async function runWrk(options: HttpLoadOptions, headers: Record<string, string>) {
  for (const { paths } of [options, ...(options.mix ?? [])]) {
    if (paths.length === 0) throw new Error('no path to load');
    for (const path of paths)
      if (!/^\/[\x21-\x7e]*$/.test(path)) throw new Error(`not an ASCII path: ${path}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'midad-wrk-'));
  try {
    const script = join(dir, 'run.lua');
    writeFileSync(script, wrkScript(options, headers));
    const args = [
      `-t${threadsFor(options.connections)}`,
      `-c${options.connections}`,
      `-d${options.duration}s`,
      `--timeout`,
      `${TIMEOUT_S}s`,
      '--latency',
      '-s',
      script,
      `${options.origin}${options.paths[0]}`,
    ];
    const child = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('close', done);
    });
    const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
    if (code !== 0 || line === undefined)
      throw new Error(`wrk ${args.join(' ')} failed (${code}): ${stderr}${stdout}`.slice(0, 2000));
    const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as WrkResult;
    const non2xx = Object.entries(result.statuses)
      .filter(([status]) => !status.startsWith('2'))
      .reduce((n, [, count]) => n + count, 0);
    const { connect, read, write, timeout } = result.errors;
    return {
      rate: result.requests / (result.durationUs / 1e6),
      p50: result.p50Us / 1000,
      p99: result.p99Us / 1000,
      responses: result.requests,
      non2xx,
      errors: connect + read + write + timeout,
      statuses: result.statuses,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One run of `options.duration` seconds: the rate, latency, statuses and
 * the server's CPU time per request and peak memory.
 * @throws Error when the generator fails or prints no result.
 */
export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadFigures> {
  const generator = options.generator ?? defaultGenerator();
  if (generator !== 'wrk' && (options.mix !== undefined || options.pauseMs !== undefined))
    throw new Error('a mix of requests or a pause needs wrk (apt-get install -y wrk)');
  const headers = { ...BROWSER_HEADERS, ...options.headers };
  let peakRss = treeResidentBytes(options.pid);
  const sampler = setInterval(
    () => (peakRss = Math.max(peakRss, treeResidentBytes(options.pid))),
    MEMORY_SAMPLE_MS,
  );
  const cpuBefore = treeCpuMs(options.pid);
  try {
    const figures =
      generator === 'wrk'
        ? await runWrk(options, headers)
        : await runAutocannonWorkers({
            ...options,
            headers,
            workers: threadsFor(options.connections),
          });
    const cpuMs = treeCpuMs(options.pid) - cpuBefore;
    return {
      ...figures,
      generator,
      cpuMs,
      cpuPerRequestUs: figures.responses ? (cpuMs * 1000) / figures.responses : 0,
      peakRss: Math.max(peakRss, treeResidentBytes(options.pid)),
    };
  } finally {
    clearInterval(sampler);
  }
}
