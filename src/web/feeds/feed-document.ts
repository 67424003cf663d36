/**
 * One feed in RSS 2.0, Atom 1.0 (RFC 4287) or JSON Feed 1.1, written by the
 * `feed` library. What we add is what the library leaves to its caller or
 * gets wrong for a news site:
 *
 * - RSS `<title>` is plain text (RSS 2.0 spec), Atom's `type="html"` title
 *   and summaries are HTML, so the headline is HTML-escaped for Atom only.
 * - RSS `<author>` must be an e-mail address: bylines go in `dc:creator`.
 * - Atom `category` needs `term` (RFC 4287 §4.2.2).
 * - feed 6 writes JSON Feed 1 (`author`); the JSON is moved to 1.1
 *   (`version`, `language`, `authors`), and an excerpt is `content_text`.
 *
 * - Whatever the stored text holds, the XML stays well-formed (a reader
 *   refuses the whole feed otherwise): characters XML 1.0 forbids are
 *   removed from every string; the library leaves `<` unescaped in
 *   attributes (Atom `category` `term` and `label`) and splits only the
 *   first `]]>` of a CDATA section, and declares `dc:` only when the feed
 *   has full content. See `xmlSafe`.
 *
 * The site's mirrors (issue 22) are named in the feed itself, so that a
 * reader whose feed reader still reaches it finds a way back when the main
 * domain is blocked: in RSS an `atom:link rel="alternate"` each (RSS 2.0
 * sets no limit); in Atom a `link rel="related"` each, since RFC 4287
 * §4.1.1 allows one `alternate` link per type and language, which the
 * feed's page has; in JSON Feed, which has no such links, the custom
 * object `_mirrors` (JSON Feed 1.1, "Extensions"), its `about` the site's
 * page of alternate addresses.
 *
 * Dates: RSS `pubDate` is RFC 822 (`Sat, 18 Jan 2020 09:43:00 GMT`); Atom
 * and JSON Feed use RFC 3339 in UTC. Every URL is absolute. An item's
 * modification date (Atom `updated`, JSON `date_modified`) is the
 * article's `modifiedAt`, which a correction, an update note or a live
 * update moves and a silent edit does not; the feed's own (`lastBuildDate`,
 * `updated`) is the newest of its items'.
 *
 * An item's content starts with its lead (FeedArticle `leadHtml`: public
 * notes, then a live article's newest updates), then the body in `full`
 * feeds. In `excerpt` feeds an item with a lead has content too: the lead
 * and the standfirst, so that a reader who shows the content instead of
 * the summary still sees the standfirst; one without has none.
 */
import { Feed, type Author, type Item } from 'feed';
import { removeXmlForbidden } from '../../arabic/clean.js';
import { mediaFileUrl, originalMime } from '../../domain/media.js';
import type { Mirror } from '../../domain/alternate-addresses.js';
import type { Article } from '../../domain/article.js';
import { escapeHtml } from '../../lib/escape-html.js';
import type { FeedFormat } from '../views/feed-links.js';
import { absoluteHtml } from './absolute-html.js';

/** The feed as a whole. URLs are absolute. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed follows (home, section, tag or author page). */
  pageUrl: string;
  /** The feed's own URL in each format (self links and autodiscovery). */
  feedUrls: Readonly<Record<FeedFormat, string>>;
  siteName: string;
  origin: string;
  /** The site's logo, a square PNG. */
  logoUrl: string;
  copyright: string;
  /** `full`: the body goes in the feed; `excerpt`: only the standfirst. */
  content: 'full' | 'excerpt';
  /** The site's mirrors, in the administrator's order. */
  mirrors: readonly Mirror[];
  /** The site's page of alternate addresses (`/mirrors`), absolute. */
  mirrorsPageUrl: string;
}

/** An article of a feed, with the absolute URLs the views would give it. */
export interface FeedArticle {
  article: Article & { publishedAt: Date };
  /** Canonical URL (`/a/<id>/<slug>`), the item's link. */
  url: string;
  /** The short link (`/a/<id>`), which never changes: the item's id. */
  id: string;
  authors: Array<{ name: string; url: string | null }>;
  categories: Array<{ name: string; url: string }>;
  /** Size of the featured image's original file, bytes (RSS enclosure `length`). */
  imageBytes: number;
  /**
   * HTML put at the top of the item's content, '' for none: its public
   * notes and a live article's newest updates (feed-lead.ts). Site-relative
   * URLs in it are made absolute here.
   */
  leadHtml: string;
}

