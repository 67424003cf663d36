/**
 * The second rung of the reference ladder: a bare Node `http` server (no
 * framework) in a child process on 127.0.0.1, answering every request
 * with one response held in memory: the cached page's exact body bytes
 * (as sent on the wire, compressed) and its headers. What Node itself
 * costs to send that page over keep-alive connections.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, track } from './server-process.js';

/** Headers Node's server sets itself, or that belong to one connection. */
const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The server: read the body and headers once, then answer each request with them. */
const SERVER = `import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
const [port, bodyFile, headersFile] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const headers = JSON.parse(readFileSync(headersFile, 'utf8'));
createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\\n'));
`;

/** The bare server running: where, its process, and how to stop it. */
export interface BareNodeServer {
  origin: string;
  /** Any path answers the same; this is the one to load. */
  path: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Starts the bare server answering `body` with `headers` (those of a
 * response of the real server; connection headers and `date` are left to
 * Node, `content-length` is the body's).
 * @throws Error when it does not listen within 10 s.
 */
export async function startBareNode(
  body: Buffer,
  headers: Record<string, string | string[] | undefined>,
): Promise<BareNodeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'midad-bench-bare-'));
  const kept = Object.fromEntries(
    Object.entries(headers).filter(
      ([name, value]) => value !== undefined && !HOP_HEADERS.has(name.toLowerCase()),
    ),
  );
  kept['content-length'] = String(body.length);
  writeFileSync(join(dir, 'server.mjs'), SERVER);
  writeFileSync(join(dir, 'body'), body);
  writeFileSync(join(dir, 'headers.json'), JSON.stringify(kept));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(dir, 'server.mjs'), String(port), join(dir, 'body'), join(dir, 'headers.json')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  track(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const listening = await Promise.race([
    new Promise<boolean>((done) => child.stdout.once('data', () => done(true))),
    exited.then(() => false),
    new Promise<boolean>((done) => setTimeout(() => done(false), 10_000)),
  ]);
  if (!listening) {
    await stop();
    throw new Error('the bare Node server did not start');
  }
  return { origin: `http://127.0.0.1:${port}`, path: '/article', pid: child.pid ?? 0, stop };
}
