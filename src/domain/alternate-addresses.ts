/**
 * Alternate addresses of the site (issue 22): the mirrors (copies of the
 * site on other hosts, IPFS or IPNS) and the onion address (the site as a
 * Tor onion service), which readers use when the main domain is blocked.
 * An administrator lists them; they are one setting, stored as JSON
 * (`{"onion":"http://….onion","mirrors":[{"url":"…","label":"…"}]}`).
 * Plain data and rules, no I/O.
 *
 * An onion address is checked as Tor's rend-spec-v3 §6 ("Encoding onion
 * addresses") defines it: 56 base32 characters (RFC 4648 §6) encoding
 * PUBKEY (32 bytes) | CHECKSUM (2) | VERSION (1, 0x03), where CHECKSUM is
 * the first two bytes of SHA3-256(".onion checksum" | PUBKEY | VERSION);
 * so a mistyped character is caught. Version 2 addresses (16 characters)
 * have not worked since Tor 0.4.6 (2021).
 *
 * The onion address is the origin alone (`http://` or `https://`, the
 * host, no port, path or query): `Onion-Location` is "a valid URL with
 * http: or https: protocol and a .onion hostname" that Tor Browser opens
 * as it is, like a `Refresh` to it (tor-browser-spec, proposal
 * "onion-location", §2.2), so the site sends each page's own path after
 * the origin (web/cache/onion-location.ts). A path in the setting would
 * come before every page's path, where the onion service (the same Midad,
 * at its root) has no page.
 */
import { createHash } from 'node:crypto';
import { storedObject } from './stored-json.js';

/** The reader page that lists them (the footer links it when any is set). */
export const MIRRORS_PATH = '/mirrors';

/** The settings key of the alternate addresses. */
export const ALTERNATE_ADDRESSES_SETTING = 'alternate_addresses';

/** Most mirrors listed. */
export const MAX_MIRRORS = 20;
/** Longest mirror URL, characters. */
export const MAX_MIRROR_URL_LENGTH = 2000;
/** Longest mirror label, characters. */
export const MAX_MIRROR_LABEL_LENGTH = 100;

/** URL schemes a mirror may have: the web, and IPFS/IPNS addresses. */
const MIRROR_SCHEMES = new Set(['http:', 'https:', 'ipfs:', 'ipns:']);

/** A mirror of the site: its absolute URL, and a label ('' for none). */
export interface Mirror {
  url: string;
  label: string;
}

/** The site's onion service. */
export interface OnionAddress {
  /** The v3 onion host, lower case: `<56 base32 characters>.onion`. */
  host: string;
  /** `http://<host>` or `https://<host>`, no trailing slash: a request's path and query follow it. */
  url: string;
}

/** The alternate addresses of the site. */
export interface AlternateAddresses {
  onion: OnionAddress | null;
  mirrors: Mirror[];
}

/** None set. */
export const NO_ALTERNATE_ADDRESSES: AlternateAddresses = Object.freeze({
  onion: null,
  mirrors: [],
}) as AlternateAddresses;

/** The newsroom's form as sent: the onion address, and the mirrors' rows in order (empty ones too). */
export interface AlternateAddressesInput {
  onion: string;
  mirrors: Mirror[];
}

/** The form field of row `n`'s URL or label (counted from 1): `mirror-url-3`. */
export const mirrorField = (part: 'url' | 'label', n: number): string => `mirror-${part}-${n}`;

/** Whether any alternate address is set (the footer then links `/mirrors`). */
export function hasAlternateAddresses(addresses: AlternateAddresses): boolean {
  return addresses.onion !== null || addresses.mirrors.length > 0;
}

/** Why a mirror URL is refused: too long, with a user or password (every reader would see them), or not one. */
export type MirrorUrlProblem = 'too-long' | 'credentials' | 'invalid';

/**
 * Why `url` is not a mirror's URL, or null when it is one: an absolute
 * http, https, ipfs or ipns URL (WHATWG URL), without user or password,
 * of at most MAX_MIRROR_URL_LENGTH characters.
 * @example mirrorUrlProblem('ftp://x.example/') // 'invalid'
 * @example mirrorUrlProblem('https://u:p@x.example/') // 'credentials'
 */
