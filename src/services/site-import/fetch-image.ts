/**
 * Fetching an image from the old site (`midad import --fetch-media`), with
 * the limits of an upload and the guard of a webhook, through the one
 * guarded request (services/outbound-fetch.ts): only http(s); a time limit
 * on the whole exchange; the body read as a stream and dropped past the
 * byte limit; public addresses only unless `allowPrivate`; redirects
 * followed at most `maxRedirects` times, each new address checked the same.
 *
 * The bytes are not judged here beyond an HTML or text `content-type`: the
 * media service sniffs them.
 */
import { OutboundFetchError, outboundFetch } from '../outbound-fetch.js';

export interface FetchLimits {
  /** Longest wait for the whole exchange, redirects included, ms (default 15 s). */
  timeoutMs?: number;
  /** Largest body read, bytes (the upload limit). */
  maxBytes: number;
  /** Allow loopback and private addresses (tests, an old site on the local network). */
  allowPrivate?: boolean;
  /** Redirects followed at most (default 3). */
  maxRedirects?: number;
}

/**
 * An image fetched, or why not, in short English for the import report:
 * `fetch failed: 404`, `fetch failed: ECONNREFUSED`, `not an image (text/html)`,
 * `too large`, `timed out after 15 s`, `refused: … is not a public address`,
 * `too many redirects`, `not an http(s) address`.
 */
export type FetchResult = { ok: true; bytes: Buffer; url: string } | { ok: false; reason: string };

/** Content types that are never an image, whatever the bytes say. */
const NOT_IMAGE = /^(text\/|application\/(json|xml|xhtml\+xml|javascript)\b)/i;

/**
 * Fetches the image at `url`, within `limits`. Never throws: every
 * failure is a `{ ok: false, reason }`.
 * @example await fetchImage('https://old.example/wp-content/uploads/x.jpg', { maxBytes: 10_485_760 })
 */
export async function fetchImage(url: string, limits: FetchLimits): Promise<FetchResult> {
  const answer = await outboundFetch(
    url,
    {
      headers: { accept: 'image/*', 'user-agent': 'Midad-Import/1' },
      refuseContentType: (type) => (NOT_IMAGE.test(type) ? `not an image (${type})` : null),
    },
    limits,
  );
  if (!answer.ok) return { ok: false, reason: answer.reason };
  if (answer.status === 304) {
    answer.discard();
    return { ok: false, reason: 'fetch failed: 304' };
  }
  try {
    return { ok: true, bytes: await answer.bytes(), url: answer.url };
  } catch (error) {
    if (error instanceof OutboundFetchError) return { ok: false, reason: error.reason };
    throw error;
  }
}
