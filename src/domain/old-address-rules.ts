/**
 * Old WordPress and Ghost addresses answered by rule, not by a stored
 * redirect each (issue 15: every old URL keeps working). The reader site
 * asks `oldAddressRule` only for a GET or HEAD that nothing serves and
 * whose own redirect is missing; a rule then names at most one more
 * redirect to look up (the address underneath), or a target that needs
 * none:
 *
 * - `/<permalink>/feed/` (a post's comments feed; `feed/rss2/`, `feed/atom/`…)
 *   → the article; `/<listing>/feed/…` not stored → the listing's feed;
 * - `/<permalink>/amp/` → the article (`?amp=1` is dropped by the key already);
 * - `/<listing>/page/N/` → the new listing's page N (`?page=N`);
 *   `/page/N/` → the home page's page N;
 * - `/index.php/<permalink>/`, `/index.php?p=12` (PATHINFO permalinks) →
 *   as without `index.php`;
 * - `/?s=QUERY` → the search page;
 * - `/?tag=<slug>` → as `/tag/<slug>/`; `/?feed=atom` → as `/feed/atom/`,
 *   `/<listing>/?feed=rss2` → the listing's feed;
 * - the sitemaps of Yoast (`/sitemap_index.xml`, `/post-sitemap.xml`…),
 *   Rank Math (the same names) and WordPress core (`/wp-sitemap.xml`,
 *   `/wp-sitemap-posts-post-1.xml`) → the sitemap index.
 *
 * A site that lived in a folder (`/blog/`) has its query forms and sitemaps
 * under it: those rules take the site's root or a path of one segment.
 */
import { FEED_FILES, type FeedFormat } from './feed-path.js';
import { redirectKey } from './redirect-path.js';

/** What becomes of the target of the redirect looked up. */
export type OldAddressLeadsTo =
  | { kind: 'item' }
  | { kind: 'feed'; format: Extract<FeedFormat, 'rss' | 'atom'> }
  | { kind: 'page'; page: number };

/** How an old address without a redirect of its own is answered. */
export type OldAddressRule =
  /** The search page for `query` (text as typed). */
  | { kind: 'search'; query: string }
  /** The sitemap index. */
  | { kind: 'sitemap' }
  /** The home page's page `page` (2 or more). */
  | { kind: 'latest'; page: number }
  /** Where the redirect of `key` (a redirect key) goes, as `leadsTo` says. */
  | { kind: 'lookup'; key: string; leadsTo: OldAddressLeadsTo };

/** Sitemap files of Yoast SEO and Rank Math (`post-sitemap2.xml`) and of WordPress core (`wp-sitemap*.xml`). */
const OLD_SITEMAP =
  /^(?:sitemap_index|(?:post|page|category|post_tag|author)-sitemap[0-9]*|wp-sitemap(?:-[a-z0-9_-]+)?)\.xml$/;

/** WordPress's feed names after `/feed/` (`feed/(feed|rdf|rss|rss2|atom)/?$`, WP_Rewrite). */
const FEED_SUFFIX = /^(.*)\/feed(?:\/(feed|rdf|rss|rss2|atom))?$/;
const PAGE_SUFFIX = /^(.*)\/page\/([0-9]+)$/;
const AMP_SUFFIX = /^(.*)\/amp$/;
/** A page number the site's listings take (`?page=`, 1–10000). */
const MAX_PAGE = 10000;

/**
 * The rule for the old address `pathAndQuery` (a request's path and query,
 * as sent), or null when none applies.
 *
 * @example oldAddressRule('/2021/01/03/خبر/feed/') // { kind: 'lookup', key: '/2021/01/03/خبر', leadsTo: { kind: 'feed', format: 'rss' } }
 * @example oldAddressRule('/?s=الهلال') // { kind: 'search', query: 'الهلال' }
 */
