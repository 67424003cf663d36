/**
 * The one place where a CDN is told to drop its copies: after each public
 * change, the originating instance calls `purge` with the surrogate keys
 * the change made stale (domain/public-change.ts), which a CDN holds as
 * Fastly surrogate keys or Cloudflare cache tags (sent by cached-pages.ts).
 *
 * Built in: `httpCdnPurge(url)` POSTs `{"keys": [...]}` (or `{"all": true}`)
 * as JSON to MIDAD_CDN_PURGE_URL, for a small relay that holds the CDN's
 * credentials and calls its purge API (Fastly: `POST /service/{id}/purge`
 * with `Surrogate-Key`; Cloudflare: `POST /zones/{id}/purge_cache` with
 * `tags`). Another CDN plugs in as another `CdnPurge`.
 */

/** Tells a CDN to drop the pages labelled with `keys`, or every page. Never throws. */
export type CdnPurge = (keys: readonly string[] | 'all') => Promise<void>;

/** How long the purge relay may take to answer, ms. */
const PURGE_TIMEOUT_MS = 5000;

/**
 * A CdnPurge that POSTs the keys to `url`; failures (a refusal, a timeout)
 * go to `onError` and the change is not retried: the CDN's copies then
 * expire at their `s-maxage`.
 */
export function httpCdnPurge(url: string, onError: (error: unknown) => void): CdnPurge {
  return async (keys) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(keys === 'all' ? { all: true } : { keys }),
        signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`the CDN purge relay answered ${response.status}`);
    } catch (error) {
      onError(error);
    }
  };
}
