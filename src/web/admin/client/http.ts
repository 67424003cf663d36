/**
 * Requests to the newsroom's JSON endpoints: the CSRF token travels in the
 * `x-csrf-token` header, answers are `unknown` until checked.
 */

export interface JsonAnswer {
  readonly ok: boolean;
  readonly status: number;
  /** The parsed body, or null when it was not JSON. */
  readonly body: unknown;
}

/** The form's `_csrf` value, or '' when it has none. */
export function csrfToken(form: HTMLFormElement | null): string {
  const input = form?.querySelector<HTMLInputElement>('input[name="_csrf"]');
  return input?.value ?? '';
}

/**
 * Sends a request and reads a JSON answer. Network failures come back as
 * status 0 rather than as a thrown error; an abort still throws.
 */
export async function requestJson(url: string, init: RequestInit = {}): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, status: 0, body: null };
  }
  const body: unknown = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body };
}

/** The `{"error":{"message":"…"}}` message in an answer, if there is one. */
export function errorMessage(body: unknown): string | null {
  const error = field(body, 'error');
  const message = field(error, 'message');
  return typeof message === 'string' && message.trim() !== '' ? message : null;
}

/** `value[name]` when value is an object, else undefined. */
export function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}
