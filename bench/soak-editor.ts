/**
 * The soak's editor: a newsroom session over real HTTP (the tests'
 * HttpNewsroom: cookies and the CSRF token of the last page, as a browser
 * keeps them) that writes an article and publishes it, so that the load runs
 * against a site whose pages are purged as they would be on a news day.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HttpNewsroom } from '../test/helpers/http-newsroom.js';

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
  readonly #newsroom: HttpNewsroom;

  private constructor(newsroom: HttpNewsroom) {
    this.#newsroom = newsroom;
  }

  /**
   * Signs the soak's editor in.
   * @throws Error when the sign-in is refused.
   */
  static async signIn(origin: string): Promise<EditorSession> {
    const newsroom = new HttpNewsroom(origin);
    const status = await newsroom.signIn(EDITOR.email, EDITOR.password);
    if (status !== 303) throw new Error(`the soak's editor could not sign in (status ${status})`);
    return new EditorSession(newsroom);
  }

  /**
   * Writes article number `n` and publishes it.
   * @throws Error when a step is refused.
   */
  async publish(n: number): Promise<Publish> {
    const started = performance.now();
    const newsroom = this.#newsroom;
    const created = await newsroom.post('/admin/articles', {
      headline: `خبر عاجل رقم ${n} من اختبار التحمل`,
      body_html: `<p>نص الخبر رقم ${n}: تتابع الصحيفة التطورات ساعة بساعة وتنشر التفاصيل فور ورودها.</p>`,
    });
    const id = /\/admin\/articles\/(\d+)\/edit/.exec(newsroom.location)?.[1];
    if (!id) throw new Error(`writing an article was refused (status ${created})`);
    await newsroom.get(`/admin/articles/${id}/edit`);
    const moved = await newsroom.post(`/admin/articles/${id}/move`, { move: 'publish' });
    if (moved !== 303) throw new Error(`publishing ${id} was refused (status ${moved})`);
    return { id, ms: performance.now() - started };
  }
}
