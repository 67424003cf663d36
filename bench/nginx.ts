/**
 * The top rung of the reference ladder: nginx with one worker process
 * serving the same article page as a static file, its compressed copy
 * through `gzip_static` being the very gzip bytes our server sends,
 * loaded in turn with the cached article page (bench/http.ts). Runs only
 * where Debian's nginx is installed.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNginx } from '../test/helpers/nginx.js';
import { track } from './server-process.js';

/** The configuration: one static server on 127.0.0.1, one worker, no logs, `gzip_static`. */
function nginxConf(dir: string, port: number): string {
  return `daemon off;
master_process on;
worker_processes 1;
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

/** nginx running: where it serves the page, and how to stop it. */
export interface StaticServer {
  /** The page's URL path on `origin`. */
  origin: string;
  path: string;
  /** The master's process (its worker is its child). */
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Serves `html` from nginx in a folder of its own, with `gzip` (its
 * gzip'd bytes) for clients that take gzip, until `stop()`, which also
 * removes the folder.
 * @throws Error with nginx's error log when it does not answer within 10 s.
 */
export async function startNginx(html: Buffer, gzip: Buffer): Promise<StaticServer> {
  // Straight under the temporary folder, readable by all: nginx's workers
  // run as nobody when the master is root, and must reach the files.
  const dir = mkdtempSync(join(tmpdir(), 'midad-bench-nginx-'));
  const www = join(dir, 'www');
  mkdirSync(www);
  writeFileSync(join(www, 'article.html'), html);
  writeFileSync(join(www, 'article.html.gz'), gzip);
  chmodSync(www, 0o755);
  for (const file of ['article.html', 'article.html.gz']) chmodSync(join(www, file), 0o644);
  let pid = 0;
  const { port, stop } = await runNginx({
    dir,
    conf: (port) => nginxConf(dir, port),
    probe: '/article.html',
    ready: (status) => status === 200,
    onSpawn: (child) => {
      track(child);
      pid = child.pid ?? 0;
    },
  });
  const origin = `http://127.0.0.1:${port}`;
  return { origin, path: '/article.html', pid, stop };
}
