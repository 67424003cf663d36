/**
 * MIDAD_TRUST_PROXY: which proxies may tell the site a reader's address
 * (X-Forwarded-For), scheme (X-Forwarded-Proto) and host
 * (X-Forwarded-Host). Fastify's `trustProxy` takes them as a list of
 * addresses and CIDRs (@fastify/proxy-addr, which also knows the names
 * `loopback`, `linklocal` and `uniquelocal`); it walks X-Forwarded-For from
 * the right while the hop it came from is trusted, so the reader's address
 * is the first one written by an untrusted hop.
 *
 * `true` (trust every hop) is refused, and so is a range wider than any
 * proxy network (0.0.0.0/0 and the like): then any client's own
 * X-Forwarded-For is believed, and one browser could take a new address
 * for every request and so escape the view beacons' limit, the once-per-
 * reader view count and the sign-in lock of an address (issue 13). A
 * count of hops is refused too: Fastify 5.12 ignores it (it "cannot
 * validate the immediate peer", docs/Reference/Server.md), so every reader
 * would have the proxy's address.
 */
import ipaddr from 'ipaddr.js';

/** The names of ranges that @fastify/proxy-addr knows. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** What to write instead, shown with every refusal. */
const INSTEAD =
  "name the proxies' addresses instead: 127.0.0.1 for nginx on this server, " +
  'or addresses and CIDRs such as 10.0.0.0/8,127.0.0.1';

/** The parsed setting: false (trust no proxy) or the trusted addresses, CIDRs and range names. */
export type TrustedProxies = false | readonly string[];

/** True for an IPv4 or IPv6 address, or a CIDR of either, written plainly. */
function isAddressOrCidr(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  if (extra !== undefined) return false;
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!v4 && !ipaddr.IPv6.isValid(address)) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}

/**
 * Reads MIDAD_TRUST_PROXY: `false`, or a comma-separated list of
 * addresses, CIDRs and the names `loopback`, `linklocal`, `uniquelocal`.
 *
 * @example parseTrustedProxies('10.0.0.0/8, 127.0.0.1') // ['10.0.0.0/8', '127.0.0.1']
 * @returns the setting, or an error message saying what to write instead.
 */
export function parseTrustedProxies(value: string): TrustedProxies | { error: string } {
  const trimmed = value.trim();
  if (trimmed === 'false') return false;
  if (trimmed === 'true') {
    return {
      error: `true would believe the X-Forwarded-For header of any client, so readers could pick their own address; ${INSTEAD}`,
    };
  }
  if (/^\d+$/.test(trimmed)) {
    return {
      error: `a count of proxies is not taken (Fastify ignores it, so every reader would have the proxy's address); ${INSTEAD}`,
    };
  }
  const entries = trimmed.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !RANGE_NAMES.has(entry) && !isAddressOrCidr(entry));
  if (bad !== undefined) {
    return {
      error: `${JSON.stringify(bad)} is not an address, a CIDR or loopback/linklocal/uniquelocal; ${INSTEAD}, or false`,
    };
  }
  const wide = entries.find(isWide);
  if (wide !== undefined) {
    return {
      error: `${JSON.stringify(wide)} takes in much of the Internet, so readers could pick their own address; ${INSTEAD}`,
    };
  }
  return Object.freeze(entries);
}

/**
 * True for a CIDR wider than any proxy network: under /8 for IPv4 (the
 * widest private block, 10.0.0.0/8, RFC 1918) or /7 for IPv6 (the unique
 * local block, fc00::/7, RFC 4193). Trusting 0.0.0.0/0 is `true` under
 * another name (and @fastify/proxy-addr throws on it at start).
 */
function isWide(entry: string): boolean {
  const [address = '', prefix] = entry.split('/');
  if (prefix === undefined) return false;
  return Number(prefix) < (ipaddr.IPv4.isValidFourPartDecimal(address) ? 8 : 7);
}
