/**
 * The soak's editor: a newsroom session over real HTTP (fetch, with the
 * session cookie and the CSRF token of the last page, as a browser keeps
 * them) that writes an article and publishes it, so that the load runs
 * against a site whose pages are purged as they would be on a news day.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BROWSER_AGENT } from './load.js';

/** The editor the soak creates and signs in as. */
const EDITOR = { email: 'soak-editor@bench.example', password: 'soak editor password 1' };

/**
 * Adds the soak's editor to the database with `midad user add` (the real
 * CLI, password on standard input).
 * @param root the checkout (where bin/midad.js is).
 * @throws Error with the CLI's output when it fails.
 */
export function addEditor(root: string, target: { file: string } | { url: string }): void {
  const where = 'url' in target ? ['--database', target.url] : ['--db', target.file];
  const added = spawnSync(
    process.execPath,
    [
      join(root, 'bin', 'midad.js'),
      'user',
      'add',
      ...where,
      '--email',
      EDITOR.email,
      '--name',
      'محرر الاختبار',
      '--role',
      'editor',
      '--password-stdin',
    ],
    { input: `${EDITOR.password}\n`, encoding: 'utf8' },
  );
  if (added.status !== 0)
    throw new Error(`midad user add failed: ${added.stderr || added.stdout}`.trim());
}

/** One publish: the new article's id and how long writing and publishing took, ms. */
export interface Publish {
  id: string;
  ms: number;
}

/** A signed-in newsroom session against `origin`. */
export class EditorSession {
  readonly #origin: string;
  readonly #cookies = new Map<string, string>();
  #csrf = '';

  private constructor(origin: string) {
    this.#origin = origin;
  }

  /**
   * Signs the soak's editor in.
   * @throws Error when the login page or the sign-in does not answer as expected.
   */
  static async signIn(origin: string): Promise<EditorSession> {
    const session = new EditorSession(origin);
    await session.#request('GET', '/admin/login');
    const signedIn = await session.#request('POST', '/admin/login', EDITOR);
    if (signedIn.status !== 303 || !session.#cookies.size)
      throw new Error(`the soak's editor could not sign in (status ${signedIn.status})`);
    return session;
  }

  /**
   * Writes article number `n` and publishes it.
   * @throws Error when a step is refused.
   */
  async publish(n: number): Promise<Publish> {
    const started = performance.now();
    const created = await this.#request('POST', '/admin/articles', {
      headline: `خبر عاجل رقم ${n} من اختبار التحمل`,
      body_html: `<p>نص الخبر رقم ${n}: تتابع الصحيفة التطورات ساعة بساعة وتنشر التفاصيل فور ورودها.</p>`,
    });
    const id = /\/admin\/articles\/(\d+)\/edit/.exec(created.location)?.[1];
    if (!id) throw new Error(`writing an article was refused (status ${created.status})`);
    await this.#request('GET', `/admin/articles/${id}/edit`);
    const moved = await this.#request('POST', `/admin/articles/${id}/move`, { move: 'publish' });
    if (moved.status !== 303)
      throw new Error(`publishing ${id} was refused (status ${moved.status})`);
    return { id, ms: performance.now() - started };
  }

  async #request(
    method: 'GET' | 'POST',
    path: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; location: string }> {
    const cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.#origin}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        'user-agent': BROWSER_AGENT,
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams({ _csrf: this.#csrf, ...form }).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.#csrf = token;
    return { status: response.status, location: response.headers.get('location') ?? '' };
  }
}
