/**
 * Paths of reader-site pages that other modules send readers to (the
 * rules for old addresses, old-addresses.ts), kept apart from their route
 * modules so that those can import the error pages without a cycle.
 */

/** The search page; its query text is `?q=`. */
export const SEARCH_PATH = '/search';

/** The sitemap index. */
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
