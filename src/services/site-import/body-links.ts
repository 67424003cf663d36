/**
 * Links between articles in an imported body, rewritten to the new site's
 * addresses: a link to another post of the old site (by permalink, `?p=`,
 * `?page_id=`, an attachment page) becomes `/a/<id>` when that post's new
 * id is known, else the old link's path on this site, which the post's
 * redirect answers once it is in. A link to an address of the old site
 * that this export does not hold (a post of an earlier export file, a
 * category) becomes where an earlier import's redirect sends it. A
 * link's `#fragment` is kept. Other links, to the old site's files or
 * elsewhere, are left alone.
 */
import { escapeHtml } from '../../lib/escape-html.js';

/** Where a link to one of the old site's posts now goes. */
export interface LinkTargets {
  /** The old site's address (`https://example.com`), or null. */
  siteUrl: string | null;
  /** The key of the post an old address (absolute URL or path) leads to, or undefined. */
  postOf(address: string): string | undefined;
  /** The new path of the post `key` (`/a/123`), or null when not known yet. */
  pathOf(key: string): string | null;
  /**
   * The new path of an address of the old site this export does not hold,
   * from the redirects earlier imports stored (earlier-links.ts), or null.
   * `path` is the link's path with its query, without a fragment
   * (`/blog/?p=201`).
   */
  earlierPathOf(path: string): string | null;
}

/** `http://www.example.com` and `https://example.com` are the same site. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** The path and query of `href` when it is on the old site, else null. */
function oldSitePath(href: string, siteHost: string | null): string | null {
  if (href.startsWith('__GHOST_URL__')) return href.slice('__GHOST_URL__'.length) || '/';
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  if (siteHost === null || !/^https?:\/\//i.test(href)) return null;
  try {
    const url = new URL(href);
    if (url.host.replace(/^www\./, '').toLowerCase() !== siteHost) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** `&amp;` and the other entities sanitize-html writes in attributes, undone. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `address` with its percent-escapes in upper and in lower case, and decoded (NFC). */
function escapings(address: string): string[] {
  const upper = address.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
  const lower = address.replace(/%[0-9a-f]{2}/gi, (e) => e.toLowerCase());
  let decoded = address;
  try {
    decoded = decodeURI(address).normalize('NFC');
  } catch {
    // A broken escape: only the spellings as written.
  }
  return [address, upper, lower, decoded];
}

/**
 * The spellings under which the old site's address `address` may be
 * known: as written, its escapes in either case or decoded, each with and
 * without a trailing slash.
 */
function spellings(address: string): string[] {
  const [path = '', query] = address.split(/\?(.*)/s, 2);
  const other = path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : `${path}/`;
  const withQuery = (p: string) => (query === undefined ? p : `${p}?${query}`);
  return [...escapings(address), ...escapings(withQuery(other))];
}

/**
 * The new address of the old site's link `address` (without its fragment),
 * whose path and query are `path`, or null to leave the link as it is.
 */
function newAddressOf(address: string, path: string, targets: LinkTargets): string | null {
  const key = [...spellings(address), ...spellings(path)]
    .map((a) => targets.postOf(a))
    .find((k) => k !== undefined);
  if (key !== undefined) return targets.pathOf(key) ?? path;
  const earlier = targets.earlierPathOf(path);
  if (earlier !== null) return earlier;
  // Ghost's `__GHOST_URL__/x/` means nothing on any site: it becomes `/x/` at least.
  return address.startsWith('__GHOST_URL__') ? path : null;
}

/**
 * `html` (sanitised: attributes double-quoted, as sanitize-html writes
 * them) with every link to a post of the old site rewritten, its
 * `#fragment` kept.
 * @example `<a href="https://old.example/?p=201#s2">` → `<a href="/a/201#s2">`
 */
export function rewriteLinks(html: string, targets: LinkTargets): string {
  const siteHost = targets.siteUrl === null ? null : hostOf(targets.siteUrl);
  return html.replace(/<a\s([^>]*?)href="([^"]*)"/g, (whole, before: string, raw: string) => {
    const href = decodeAttribute(raw);
    const hashAt = href.indexOf('#');
    const address = hashAt < 0 ? href : href.slice(0, hashAt);
    const path = oldSitePath(address, siteHost);
    if (path === null) return whole;
    const to = newAddressOf(address, path, targets);
    if (to === null) return whole;
    const rewritten = hashAt < 0 ? to : `${to}${href.slice(hashAt)}`;
    return rewritten === href ? whole : `<a ${before}href="${escapeHtml(rewritten)}"`;
  });
}
