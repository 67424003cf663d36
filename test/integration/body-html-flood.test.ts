/**
 * One contributor must not stall the site (issue 13, item 3): a real
 * `midad serve` process is flooded with autosaves of bodies of `<ul><li>`
 * nested 24,000 and 30,000 deep, from two loops (see PACE_MS), while a reader
 * loads an article page. The reader's median latency under the flood stays
 * within twice the idle one (the one place where a latency ratio is
 * asserted, as the issue asks), and every autosave is refused (too deep,
 * or too large; past SAVES_PER_MINUTE, before its body is read), storing
 * nothing.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { SAVES_PER_MINUTE } from '../../src/web/admin/plugin.js';
import { createStaff } from '../helpers/newsroom.js';
import { startServe, stopServe, type ServeProcess } from '../helpers/serve-process.js';
import { BROWSER, SEED_ID } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

/**
 * The attack of the issue (240,000 characters, 60,000 elements deep: over
 * the size limit too), and one under the size limit, 48,000 elements deep.
 */
const DEEP_BODIES = ['<ul><li>'.repeat(30_000), '<ul><li>'.repeat(24_000)];
/**
 * The flood, as a worker thread's script: two loops, each posting the next
 * body when the previous answer is read and `paceMs` have passed since it
 * was sent, while told 'go'; told
 * 'paused', they finish what is in flight and say 'paused'; told 'stop',
 * they report every status and error code.
 */
const FLOOD = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, headers, bodies, paceMs } = workerData;
const statuses = [];
const codes = [];
let state = 'paused';
let wake = () => {};
let idle = 2;
parentPort.on('message', (message) => {
  state = message;
  wake();
});
async function loop(n) {
  for (let i = n; state !== 'stop'; i++) {
    if (state === 'paused') {
      if (--idle === 0) parentPort.postMessage('paused');
      await new Promise((resolve) => { const before = wake; wake = () => { before(); resolve(); }; });
      wake = () => {};
      idle += 1;
      continue;
    }
    const next = Date.now() + paceMs;
    const res = await fetch(url, { method: 'POST', headers, body: bodies[i % bodies.length] });
    statuses.push(res.status);
    codes.push(String((await res.json()).error?.code));
    await new Promise((resolve) => setTimeout(resolve, next - Date.now()));
  }
}
Promise.all([loop(0), loop(1)]).then(() => parentPort.postMessage({ statuses, codes }));
`;

/**
 * Each flooding loop sends at most one body every 100 ms: 20 deep bodies a
 * second in all, 40 times the two-in-flight rate (a save took 4 s).
 * Unpaced, the loops send as fast as the server answers, and any
 * authenticated POST, even a small valid autosave, costs the server about
 * 4 ms of CPU: that saturates it whatever the body, which is a matter of
 * request rates, not of HTML.
 */
const PACE_MS = 100;

/** How long each window of latency samples runs, ms, and how many rounds of idle and flooded windows. */
const WINDOW_MS = 1_500;
const ROUNDS = 3;

/** A newsroom session over real HTTP: cookies kept, the CSRF token of the last page. */
class Session {
  readonly #cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly origin: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(`${this.origin}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        'user-agent': BROWSER,
        cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...init.headers,
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }

  async page(path: string): Promise<string> {
    const html = await (await this.request(path)).text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
    return html;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page('/admin/login');
    const res = await this.request('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, email, password }).toString(),
    });
    expect(res.status).toBe(303);
    await this.page('/admin/articles/new');
  }

  /** The headers of an autosave: session cookie, JSON, CSRF token. */
  jsonHeaders(): Record<string, string> {
    return {
      'user-agent': BROWSER,
      cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': 'application/json',
      'x-csrf-token': this.csrf,
    };
  }

  autosave(path: string, body: Record<string, unknown>): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: this.jsonHeaders(),
      body: JSON.stringify(body),
    });
  }
}

/** Times of loading the article page back to back for `WINDOW_MS` (at least 3 loads), ms. */
async function articleTimes(origin: string): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + WINDOW_MS;
  while (performance.now() < end || times.length < 3) {
    const start = performance.now();
    const res = await fetch(`${origin}/a/${SEED_ID}`, { headers: { 'user-agent': BROWSER } });
    await res.text();
    times.push(performance.now() - start);
    expect(res.status).toBe(200);
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Infinity;
}

