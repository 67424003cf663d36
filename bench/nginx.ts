/**
 * The yardstick: nginx serving the same article page as a static file
 * (with a gzip'd copy through `gzip_static`), loaded in turn with the
 * cached article page (bench/http.ts). Runs only where Debian's nginx is
 * installed.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, track } from './server-process.js';

export const NGINX = '/usr/sbin/nginx';

/** How long nginx may take to answer after its start, ms. */
const START_TIMEOUT_MS = 10_000;

/** The configuration: one static server on 127.0.0.1, no logs, `gzip_static`. */
function nginxConf(dir: string, port: number): string {
  return `daemon off;
master_process on;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  types { text/html html; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
  }
}
`;
}

/** Waits until nginx answers `url` with a 200, or fails with its error log. */
async function waitUntilAnswering(url: string, dir: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = join(dir, 'error.log');
  throw new Error(
    `nginx did not answer: ${existsSync(log) ? readFileSync(log, 'utf8').slice(-1000) : 'no log'}`,
  );
}

/** nginx running: where it serves the page, and how to stop it. */
export interface StaticServer {
  /** The page's URL path on `origin`. */
  origin: string;
  path: string;
  stop: () => Promise<void>;
}

/**
 * Serves `html` from nginx in a folder of its own (with its gzip'd copy),
 * until `stop()`, which also removes the folder.
 * @throws Error with nginx's error log when it does not answer within 10 s.
 */
export async function startNginx(html: Buffer): Promise<StaticServer> {
  // Straight under the temporary folder, readable by all: nginx's workers
  // run as nobody when the master is root, and must reach the files.
  const dir = mkdtempSync(join(tmpdir(), 'midad-bench-nginx-'));
  const www = join(dir, 'www');
  mkdirSync(www);
  writeFileSync(join(www, 'article.html'), html);
  writeFileSync(join(www, 'article.html.gz'), gzipSync(html, { level: 9 }));
  for (const path of [dir, www]) chmodSync(path, 0o755);
  for (const file of ['article.html', 'article.html.gz']) chmodSync(join(www, file), 0o644);
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConf(dir, port));
  const child = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  track(child);
  const exited = new Promise((done) => child.once('exit', done));
  const stop = async () => {
    // SIGQUIT: nginx's graceful stop; the master ends its workers.
    child.kill('SIGQUIT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(`${origin}/article.html`, dir);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, path: '/article.html', stop };
}
