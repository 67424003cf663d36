/**
 * `midad serve --workers 2` as real processes on one SQLite file, without
 * Redis: a publish through one worker purges the cached pages of the
 * other (the cluster channel through the primary), views sent to both are
 * all written at the stop, a SIGTERM stops every process with 0, a worker
 * killed is started again, views spooled by workers come back at the next
 * start, and a worker that cannot listen stops the start.
 */
import { createServer } from 'node:net';
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { importDemoContent } from '../../src/importers/demo-content.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { spoolFileBeside, ViewSpool, workerSpoolFile } from '../../src/services/view-spool.js';
import { openDatabase } from '../../src/storage/database.js';
import { findViewCount } from '../../src/storage/repositories/article-views.repository.js';
import { HttpNewsroom } from '../helpers/http-newsroom.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { startServe, stopServe, type ServeProcess } from '../helpers/serve-process.js';
import { BROWSER, NOW, SEED_ID } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

const seed = SEED_ID as ArticleId;

/** A GET or POST over a connection of its own, so that the primary hands each to the next worker. */
function freshRequest(
  url: string,
  method: 'GET' | 'POST' = 'GET',
  userAgent = BROWSER,
): Promise<{ status: number; cache: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { 'user-agent': userAgent } });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          cache: typeof res.headers['x-cache'] === 'string' ? res.headers['x-cache'] : null,
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The pids of the workers that said they listen, by worker number. */
function workerPids(output: string): Map<number, number> {
  const pids = new Map<number, number>();
  for (const line of output.split('\n')) {
    const match = /"pid":(\d+).*"msg":"worker (\d+) of \d+ listening at/.exec(line);
    if (match) pids.set(Number(match[2]), Number(match[1]));
  }
  return pids;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const HEADLINE = 'خبر نشر عبر عامل واحد من عمّال الخادم';

/** A SQLite file holding the demo article, the newsroom's staff, and a draft ready to publish. */
async function siteFile(): Promise<{ file: string; draft: ArticleId }> {
  const file = join(testFolder('serve-workers'), 'midad.db');
  const database = await openDatabase({ file });
  await importDemoContent({ database, now: () => NOW });
  const staff = await createStaff(database, () => NOW);
  const draft = await createDraft({ database, now: () => NOW }, staff.author);
  await saveArticle(
    { database, now: () => NOW },
    staff.author,
    draft,
    content([staff.author.id], { headline: HEADLINE }),
  );
  await database.close();
  return { file, draft };
}

async function viewsOf(file: string): Promise<number> {
  const database = await openDatabase({ file, migrate: false });
  try {
    return (await findViewCount(database.db, seed)) ?? 0;
  } finally {
    await database.close();
  }
}

describe('midad serve --workers 2 on SQLite', () => {
  let server: ServeProcess | null = null;
  afterEach(async () => {
    if (server && server.child.exitCode === null) await stopServe(server, 'SIGKILL');
    server = null;
  }, 120_000);

  it('purges every worker on a publish, writes every view, and stops all processes with 0', async () => {
    const { file, draft } = await siteFile();
    const viewsBefore = await viewsOf(file);
    server = await startServe(['--db', file, '--workers', '2'], {
      MIDAD_VIEW_BEACONS_PER_MINUTE: '1000',
    });
    const origin = server.origin;
    expect(server.output()).toContain(`midad: listening on ${origin} with 2 workers`);
    // Each worker logs its own line, which may reach the pipe after the primary's.
    const started = server;
    await until(() => workerPids(started.output()).size === 2, "both workers' lines");
    const pids = workerPids(server.output());
    expect([...pids.keys()].sort()).toEqual([1, 2]);

    // Both workers hold the home page: four hits in a row over new connections.
    let hits = 0;
    for (let tries = 0; hits < 4 && tries < 20; tries++) {
      const page = await freshRequest(`${origin}/`);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain(HEADLINE);
      hits = page.cache === 'HIT' ? hits + 1 : 0;
    }
    expect(hits).toBe(4);

    // 40 readers' beacons, spread over both workers.
    const beacons = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        freshRequest(`${origin}/views/${SEED_ID}`, 'POST', `${BROWSER} reader/${i}`),
      ),
    );
    expect(beacons.map((b) => b.status)).toEqual(Array(40).fill(204));

    // An editor publishes through one worker; every later request, whichever worker takes it, shows it.
    const newsroom = new HttpNewsroom(origin);
    expect(await newsroom.signIn('editor@news.example', 'editor password 1')).toBe(303);
    await newsroom.get(`/admin/articles/${draft}/edit`);
    expect(await newsroom.post(`/admin/articles/${draft}/move`, { move: 'publish' })).toBe(303);
    // The other worker hears of it through the primary: wait for its first fresh copy.
    await until(
      async () => (await freshRequest(`${origin}/`)).body.includes(HEADLINE),
      'the purge',
    );
    await until(
      async () => (await freshRequest(`${origin}/`)).body.includes(HEADLINE),
      'the purge',
    );
    const after = await Promise.all(
      Array.from({ length: 6 }, () =>
        freshRequest(`${origin}/`).then((p) => p.body.includes(HEADLINE)),
      ),
    );
    expect(after).toEqual(Array(6).fill(true));

    expect(await stopServe(server)).toBe(0);
    expect(server.output()).toContain('midad: SIGTERM: stopping 2 workers');
    for (const pid of pids.values()) expect(isRunning(pid)).toBe(false);
    expect(await viewsOf(file)).toBe(viewsBefore + 40);
  }, 120_000);

  it('starts a killed worker again, and takes back the views workers spooled', async () => {
    const { file } = await siteFile();
    const viewsBefore = await viewsOf(file);
    // Views a previous run's worker 2 spooled at its stop.
    new ViewSpool(workerSpoolFile(spoolFileBeside(file), 2)).write(new Map([[seed, 7]]), NOW);
    server = await startServe(['--db', file, '--workers', '2']);
    expect(server.output()).toContain(
      `added 7 views kept in ${workerSpoolFile(spoolFileBeside(file), 2)}`,
    );
    expect(existsSync(workerSpoolFile(spoolFileBeside(file), 2))).toBe(false);
    expect(await viewsOf(file)).toBe(viewsBefore + 7);

    const first = server;
    await until(() => workerPids(first.output()).has(2), "worker 2's line");
    const killed = workerPids(server.output()).get(2)!;
    process.kill(killed, 'SIGKILL');
    const current = server;
    await until(
      () =>
        current
          .output()
          .includes(`midad: worker 2 (pid ${killed}) was killed by SIGKILL; starting another in `),
      'the restart',
    );
    await until(() => workerPids(current.output()).get(2) !== killed, 'the new worker 2');
    const pids = workerPids(server.output());
    expect(isRunning(pids.get(2)!)).toBe(true);
    for (let i = 0; i < 4; i++)
      expect((await freshRequest(`${server.origin}/a/${SEED_ID}`)).status).toBe(200);

    expect(await stopServe(server)).toBe(0);
    for (const pid of pids.values()) expect(isRunning(pid)).toBe(false);
  }, 120_000);

  it('stops the start with a clear message when the workers cannot listen', async () => {
    const { file } = await siteFile();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const started = startServe(['--db', file, '--workers', '2', '--port', String(port)]);
      const error = await started.then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/^server exited with 1:/);
      expect(error?.message).toContain(`port ${port} is already in use`);
      expect(error?.message).toMatch(
        /midad: worker [12] exited with code 1 before it listened \(its message is above\)/,
      );
    } finally {
      taken.close();
    }
  }, 120_000);
});
