/**
 * A full garbage collection in the bench's server processes, so that
 * memory "at rest" is read after one (issue 21, item 5), not whenever V8's
 * memory reducer happens to run: an idle `midad serve` keeps the young
 * generation it grew (up to 32 MiB) and the garbage of its start for
 * minutes.
 *
 * Only under the bench: the server is started with `--inspect-port=<port>`
 * (server-process.ts), which opens nothing; SIGUSR1 then opens Node's
 * inspector on that port (a cluster's worker k on port + k, as node:cluster
 * numbers them), which prints `Debugger listening on ws://…` on the
 * server's stderr, our log file. Each such address gets the Chrome DevTools
 * Protocol's `HeapProfiler.collectGarbage` over a WebSocket (RFC 6455, the
 * few frames needed: Node 20 has no WebSocket client without a flag), then
 * is asked to close its inspector again once we hang up, so that the runs
 * after a reading are served as before it.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { processTree } from './cpu.js';

/** How long the inspectors may take to open after SIGUSR1, and a call to answer, ms. */
const INSPECTOR_TIMEOUT_MS = 5_000;

/** One masked text frame from the client (RFC 6455 §5.2), payload under 64 KiB. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const head =
    payload.length < 126
      ? Buffer.from([0x81, 0x80 | payload.length])
      : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
  return Buffer.concat([head, mask, payload]);
}

/** The text frames whole in `buffer` (unmasked, from the server), and what is left over. */
function readFrames(buffer: Buffer): { texts: string[]; rest: Buffer } {
  const texts: string[] = [];
  let at = 0;
  while (buffer.length - at >= 2) {
    let length = buffer[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (buffer.length - at < 4) break;
      length = buffer.readUInt16BE(at + 2);
      start = at + 4;
    } else if (length === 127) {
      if (buffer.length - at < 10) break;
      length = Number(buffer.readBigUInt64BE(at + 2));
      start = at + 10;
    }
    if (buffer.length < start + length) break;
    if ((buffer[at]! & 0x0f) === 1) texts.push(buffer.toString('utf8', start, start + length));
    at = start + length;
  }
  return { texts, rest: buffer.subarray(at) };
}

/** Opens the WebSocket at `ws://host:port/path`. */
function connect(url: URL): Promise<Socket> {
  return new Promise((done, fail) => {
    const upgrade = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
      },
      timeout: INSPECTOR_TIMEOUT_MS,
    });
    upgrade.once('upgrade', (_response, socket) => done(socket));
    upgrade.once('response', (response) =>
      fail(new Error(`${url.href} answered ${response.statusCode}, not an upgrade`)),
    );
    upgrade.once('timeout', () => upgrade.destroy(new Error(`${url.href} did not answer`)));
    upgrade.once('error', fail);
    upgrade.end();
  });
}

/** One DevTools Protocol call. */
interface Call {
  method: string;
  params?: Record<string, unknown>;
}

/**
 * Sends `calls` in turn to the inspector at `url`, each waited for, then
 * closes the connection.
 * @returns each call's `result`, in order.
 */
async function callInspector(url: URL, calls: readonly Call[]): Promise<unknown[]> {
  const socket = await connect(url);
  let pending: Buffer = Buffer.alloc(0);
  const answers = new Map<number, (result: unknown) => void>();
  socket.on('data', (chunk: Buffer) => {
    const { texts, rest } = readFrames(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const text of texts) {
      const { id, result } = JSON.parse(text) as { id?: number; result?: unknown };
      if (id !== undefined) answers.get(id)?.(result);
    }
  });
  const results: unknown[] = [];
  try {
    for (const [i, call] of calls.entries()) {
      results.push(
        await new Promise<unknown>((done, fail) => {
          const timer = setTimeout(
            () => fail(new Error(`${call.method} unanswered`)),
            INSPECTOR_TIMEOUT_MS,
          );
          answers.set(i + 1, (result) => {
            clearTimeout(timer);
            done(result);
          });
          socket.write(textFrame(JSON.stringify({ id: i + 1, ...call })));
        }),
      );
    }
  } finally {
    socket.destroy();
  }
  return results;
}

