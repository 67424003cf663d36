/**
 * The check of an address the server will fetch or post to on someone's
 * behalf (a webhook, an agency's feed): an http(s) URL without user name or
 * password, no longer than a limit, whose host resolves, and whose every
 * address is public unless private ones are allowed. The caller turns the
 * problem into its own error code (WEBHOOK_*, WIRE_*). The connection
 * itself is checked again at connect time (public-address.ts
 * `checkedLookup`), since DNS may answer differently then.
 */
import { isPublicAddress, resolveAll } from './public-address.js';

/** Why a URL was refused: not an http(s) URL (or too long), a host that does not resolve, a private address. */
export type PublicUrlProblem =
  { kind: 'invalid' } | { kind: 'host-unknown'; host: string } | { kind: 'private'; host: string };

/**
 * Checks `raw` (trimmed first).
 * @returns `{ url }`, the normalised href, or `{ problem }`.
 * @example await checkPublicUrl('ftp://x', { allowPrivate: false, maxLength: 2000 }) // { problem: { kind: 'invalid' } }
 */
export async function checkPublicUrl(
  raw: string,
  options: { allowPrivate: boolean; maxLength: number },
): Promise<{ url: string; problem?: undefined } | { url?: undefined; problem: PublicUrlProblem }> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: { kind: 'invalid' } };
  }
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    url.username !== '' ||
    url.password !== '' ||
    url.href.length > options.maxLength
  )
    return { problem: { kind: 'invalid' } };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = await resolveAll(host);
  } catch {
    return { problem: { kind: 'host-unknown', host } };
  }
  if (!options.allowPrivate && addresses.some((a) => !isPublicAddress(a)))
    return { problem: { kind: 'private', host } };
  return { url: url.href };
}
