/**
 * A browser-like client for the newsroom over `app.inject()`: it keeps
 * cookies, picks up the CSRF token of the last page, and posts forms.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { BROWSER } from './site.js';

export class AdminClient {
  readonly cookies = new Map<string, string>();
  #csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: this.#headers() });
    this.#keep(res);
    return res;
  }

  /**
   * Posts a form; adds the CSRF token of the last page unless `_csrf` is
   * given. A list value sends its field once per item (checkboxes).
   */
  async post(
    url: string,
    form: Record<string, string | string[]> = {},
  ): Promise<LightMyRequestResponse> {
    if (!this.#csrf && !('_csrf' in form)) await this.get('/admin/login');
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...this.#headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(
        Object.entries({ _csrf: this.#csrf, ...form }).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
        ),
      ).toString(),
    });
    this.#keep(res);
    return res;
  }

  /**
   * Posts `body` as JSON with the CSRF token in `x-csrf-token`, as the
   * editor's autosave does; `headers` are added (or replace those).
   */
  async postJson(
    url: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    if (!this.#csrf) await this.get('/admin/login');
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        ...this.#headers(),
        'content-type': 'application/json',
        'x-csrf-token': this.#csrf,
        ...headers,
      },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    this.#keep(res);
    return res;
  }

  /** The CSRF token of the last page seen. */
  get csrfToken(): string {
    return this.#csrf;
  }

  /**
   * Posts one file as `multipart/form-data` (field `file`), as the upload
   * form (`csrf: 'query'`, the default: `?_csrf=` in the URL) or the editor
   * (`csrf: 'header'`: `x-csrf-token`) does; `'none'` sends no token.
   */
  async postFile(
    url: string,
    file: { name: string; bytes: Uint8Array; type?: string },
    options: { csrf?: 'query' | 'header' | 'none' } = {},
  ): Promise<LightMyRequestResponse> {
    const csrf = options.csrf ?? 'query';
    if (!this.#csrf && csrf !== 'none') await this.get('/admin/login');
    const boundary = '----midad-test-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const token = encodeURIComponent(this.#csrf);
    const res = await this.app.inject({
      method: 'POST',
      url: csrf === 'query' ? `${url}${url.includes('?') ? '&' : '?'}_csrf=${token}` : url,
      headers: {
        ...this.#headers(),
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(csrf === 'header' ? { 'x-csrf-token': this.#csrf } : {}),
      },
      payload,
    });
    this.#keep(res);
    return res;
  }

  /** Signs in; returns the response (303 to /admin on success). */
  signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/admin/login', { email, password });
  }

  #headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { 'user-agent': BROWSER, ...(cookie ? { cookie } : {}) };
  }

  #keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const expired =
        c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.#csrf = token;
  }
}
