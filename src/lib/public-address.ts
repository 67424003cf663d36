/**
 * Telling public internet addresses from loopback, private, link-local and
 * other special ones (by ipaddr.js's ranges, after RFC 6890's registry), so
 * that a webhook cannot be aimed at the server itself or its network
 * (server-side request forgery), and a DNS lookup that checks every
 * address it returns, for the connection itself (so a name cannot resolve
 * to a public address when checked and a private one when connected).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** True when `address` (IPv4 or IPv6, an IPv4-mapped one included) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** Refusal of a private address: `code` ENOTPUBLIC, as a lookup error. */
export class PrivateAddressError extends Error {
  readonly code = 'ENOTPUBLIC';
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, which is not a public address`);
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request that resolves like dns.lookup and fails
 * with PrivateAddressError when any address is not public, unless `allowPrivate`.
 */
export function checkedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupAllOptions | number, callback: LookupCallback) => {
    const all = typeof options === 'object' && options.all === true;
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new PrivateAddressError(hostname, refused.address), []);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), []);
      return all ? callback(null, addresses) : callback(null, first.address, first.family);
    });
  };
}

/** Every address of `hostname`. @throws the lookup's error */
export function resolveAll(hostname: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    );
  });
}
