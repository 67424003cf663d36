/**
 * A browser signed in to a real server's newsroom over HTTP (`fetch`): it
 * keeps cookies and sends the CSRF token of the last page it read.
 */
import { BROWSER } from './site.js';

export class HttpNewsroom {
  #cookies = new Map<string, string>();
  #csrf = '';
  #location = '';
  constructor(private readonly origin: string) {}

  async #request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.origin}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        'user-agent': BROWSER,
        cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.headers ?? {}),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.#cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return response;
  }

  async get(path: string): Promise<string> {
    const html = await (await this.#request(path)).text();
    this.#csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.#csrf;
    return html;
  }

  async post(path: string, form: Record<string, string>): Promise<number> {
    const response = await this.#request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.#csrf, ...form }).toString(),
    });
    await response.text();
    this.#location = response.headers.get('location') ?? '';
    return response.status;
  }

  /**
   * Signs in as a newsroom user would: the login page (for its CSRF token),
   * then the form. @returns the form's status (303 when signed in).
   */
  async signIn(email: string, password: string): Promise<number> {
    await this.get('/admin/login');
    return this.post('/admin/login', { email, password });
  }

  /** The `Location` of the last POST's answer ('' when it had none). */
  get location(): string {
    return this.#location;
  }
}
