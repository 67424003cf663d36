/**
 * Debian's nginx as the reverse proxy of docs/deploy.md, in front of a
 * `midad serve` process, for the tests of what readers can forge through
 * it. The proxy lines (`proxy_set_header …`) are read from the deployment
 * doc's nginx example, so the test checks what operators copy. Where
 * /usr/sbin/nginx is missing the tests skip with a visible message, except
 * under CI=true, where they fail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send } from './raw-http.js';

export const NGINX = '/usr/sbin/nginx';

const DEPLOY_DOC = new URL('../../docs/deploy.md', import.meta.url);

/** How long nginx may take to answer after its start, ms. */
const START_TIMEOUT_MS = 10_000;

/** True when the nginx tests can run; prints why not, or throws under CI. */
export function nginxAvailable(): boolean {
  if (existsSync(NGINX)) return true;
  const message = `${NGINX} is missing: install it with \`apt-get install -y nginx\``;
  if (process.env.CI === 'true') throw new Error(`${message} (CI must run the nginx tests)`);
  console.warn(`SKIPPING nginx tests: ${message}`);
  return false;
}

/**
 * The `proxy_set_header` lines of the first nginx example in
 * docs/deploy.md, as written there.
 * @throws Error when the doc has no such example.
 */
export function documentedProxyHeaders(): string[] {
  const doc = readFileSync(DEPLOY_DOC, 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const lines = block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('proxy_set_header '));
  if (lines.length === 0)
    throw new Error('docs/deploy.md has no nginx example with proxy_set_header');
  return lines;
}

/** A free TCP port on 127.0.0.1 (free when asked; nginx takes it just after). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function nginxConf(dir: string, port: number, upstream: string, headers: string[]): string {
  return `daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name news.example;
    location / {
      proxy_pass ${upstream};
      ${headers.join('\n      ')}
    }
  }
}
`;
}

/** nginx running: its port, and how to stop it. */
export interface RunningNginx {
  port: number;
  stop(): Promise<void>;
}

/**
 * Runs nginx (not as a daemon) from folder `dir` on a free port of
 * 127.0.0.1, with the configuration `conf(port)`, and waits until a GET of
 * `probe` answers with a status `ready` accepts. `stop()` ends it (SIGQUIT,
 * nginx's graceful stop; SIGKILL after 5 s) and removes `dir`. Shared by
 * the proxy tests and the bench's static yardstick (bench/nginx.ts).
 * @throws Error with nginx's error log when it is not ready within 10 s.
 */
export async function runNginx(options: {
  dir: string;
  conf: (port: number) => string;
  probe: string;
  ready: (status: number) => boolean;
  onSpawn?: (child: ChildProcess) => void;
}): Promise<RunningNginx> {
  const { dir } = options;
  // nginx's workers run as nobody when the master is root: they must reach the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), options.conf(port));
  const child = spawn(
    NGINX,
    ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')],
    { stdio: 'ignore' },
  );
  options.onSpawn?.(child);
  const exited = new Promise((done) => child.once('exit', done));
  const stop = async () => {
    child.kill('SIGQUIT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if (options.ready((await send(port, { path: options.probe })).status)) return { port, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = join(dir, 'error.log');
  const text = existsSync(log) ? readFileSync(log, 'utf8').slice(-1000) : 'no log';
  await stop();
  throw new Error(`nginx did not answer: ${text}`);
}

/**
 * Starts nginx on a free port of 127.0.0.1, proxying everything to
 * `upstream` (`http://127.0.0.1:<port>`) with the documented headers,
 * until `stop()`, which also removes its folder.
 * @throws Error with nginx's error log when it does not answer within 10 s.
 */
export function startNginxProxy(upstream: string): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'midad-test-nginx-'));
  return runNginx({
    dir,
    conf: (port) => nginxConf(dir, port, upstream, documentedProxyHeaders()),
    probe: '/favicon.ico',
    ready: (status) => status < 500,
  });
}
