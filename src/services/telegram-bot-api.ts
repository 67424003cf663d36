/**
 * Talking to the Telegram Bot API (https://core.telegram.org/bots/api),
 * issue 20: one method call as an HTTPS POST of a JSON body to
 * `<api>/bot<token>/<method>` (`api` is MIDAD_TELEGRAM_API, so a relay or
 * a local fake can stand in), and the text of a post in Telegram's HTML
 * style (`parse_mode: 'HTML'`: only `<b>` and `<a href>` here, with `&`,
 * `<` and `>` escaped as the API asks).
 *
 * The token is a secret: it is in the URL only, and no outcome, error or
 * log line ever carries it (`withoutToken`).
 */

/** What one call came to. */
export type BotApiAnswer<T> =
  /** `ok: true`: the method's `result`. */
  | { kind: 'ok'; result: T }
  /**
   * `ok: false`: Telegram's `error_code` (HTTP status: 400, 401, 403, 404,
   * 429…), its `description` (English, kept for the log) and, for 429, the
   * seconds to wait (`parameters.retry_after`).
   */
  | { kind: 'refused'; status: number; description: string; retryAfterS: number | null }
  /** No answer from the API: the network, a timeout, or an answer that is not the API's JSON. */
  | { kind: 'network'; error: string };

/** How long one call may take, ms. */
export const BOT_API_TIMEOUT_MS = 15_000;

/** Longest caption of a photo, characters after the HTML is parsed (Bot API sendPhoto). */
export const CAPTION_MAX = 1024;
/** Longest text of a message, characters after the HTML is parsed (Bot API sendMessage). */
export const MESSAGE_MAX = 4096;

/** `text` with every occurrence of `token` replaced by `…`, so a token never reaches a log. */
export function withoutToken(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('…');
}

/**
 * Calls `method` with `params` (a JSON body) using the bot `token`.
 * Never throws: a failure is an answer (`refused` or `network`).
 * @example await callBotApi('https://api.telegram.org', token, 'getMe', {})
 */
export async function callBotApi<T>(
  api: string,
  token: string,
  method: string,
  params: Record<string, unknown>,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<BotApiAnswer<T>> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${api}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      signal: AbortSignal.timeout(options.timeoutMs ?? BOT_API_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'network', error: withoutToken(networkReason(error), token) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      kind: 'network',
      error: `HTTP ${response.status}: the answer is not the Bot API's JSON`,
    };
  }
  const answer = body as {
    ok?: unknown;
    result?: unknown;
    error_code?: unknown;
    description?: unknown;
    parameters?: { retry_after?: unknown };
  };
  if (answer.ok === true) return { kind: 'ok', result: answer.result as T };
  if (answer.ok !== false) {
    return {
      kind: 'network',
      error: `HTTP ${response.status}: the answer is not the Bot API's JSON`,
    };
  }
  const retryAfter = answer.parameters?.retry_after;
  return {
    kind: 'refused',
    status: typeof answer.error_code === 'number' ? answer.error_code : response.status,
    description: withoutToken(
      typeof answer.description === 'string' ? answer.description : `HTTP ${response.status}`,
      token,
    ),
    retryAfterS:
      typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0
        ? retryAfter
        : null,
  };
}

/** A short reason for a failed fetch: `timed out after 15 s`, `ECONNREFUSED`, … (never the URL). */
function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timed out';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return `network: ${cause.code}`;
  if (typeof cause?.message === 'string') return `network: ${cause.message}`;
  return 'network: fetch failed';
}

/**
 * Escapes text for Telegram's HTML style: `&` → `&amp;`, `<` → `&lt;`,
 * `>` → `&gt;` (and `"` → `&quot;`, for attribute values).
 * @example escapeTelegramHtml('أ < ب & ج') === 'أ &lt; ب &amp; ج'
 */
export function escapeTelegramHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** What a post says. */
export interface TelegramPostContent {
  headline: string;
  /** The standfirst; '' for none. */
  standfirst: string;
  /** The article's absolute short link: `https://news.example/a/123`. */
  url: string;
}

/**
 * The post in Telegram's HTML: the headline in bold, the standfirst, and
 * the short link, separated by blank lines. Its text, once Telegram parses
 * the HTML, is at most `max` characters (UTF-16 code units, which is what
 * Telegram counts): the standfirst is shortened at a word and ends in `…`
 * when needed, then the headline. Whitespace runs inside the headline and
 * the standfirst become single spaces.
 * @example telegramPostHtml({ headline: 'أ', standfirst: 'ب', url: 'https://x.example/a/1' }, 1024)
 *   === '<b>أ</b>\n\nب\n\n<a href="https://x.example/a/1">https://x.example/a/1</a>'
 */
export function telegramPostHtml(content: TelegramPostContent, max: number): string {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const url = content.url;
  let headline = clean(content.headline);
  let standfirst = clean(content.standfirst);
  // The parsed text: headline + "\n\n" + standfirst + "\n\n" + url.
  const fixed = url.length + 2;
  const room = max - fixed;
  if (headline.length > room) headline = shorten(headline, Math.max(1, room));
  const left = room - headline.length - 2;
  if (standfirst.length > left) standfirst = left >= 2 ? shorten(standfirst, left) : '';
  const parts = [`<b>${escapeTelegramHtml(headline)}</b>`];
  if (standfirst !== '') parts.push(escapeTelegramHtml(standfirst));
  parts.push(`<a href="${escapeTelegramHtml(url)}">${escapeTelegramHtml(url)}</a>`);
  return parts.join('\n\n');
}

/** `text` cut to at most `max` characters, at a space when one is near, ending in `…`. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}