/**
 * Stand-ins for what the `feed` library (through xml-js) writes wrongly:
 * `<` in an attribute value, and every `]]>` of a CDATA section but the
 * first. U+FFFE and U+FFFF are free for this: XML forbids them, so
 * `removeXmlForbidden` has taken them out of every string handed over.
 */
const LT_IN_ATTRIBUTE = '\uFFFE';
const CDATA_BREAK = '\uFFFF';

/** How each string is handed to the library, by where the library writes it. */
interface XmlSafe {
  /** Element text (the library escapes it). */
  text(value: string): string;
  /** An attribute value. */
  attribute(value: string): string;
  /** The content of a CDATA section. */
  cdata(value: string): string;
}

const FOR_XML: XmlSafe = {
  text: removeXmlForbidden,
  attribute: (value) => removeXmlForbidden(value).replace(/</g, LT_IN_ATTRIBUTE),
  cdata: (value) => removeXmlForbidden(value).replace(/\]\]>/g, `]]${CDATA_BREAK}>`),
};
const FOR_JSON: XmlSafe = {
  text: removeXmlForbidden,
  attribute: removeXmlForbidden,
  cdata: removeXmlForbidden,
};

/** The library's XML with the stand-ins written out, and `dc:` declared. */
function xmlSafe(xml: string): string {
  const out = xml.replaceAll(LT_IN_ATTRIBUTE, '&lt;').replaceAll(CDATA_BREAK, ']]><![CDATA[');
  // feed 6 declares the Dublin Core namespace only with content:encoded, but
  // bylines are dc:creator in excerpt-only feeds too.
  return out.includes('<rss version="2.0"') && !out.includes('xmlns:dc=')
    ? out.replace(
        '<rss version="2.0"',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"',
      )
    : out;
}

/** The feed in `format`, as text. */
export function renderFeed(
  format: FeedFormat,
  channel: FeedChannel,
  items: readonly FeedArticle[],
): string {
  const safe = format === 'json' ? FOR_JSON : FOR_XML;
  const updated = items.reduce<Date | null>(
    (newest, i) =>
      newest === null || i.article.modifiedAt > newest ? i.article.modifiedAt : newest,
    null,
  );
  const feed = new Feed({
    id: channel.pageUrl,
    title: safe.text(channel.title),
    description: safe.text(channel.description),
    link: channel.pageUrl,
    language: 'ar',
    image: channel.logoUrl,
    favicon: `${channel.origin}/favicon.ico`,
    copyright: safe.text(channel.copyright),
    updated: updated ?? new Date(0),
    generator: false,
    feedLinks: { ...channel.feedUrls },
    author: { name: safe.text(channel.siteName), link: `${channel.origin}/` },
  });
  for (const item of items) feed.addItem(itemFor(format, safe, channel, item));
  switch (format) {
    case 'rss':
      return withMirrorLinks(xmlSafe(feed.rss2()), format, channel);
    case 'atom':
      return withMirrorLinks(xmlSafe(feed.atom1()), format, channel);
    case 'json':
      return jsonFeed11(feed.json1(), channel, items);
  }
}

/** An XML attribute's value: forbidden characters removed, markup escaped. */
const xmlAttribute = (value: string) => escapeHtml(removeXmlForbidden(value));

/**
 * `xml` with a link to each mirror after the feed's self link (see the
 * module's comment for which `rel`); a label is the link's `title`.
 */
function withMirrorLinks(xml: string, format: 'rss' | 'atom', channel: FeedChannel): string {
  if (channel.mirrors.length === 0) return xml;
  const links = channel.mirrors
    .map((mirror) => {
      const title = mirror.label === '' ? '' : ` title="${xmlAttribute(mirror.label)}"`;
      const href = xmlAttribute(mirror.url);
      return format === 'rss'
        ? `\n        <atom:link href="${href}" rel="alternate" type="text/html"${title}/>`
        : `\n    <link rel="related" href="${href}"${title}/>`;
    })
    .join('');
  const self = format === 'rss' ? /<atom:link [^>]*rel="self"[^>]*\/>/ : /<link rel="self"[^>]*\/>/;
  return xml.replace(self, (link) => `${link}${links}`);
}

