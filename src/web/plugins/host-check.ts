/**
 * The Host header (or a trusted proxy's X-Forwarded-Host) before any
 * route: a malformed one is answered 400 everywhere, and a well-formed one
 * that is not allowed is answered 400 too, so that a forged Host is never
 * written into a canonical link, a feed, a sitemap or a cached page (issue
 * 13). Answering 400 rather than quietly using an allowed host keeps a
 * misconfigured name visible to the operator, and gives the page cache and
 * any CDN nothing to keep under a forged name. No Host at all (HTTP/1.0)
 * is served only where the Host is written nowhere. Which hosts are allowed:
 * MIDAD_ALLOWED_HOSTS when set; else, with MIDAD_BASE_URL, any (the Host
 * is written nowhere); else the listen address, the address the request
 * came to and `localhost`, on the port it came to (the port given by the
 * system when listening on port 0).
 */
import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import type { Config } from '../../config/schema.js';
import { parseHostHeader, type HostHeader } from '../../lib/host-header.js';

/** Addresses that mean "every interface": not a host anyone can name. */
const WILDCARDS = new Set(['0.0.0.0', '[::]']);

/** Why a request's host is refused, or null when it is accepted. */
export type HostRefusal = 'malformed' | 'not-allowed' | null;

/** An address as it is written in a Host: IPv6 in brackets, IPv4-mapped IPv6 as IPv4. */
function hostLiteral(address: string): string {
  if (!ipaddr.IPv6.isValid(address)) return address.toLowerCase();
  const parsed = ipaddr.IPv6.parse(address);
  return parsed.isIPv4MappedAddress()
    ? parsed.toIPv4Address().toString()
    : `[${parsed.toString()}]`;
}

/** The scheme of a request's links: only http or https, whatever a proxy says. */
function schemeOf(request: FastifyRequest): 'http' | 'https' {
  return request.protocol === 'https' ? 'https' : 'http';
}

/** The host rules of a site, from its settings. */
export interface HostPolicy {
  /** Why `request`'s host is refused, or null when it is served. */
  refusal(request: FastifyRequest): HostRefusal;
  /**
   * The origin of `request`'s links: MIDAD_BASE_URL, else its own scheme
   * and host when that host is allowed, else an allowed one (for the 400
   * page). Never a refused host.
   */
  originOf(request: FastifyRequest): string;
}

/** The host rules of `config` (MIDAD_BASE_URL, MIDAD_ALLOWED_HOSTS, HOST, PORT). */
export function hostPolicy(
  config: Pick<Config, 'baseUrl' | 'allowedHosts' | 'host' | 'port'>,
): HostPolicy {
  const listed = config.allowedHosts === undefined ? null : new Set(config.allowedHosts);
  const listenName = hostLiteral(config.host);
  /** The port a request came to (app.inject() has none: the configured one). */
  const portOf = (request: FastifyRequest) => request.raw.socket?.localPort ?? config.port;

  const isAllowed = (request: FastifyRequest, host: HostHeader): boolean => {
    if (listed) return listed.has(host.host);
    if (config.baseUrl !== undefined) return true;
    const port = portOf(request);
    if ((host.port ?? (schemeOf(request) === 'https' ? 443 : 80)) !== port) return false;
    const local = request.raw.socket?.localAddress;
    return (
      host.hostname === 'localhost' ||
      (host.hostname === listenName && !WILDCARDS.has(listenName)) ||
      (local !== undefined && host.hostname === hostLiteral(local))
    );
  };

  // Nearly every request names the same host, and each is checked twice (the
  // hook, then the origin of its links or cache key): keep the last one parsed.
  let last: { value: string; parsed: HostHeader | null } = { value: '', parsed: null };
  const parse = (value: string): HostHeader | null => {
    if (value !== last.value) last = { value, parsed: parseHostHeader(value) };
    return last.parsed;
  };

  const accepted = (request: FastifyRequest): HostHeader | null => {
    const host = parse(request.host);
    return host && isAllowed(request, host) ? host : null;
  };

  return {
    refusal(request) {
      // HTTP/1.0 allows no Host at all (health checks send none): harmless where it is written nowhere.
      if (request.host === '' && config.baseUrl !== undefined && !listed) return null;
      const host = parse(request.host);
      if (host === null) return 'malformed';
      return isAllowed(request, host) ? null : 'not-allowed';
    },
    originOf(request) {
      if (config.baseUrl !== undefined) return config.baseUrl;
      const host = accepted(request)?.host ?? listed?.values().next().value;
      return `${schemeOf(request)}://${host ?? `localhost:${portOf(request)}`}`;
    },
  };
}