/** Inspector addresses the log `logFile` printed after its first `from` bytes, one per port. */
function inspectorUrls(logFile: string, from: number): URL[] {
  const urls = new Map<string, URL>();
  const log = readFileSync(logFile).subarray(from).toString('utf8');
  for (const match of log.matchAll(/Debugger listening on (ws:\S+)/g)) {
    const url = new URL(match[1]!);
    urls.set(url.port, url);
  }
  return [...urls.values()];
}

/** Closes the inspector once the bench's connection is gone (`inspector.close()` waits for it). */
const CLOSE_INSPECTOR = `void (() => { const inspector = require('node:inspector'); setTimeout(() => inspector.close(), 100); })()`;

/**
 * What a process says of its memory right after the collection, bytes:
 * `process.memoryUsage()` (V8's heap committed and used, memory outside it
 * that V8 is told of: `external`, of which `arrayBuffers` are the backing
 * stores of Buffers, the page cache's included) and V8's own statistics.
 */
export interface HeapReading {
  pid: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Pages of V8's code space (compiled code), part of heapTotal. */
  codeSpace: number;
  /** Compiled code and bytecode with their metadata (v8.getHeapCodeStatistics). */
  code: number;
  bytecode: number;
  /** Memory V8 takes with malloc outside its heap (compiler zones and the like). */
  malloced: number;
}

/**
 * Read in the server through Runtime.evaluate: no `require` (the server is
 * an ES module), its built-in modules through process.getBuiltinModule.
 */
const READ_HEAP = `JSON.stringify((() => {
  const v8 = process.getBuiltinModule('node:v8');
  const usage = process.memoryUsage();
  const code = v8.getHeapCodeStatistics();
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'code_space');
  return {
    pid: process.pid,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    codeSpace: space ? space.physical_space_size : 0,
    code: code.code_and_metadata_size,
    bytecode: code.bytecode_and_metadata_size,
    malloced: v8.getHeapStatistics().malloced_memory,
  };
})())`;

/**
 * A full garbage collection in `pid` and each of its descendants that is a
 * Node process started with `--inspect-port` (see above), whose stderr is
 * `logFile`, then each one's HeapReading. Returns once each has collected
 * and closed its inspector.
 * @returns one reading per process collected.
 * @throws Error when no inspector opened.
 */
export async function collectGarbage(pid: number, logFile: string): Promise<HeapReading[]> {
  // Only the addresses printed from now on: a dead worker's old one is not asked.
  const from = statSync(logFile).size;
  const tree = processTree(pid);
  for (const member of tree) {
    try {
      process.kill(member, 'SIGUSR1');
    } catch {
      // Gone since the tree was read (a worker restarting): nothing to collect.
    }
  }
  const deadline = Date.now() + INSPECTOR_TIMEOUT_MS;
  let urls: URL[] = [];
  while (Date.now() < deadline) {
    urls = inspectorUrls(logFile, from);
    if (urls.length >= tree.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (urls.length === 0) throw new Error(`no inspector opened after SIGUSR1 (see ${logFile})`);
  return Promise.all(
    urls.map(async (url) => {
      const [, read] = await callInspector(url, [
        { method: 'HeapProfiler.collectGarbage' },
        { method: 'Runtime.evaluate', params: { expression: READ_HEAP, returnByValue: true } },
        {
          method: 'Runtime.evaluate',
          params: { expression: CLOSE_INSPECTOR, includeCommandLineAPI: true },
        },
      ]);
      const value = (read as { result?: { value?: unknown } } | undefined)?.result?.value;
      if (typeof value !== 'string') throw new Error(`${url.href}: no memory reading`);
      return JSON.parse(value) as HeapReading;
    }),
  );
}
