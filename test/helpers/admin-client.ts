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

  /** Posts a form; adds the CSRF token of the last page unless `_csrf` is given. */
  async post(url: string, form: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    if (!this.#csrf && !('_csrf' in form)) await this.get('/admin/login');
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...this.#headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: this.#csrf, ...form }).toString(),
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