/** The standfirst as HTML (it is plain text). */
function summaryHtml(article: Article): string {
  return escapeHtml(article.excerpt);
}

/** The item's content as HTML with absolute URLs, or null for none (see the module's comment). */
function contentHtml(channel: FeedChannel, item: FeedArticle): string | null {
  const rest =
    channel.content === 'full'
      ? item.article.bodyHtml
      : item.leadHtml === ''
        ? null
        : `<p>${summaryHtml(item.article)}</p>`;
  return rest === null ? null : absoluteHtml(`${item.leadHtml}${rest}`, channel.origin);
}

function itemFor(format: FeedFormat, safe: XmlSafe, channel: FeedChannel, item: FeedArticle): Item {
  const { article } = item;
  const featured = article.featured;
  const authors: Author[] = item.authors.map((a) =>
    a.url ? { name: safe.text(a.name), link: a.url } : { name: safe.text(a.name) },
  );
  const content = contentHtml(channel, item);
  return {
    title: safe.cdata(format === 'atom' ? escapeHtml(article.headline) : article.headline),
    id: item.id,
    link: item.url,
    date: article.modifiedAt,
    published: article.publishedAt,
    description: safe.cdata(summaryHtml(article)),
    ...(content === null ? {} : { content: safe.cdata(content) }),
    ...(authors.length === 0
      ? {}
      : format === 'rss'
        ? {
            extensions: [
              { name: 'dc:creator', objects: { _text: authors.map((a) => a.name).join('، ') } },
            ],
          }
        : { author: authors }),
    // RSS writes the name as element text, Atom as the attributes term and label.
    category: item.categories.map((c) => {
      const name = format === 'atom' ? safe.attribute(c.name) : safe.text(c.name);
      return { name, term: name, domain: c.url, scheme: c.url };
    }),
    ...(featured
      ? {
          enclosure: {
            url: `${channel.origin}${mediaFileUrl(featured.media.id, featured.media.originalFile)}`,
            type: originalMime(featured.media.originalFile),
            length: item.imageBytes,
          },
        }
      : {}),
  };
}

interface JsonFeedItem {
  id: string;
  url?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  author?: unknown;
  authors?: Array<{ name: string; url?: string }>;
  [key: string]: unknown;
}

/**
 * The library's JSON Feed 1 moved to JSON Feed 1.1: `version`, `language`,
 * `authors` for `author` (every byline, not just the first), the featured
 * image as `image`, and an excerpt as `content_text` (it is plain text),
 * beside `content_html` when the item has a lead.
 */
function jsonFeed11(json: string, channel: FeedChannel, items: readonly FeedArticle[]): string {
  const parsed = JSON.parse(json) as { items: JsonFeedItem[] } & Record<string, unknown>;
  const { version: _version, author: _author, items: parsedItems, ...doc } = parsed;
  const byId = new Map(items.map((i) => [i.id, i]));
  const feed11 = {
    version: 'https://jsonfeed.org/version/1.1',
    ...doc,
    language: 'ar',
    authors: [{ name: channel.siteName, url: `${channel.origin}/` }],
    ...(channel.mirrors.length === 0
      ? {}
      : {
          _mirrors: {
            about: channel.mirrorsPageUrl,
            mirrors: channel.mirrors.map((m) =>
              m.label === '' ? { url: m.url } : { url: m.url, title: removeXmlForbidden(m.label) },
            ),
          },
        }),
    items: parsedItems.map((entry) => {
      const source = byId.get(entry.id);
      const { author: _author, ...rest } = entry;
      const out: JsonFeedItem = { ...rest };
      if (source) {
        if (source.authors.length > 0) {
          out.authors = source.authors.map((a) =>
            a.url
              ? { name: removeXmlForbidden(a.name), url: a.url }
              : { name: removeXmlForbidden(a.name) },
          );
        }
        const featured = source.article.featured;
        if (featured) {
          out.image = `${channel.origin}${mediaFileUrl(featured.media.id, featured.media.originalFile)}`;
        }
        if (channel.content === 'excerpt') {
          if (source.leadHtml === '') delete out.content_html;
          out.content_text = removeXmlForbidden(source.article.excerpt);
        }
      }
      return out;
    }),
  };
  return JSON.stringify(feed11, null, 2);
}
