/**
 * How the reader site answers an old address that nothing serves (issue
 * 15): with its stored redirect; else by the rules for old WordPress and
 * Ghost addresses (domain/old-address-rules.ts), which look up at most one
 * more redirect, by its indexed key. So a 404 costs at most two lookups.
 * Under a section, tag or author page whose address did not change (no
 * redirect), its feed and pages are this site's own: `/tag/x/feed/` →
 * `/tag/x/rss.xml`.
 */
import { isListingPath, oldAddressRule, targetOf } from '../../domain/old-address-rules.js';
import { locationOf } from '../../domain/redirect-path.js';
import type { RedirectFallback } from './error-pages.js';
import { SEARCH_PATH, SITEMAP_INDEX_PATH } from './site-paths.js';

/**
 * The redirect for `pathAndQuery` (a request's path and query, as sent),
 * or null when neither a stored redirect nor a rule gives one.
 *
 * A rule with a redirect underneath answers with that redirect's status
 * code. The others answer 301: an old search (`/?s=`) always means the
 * same search here, and a permanent redirect tells search engines to drop
 * the old address, where a 302 would have them keep it; an old sitemap
 * and an old page of the home page have moved for good as well.
 */
export async function findOldAddress(
  redirects: RedirectFallback,
  pathAndQuery: string,
): Promise<{ to: string; status: number } | null> {
  const stored = await redirects.find(pathAndQuery);
  if (stored !== null) return stored;
  const rule = oldAddressRule(pathAndQuery);
  if (rule === null) return null;
  switch (rule.kind) {
    case 'search':
      return { to: `${SEARCH_PATH}?q=${encodeURIComponent(rule.query)}`, status: 301 };
    case 'sitemap':
      return { to: SITEMAP_INDEX_PATH, status: 301 };
    case 'latest':
      return { to: `/?page=${rule.page}`, status: 301 };
    case 'lookup': {
      // A listing whose slug did not change has no redirect: its own path is its target.
      const under =
        (await redirects.find(rule.key)) ??
        (isListingPath(rule.key) ? { to: locationOf(rule.key), status: 301 } : null);
      const to = under === null ? null : targetOf(under.to, rule.leadsTo);
      return under === null || to === null ? null : { to, status: under.status };
    }
  }
}
