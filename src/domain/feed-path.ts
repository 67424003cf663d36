/**
 * Where the feeds are: `/rss.xml`, `/atom.xml` and `/feed.json` for the
 * whole site, and the same names under a section, tag or author page
 * (`/section/<slug>/rss.xml`), slugs percent-encoded (RFC 3986 §2.1).
 * Shared by the site's routes and pages and by the site import's
 * redirects from old feeds.
 */

export type FeedFormat = 'rss' | 'atom' | 'json';

/** The file name of each format. */
export const FEED_FILES: Readonly<Record<FeedFormat, string>> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
};

/** Whose articles a feed lists: the site's, or a section's, tag's or author's. */
export type FeedOwner = { kind: 'site' } | { kind: 'section' | 'tag' | 'author'; slug: string };

/** The path of a feed. @example feedPath({ kind: 'tag', slug: 'سوريا' }, 'atom') // '/tag/%D8%B3…/atom.xml' */
export function feedPath(owner: FeedOwner, format: FeedFormat): string {
  const base = owner.kind === 'site' ? '' : `/${owner.kind}/${encodeURIComponent(owner.slug)}`;
  return `${base}/${FEED_FILES[format]}`;
}
