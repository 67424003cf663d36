/**
 * Where the feeds are: `/rss.xml`, `/atom.xml` and `/feed.json` for the
 * whole site, and the same names under a section, tag or author page
 * (`/section/<slug>/rss.xml`), slugs percent-encoded (RFC 3986). Pages link
 * to them with `<link rel="alternate">` so that readers and browsers find
 * them (RSS Autodiscovery; RFC 4287 §7.1 for Atom; JSON Feed 1.1 §"Discovery").
 */
import type { FeedFormat } from '../../domain/feed-path.js';

export { FEED_FILES, feedPath, type FeedFormat, type FeedOwner } from '../../domain/feed-path.js';

/** Every format, in the order pages list them. */
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

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