describe('a flood of deeply nested autosaves', () => {
  let server: ServeProcess | null = null;
  afterEach(async () => {
    if (server) await stopServe(server);
    server = null;
  });

  it('is refused at once, and article pages stay within twice their idle median', async () => {
    const dbFile = join(testFolder('flood'), 'midad.db');
    const database = await openDatabase({ file: dbFile });
    await createStaff(database, () => new Date());
    await database.close();
    server = await startServe(['--db', dbFile]);
    const { origin } = server;
    const contributor = new Session(origin);
    await contributor.signIn('contributor@news.example', 'contributor password 1');
    const created = await contributor.autosave('/admin/articles/autosave', {
      headline: 'مسودة',
      body_html: '<p>نص</p>',
    });
    expect(created.status).toBe(200);
    const { autosaveUrl } = (await created.json()) as { autosaveUrl: string };

    await articleTimes(origin); // warm-up: the page is rendered and cached

    // The flood runs in a thread of its own, so that sending it never delays the reader's timing.
    const flood = new Worker(FLOOD, {
      eval: true,
      workerData: {
        url: `${origin}${autosaveUrl}`,
        headers: contributor.jsonHeaders(),
        paceMs: PACE_MS,
        bodies: DEEP_BODIES.map((body) => JSON.stringify({ headline: 'مسودة', body_html: body })),
      },
    });
    const said = (word: string) =>
      new Promise<unknown>((resolve, reject) => {
        const listen = (message: unknown) => {
          if (word === 'report' ? typeof message === 'object' : message === word) {
            flood.off('message', listen);
            resolve(message);
          }
        };
        flood.on('message', listen);
        flood.once('error', reject);
      });
    // Idle and flooded windows in turn, so that the machine's other load weighs on both alike.
    const idle: number[] = [];
    const flooded: number[] = [];
    await said('paused');
    for (let round = 0; round < ROUNDS; round++) {
      idle.push(...(await articleTimes(origin)));
      flood.postMessage('go');
      await new Promise((resolve) => setTimeout(resolve, 200)); // both autosaves in flight
      flooded.push(...(await articleTimes(origin)));
      const paused = said('paused');
      flood.postMessage('paused');
      await paused;
    }
    const report = said('report');
    flood.postMessage('stop');
    const { statuses, codes } = (await report) as { statuses: number[]; codes: string[] };
    await flood.terminate();

    console.log(
      `article p50 idle ${median(idle).toFixed(2)} ms (${idle.length} loads), under the flood ` +
        `${median(flooded).toFixed(2)} ms (${flooded.length} loads, ${statuses.length} autosaves)`,
    );
    // Refused for their HTML, then (past SAVES_PER_MINUTE) before their body is read.
    expect(statuses.slice(0, SAVES_PER_MINUTE)).toEqual(
      Array(Math.min(statuses.length, SAVES_PER_MINUTE)).fill(422),
    );
    expect(new Set(statuses.slice(SAVES_PER_MINUTE))).toEqual(
      new Set(statuses.length > SAVES_PER_MINUTE ? [429] : []),
    );
    expect([...new Set(codes)].sort()).toEqual(
      ['BODY_HTML_TOO_DEEP', 'BODY_HTML_TOO_LARGE', 'TOO_MANY_SAVES'].slice(
        0,
        statuses.length > SAVES_PER_MINUTE ? 3 : 2,
      ),
    );
    expect(median(flooded)).toBeLessThanOrEqual(2 * median(idle));
    // Each refusal answered once (a second answer was attempted, and logged with its stack).
    expect(server.output()).not.toContain('FST_ERR_REP_ALREADY_SENT');

    const draft = await contributor.page(autosaveUrl.replace(/autosave$/, 'edit'));
    expect(draft).toContain('>&lt;p>نص&lt;/p></textarea>');
    expect(draft).not.toContain('&lt;ul>');
  }, 300_000);
});