export function mirrorUrlProblem(url: string): MirrorUrlProblem | null {
  if (url.length > MAX_MIRROR_URL_LENGTH) return 'too-long';
  if (/\s/.test(url)) return 'invalid';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  if (!MIRROR_SCHEMES.has(parsed.protocol) || parsed.host === '') return 'invalid';
  return parsed.username === '' && parsed.password === '' ? null : 'credentials';
}

/**
 * Why an onion address is refused: a v2 one; a mistyped v3 one; a path,
 * query or fragment after the host; a host that is not `.onion`; a user or
 * password; anything else (another scheme, a port, no v3 address).
 */
export type OnionProblem = 'v2' | 'checksum' | 'path' | 'not-onion' | 'credentials' | 'invalid';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** The bytes of lower-case base32 `text` (RFC 4648 §6, no padding; its length a multiple of 8). */
function base32Bytes(text: string): Buffer {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** Whether the 56 characters of a v3 address carry version 3 and its checksum (rend-spec-v3 §6). */
function v3ChecksumHolds(label: string): boolean {
  const bytes = base32Bytes(label);
  const pubkey = bytes.subarray(0, 32);
  const version = bytes.subarray(34, 35);
  if (version[0] !== 3) return false;
  const checksum = createHash('sha3-256')
    .update('.onion checksum')
    .update(pubkey)
    .update(version)
    .digest()
    .subarray(0, 2);
  return checksum.equals(bytes.subarray(32, 34));
}

/**
 * The onion address `text` names: an http or https URL (WHATWG URL; the
 * scheme may be left out, for http) whose host is a v3 onion address, with
 * no port, user, path (but `/`), query or fragment. Letters may be in
 * either case.
 * @example readOnionAddress('HTTP://<56 chars>.onion/') // { onion: { host: '<56 chars>.onion', url: 'http://<56 chars>.onion' } }
 * @example readOnionAddress('<56 chars>.onion/news') // { problem: 'path' }
 */
export function readOnionAddress(
  text: string,
): { onion: OnionAddress } | { problem: OnionProblem } {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return { problem: 'invalid' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'invalid' };
  if (url.username !== '' || url.password !== '') return { problem: 'credentials' };
  const host = url.hostname;
  if (!host.endsWith('.onion')) return { problem: 'not-onion' };
  const label = host.slice(0, -'.onion'.length);
  if (!/^[a-z2-7]+$/.test(label) || url.port !== '') return { problem: 'invalid' };
  if (label.length === 16) return { problem: 'v2' };
  if (label.length !== 56) return { problem: 'invalid' };
  if (!v3ChecksumHolds(label)) return { problem: 'checksum' };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return { problem: 'path' };
  return { onion: { host, url: `${url.protocol}//${host}` } };
}

/** The stored form of `addresses`, or null for none (the setting is removed). */
export function formatAlternateAddresses(addresses: AlternateAddresses): string | null {
  if (!hasAlternateAddresses(addresses)) return null;
  return JSON.stringify({ onion: addresses.onion?.url ?? null, mirrors: addresses.mirrors });
}

/**
 * The addresses of a stored setting. What does not pass the form's checks
 * (a hand-edited value) is left out, and the rest kept; unreadable JSON
 * is none.
 */
export function parseAlternateAddresses(value: string | null): AlternateAddresses {
  const stored = storedObject(value);
  if (stored === null) return NO_ALTERNATE_ADDRESSES;
  const { onion, mirrors } = stored;
  const read = typeof onion === 'string' ? readOnionAddress(onion) : null;
  const list = Array.isArray(mirrors) ? (mirrors as unknown[]) : [];
  return {
    onion: read !== null && 'onion' in read ? read.onion : null,
    mirrors: list
      .filter(
        (m): m is Mirror =>
          typeof m === 'object' &&
          m !== null &&
          typeof (m as Mirror).url === 'string' &&
          typeof (m as Mirror).label === 'string' &&
          mirrorUrlProblem((m as Mirror).url) === null &&
          (m as Mirror).label.length <= MAX_MIRROR_LABEL_LENGTH,
      )
      .slice(0, MAX_MIRRORS)
      .map((m) => ({ url: m.url, label: m.label })),
  };
}
