/**
 * The `Onion-Location` header (Tor Project, "Onion-Location",
 * community.torproject.org/onion-services/advanced/onion-location/): on an
 * HTML page of a site that is also an onion service, Tor Browser offers the
 * reader the same page at the onion address. Its value is the onion
 * address followed by the request's path and query, so the reader lands on
 * the page they asked for. It is not sent to a request made to the onion
 * address itself (its Host, or a proxy's X-Forwarded-Host, names it).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { OnionAddress } from '../../domain/alternate-addresses.js';

/** The host a Host or X-Forwarded-Host value names, lower case, without its port. */
function hostNamed(value: string | string[] | undefined): string {
  const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0] ?? '';
  return first
    .trim()
    .toLowerCase()
    .replace(/:[0-9]*$/, '');
}

/**
 * The `Onion-Location` value for a request of `url` (path and query, in
 * origin form) with `headers`, or null: no onion address, a URL not in
 * origin form, or a request to the onion address itself.
 * @example onionLocation({ host: 'x…d.onion', url: 'http://x…d.onion' }, '/a/1?p=2', { host: 'news.example' }) // 'http://x…d.onion/a/1?p=2'
 */
export function onionLocation(
  onion: OnionAddress | null | undefined,
  url: string,
  headers: IncomingHttpHeaders,
): string | null {
  if (!onion || url[0] !== '/') return null;
  if (hostNamed(headers.host) === onion.host) return null;
  if (hostNamed(headers['x-forwarded-host']) === onion.host) return null;
  return `${onion.url}${url}`;
}
