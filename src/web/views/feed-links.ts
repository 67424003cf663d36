/**
 * Where the feeds are: `/rss.xml`, `/atom.xml` and `/feed.json` for the
 * whole site, and the same names under a section, tag or author page
 * (`/section/<slug>/rss.xml`), slugs percent-encoded (RFC 3986). Pages link
 * to them with `<link rel="alternate">` so that readers and browsers find
 * them (RSS Autodiscovery; RFC 4287 §7.1 for Atom; JSON Feed 1.1 §"Discovery").
 */

export type FeedFormat = 'rss' | 'atom' | 'json';

/** Every format, in the order pages list them. */
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** The file name of each format. */
export const FEED_FILES: Readonly<Record<FeedFormat, string>> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
};

/** The media type each format is served and announced with. */
export const FEED_MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** Each format's name as readers know it, for link titles. */
export const FEED_NAMES: Readonly<Record<FeedFormat, string>> = {
  rss: 'RSS',
  atom: 'Atom',
  json: 'JSON Feed',
};

/** Whose articles a feed lists: the site's, or a section's, tag's or author's. */
export type FeedOwner = { kind: 'site' } | { kind: 'section' | 'tag' | 'author'; slug: string };

/** The path of a feed. @example feedPath({ kind: 'tag', slug: 'سوريا' }, 'atom') // '/tag/%D8%B3…/atom.xml' */
export function feedPath(owner: FeedOwner, format: FeedFormat): string {
  const base = owner.kind === 'site' ? '' : `/${owner.kind}/${encodeURIComponent(owner.slug)}`;
  return `${base}/${FEED_FILES[format]}`;
}