export function oldAddressRule(pathAndQuery: string): OldAddressRule | null {
  const key = redirectKey(pathAndQuery);
  if (key === null) return null;
  const queryAt = key.indexOf('?');
  const keyPath = queryAt < 0 ? key : key.slice(0, queryAt);
  // What names the item, without the feed asked of it (`?p=12&feed=rss2` → `?p=12`).
  const named = (queryAt < 0 ? '' : key.slice(queryAt + 1))
    .split('&')
    .filter((pair) => pair !== '' && !pair.startsWith('feed='));
  const itemQuery = named.length === 0 ? '' : `?${named.join('&')}`;
  const path = keyPath.replace(/\/index\.php(?=\/|$)/, '') || '/';
  const viaIndex = path !== keyPath;
  const params = queryOf(pathAndQuery);
  const base = path === '/' ? '' : path;

  if (itemQuery !== '') {
    const feed = params.get('feed')?.trim() ?? '';
    if (feed !== '') return lookup(`${path}${itemQuery}`, { kind: 'feed', format: formatOf(feed) });
    return viaIndex ? lookup(`${path}${itemQuery}`, { kind: 'item' }) : null;
  }
  // The query forms of the site's root, or of the folder it lived in.
  if (/^\/[^/]*$/.test(path)) {
    const search = params.get('s')?.trim() ?? '';
    if (search !== '') return { kind: 'search', query: search };
    const tag = params.get('tag')?.trim() ?? '';
    if (tag !== '') return lookup(`${base}/tag/${encodeURIComponent(tag)}`, { kind: 'item' });
    const feed = params.get('feed')?.trim() ?? '';
    if (feed !== '')
      return lookup(`${base}/feed${formatOf(feed) === 'atom' ? '/atom' : ''}`, { kind: 'item' });
  }
  const segments = path.split('/');
  if (segments.length <= 3 && OLD_SITEMAP.test(segments[segments.length - 1] ?? '')) {
    return { kind: 'sitemap' };
  }
  const feed = params.get('feed')?.trim() ?? '';
  if (feed !== '' && path !== '/') return lookup(path, { kind: 'feed', format: formatOf(feed) });

  const feedSuffix = FEED_SUFFIX.exec(path);
  if (feedSuffix?.[1]) {
    return lookup(feedSuffix[1], { kind: 'feed', format: formatOf(feedSuffix[2] ?? 'rss2') });
  }
  const pageSuffix = PAGE_SUFFIX.exec(path);
  if (pageSuffix) {
    const page = Number(pageSuffix[2]);
    if (page < 1 || page > MAX_PAGE) return null;
    const listing = pageSuffix[1] ?? '';
    if (listing === '') return page === 1 ? null : { kind: 'latest', page };
    return lookup(listing, { kind: 'page', page });
  }
  const ampSuffix = AMP_SUFFIX.exec(path);
  if (ampSuffix?.[1]) return lookup(ampSuffix[1], { kind: 'item' });
  return viaIndex && path !== '/' ? lookup(path, { kind: 'item' }) : null;
}

/**
 * Where an old address goes, given the target of the redirect its rule
 * looked up (a site path or URL, as `Location` sends it): an item's is the
 * target itself (a post's comments feed or AMP page is the article); a
 * feed of a section, tag or author page is that page's feed, and of
 * anything else (an article) the target itself; page N is the listing's
 * page N, and null when the target is not a listing.
 *
 * @example targetOf('/section/x', { kind: 'feed', format: 'atom' }) // '/section/x/atom.xml'
 * @example targetOf('/tag/x', { kind: 'page', page: 3 }) // '/tag/x?page=3'
 */
export function targetOf(target: string, leadsTo: OldAddressLeadsTo): string | null {
  const listing = isListingPath(target);
  switch (leadsTo.kind) {
    case 'item':
      return target;
    case 'feed':
      return listing ? `${target}/${FEED_FILES[leadsTo.format]}` : target;
    case 'page':
      if (!listing) return null;
      return leadsTo.page === 1 ? target : `${target}?page=${leadsTo.page}`;
  }
}

/**
 * True for the path of a section, tag or author page of this site
 * (`/tag/x`, escaped or not): an old address under it that has no redirect
 * of its own (the slug did not change) is answered as under its redirect.
 */
export function isListingPath(path: string): boolean {
  return /^\/(?:section|tag|author)\/[^/?#]+$/.test(path);
}

function lookup(address: string, leadsTo: OldAddressLeadsTo): OldAddressRule | null {
  const key = redirectKey(address);
  return key === null || key === '/' ? null : { kind: 'lookup', key, leadsTo };
}

/** `atom` for WordPress's Atom feed names; RSS 0.92, RDF and RSS 2 all become RSS. */
function formatOf(feedName: string): 'rss' | 'atom' {
  return feedName.toLowerCase() === 'atom' ? 'atom' : 'rss';
}

/** The query of `pathAndQuery`, decoded as a form (`+` is a space); malformed escapes kept. */
function queryOf(pathAndQuery: string): URLSearchParams {
  const withoutFragment = pathAndQuery.split('#', 1)[0] ?? '';
  const at = withoutFragment.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : withoutFragment.slice(at + 1));
}
