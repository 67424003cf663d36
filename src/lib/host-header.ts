/**
 * Reading the Host header (or a trusted proxy's X-Forwarded-Host): a host
 * and an optional port, as RFC 9110 §7.2 and RFC 3986 §3.2.2 define them,
 * narrowed to what a browser sends for a web site: a DNS name of letters,
 * digits, hyphens and underscores (IDNs arrive as punycode), an IPv4
 * address, or an IPv6 address in brackets; a port from 1 to 65535. Anything
 * else (spaces, `/`, `@`, `<`, a second colon, non-ASCII) is malformed, and
 * the site answers it 400 rather than write it into a link.
 */
import ipaddr from 'ipaddr.js';

/** A well-formed Host, lower-cased. */
export interface HostHeader {
  /** The host without the port: `news.example`, `127.0.0.1`, `[::1]`. */
  hostname: string;
  /** The port when one was given, else null. */
  port: number | null;
  /** `hostname[:port]`, as it goes into a URL. */
  host: string;
}

/** One DNS label (RFC 1035 §2.3.4: at most 63 characters). */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** True for a DNS name (or a dotted IPv4 address) of at most 253 characters; one final dot allowed. */
function isDnsName(name: string): boolean {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  return bare.length > 0 && bare.length <= 253 && bare.split('.').every((l) => LABEL.test(l));
}

/**
 * Parses a Host header value.
 *
 * @example parseHostHeader('News.Example:8080') // { hostname: 'news.example', port: 8080, host: 'news.example:8080' }
 * @example parseHostHeader('evil.example/x') // null
 * @returns the host, lower-cased, or null when the value is malformed.
 */
export function parseHostHeader(value: string): HostHeader | null {
  const lower = value.toLowerCase();
  let hostname: string;
  let rest: string;
  if (lower.startsWith('[')) {
    const end = lower.indexOf(']');
    const inner = lower.slice(1, end);
    // Zone identifiers (fe80::1%eth0) mean nothing to another machine.
    if (end < 0 || inner.includes('%') || !ipaddr.IPv6.isValid(inner)) return null;
    hostname = lower.slice(0, end + 1);
    rest = lower.slice(end + 1);
  } else {
    const colon = lower.indexOf(':');
    hostname = colon < 0 ? lower : lower.slice(0, colon);
    rest = colon < 0 ? '' : lower.slice(colon);
    if (!isDnsName(hostname)) return null;
  }
  let port: number | null = null;
  if (rest !== '') {
    if (!/^:\d{1,5}$/.test(rest)) return null;
    port = Number(rest.slice(1));
    if (port < 1 || port > 65535) return null;
  }
  return { hostname, port, host: port === null ? hostname : `${hostname}:${port}` };
}
