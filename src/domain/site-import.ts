/**
 * A whole site moved in from WordPress or Ghost, as a reader of its export
 * (importers/wordpress, importers/ghost) hands it to the import service
 * (services/site-import): plain data, no I/O.
 *
 * Keys (`SiteAuthor.key`, `SiteCategory.key`, `SitePost.key`, …) identify
 * an item within its export and across re-imports of the same site: the
 * WordPress login, term nicename and post ID; the Ghost id. Slugs are
 * decoded from percent-encoding and NFC-normalised (`%d8%b1…` → `ر…`).
 * Old addresses (`oldPaths`) are paths with their query, as the old site
 * served them (`/2021/01/03/خبر/`, `/?p=123`, `/category/news/`), with
 * the folder the old site lived in (`/blog/?p=123` for a site at
 * `https://x.com/blog`): the service stores them as redirects to the new
 * canonical URL. Each old address is in one list only: an old feed is in
 * `feeds`, never in an `oldPaths`.
 */
import type { ArticleId } from './article-id.js';

/** The system an export comes from. */
export type SiteSource = 'wordpress' | 'ghost';

/** An author of the old site: becomes an inactive newsroom account that serves as a byline. */
export interface SiteAuthor {
  /** WordPress `author_login`; Ghost user id. */
  key: string;
  displayName: string;
  /** Lower-cased e-mail address, or null when the export has none. */
  email: string | null;
  /** The old author page's slug, decoded (WordPress nicename or login; Ghost slug). */
  slug: string;
  /** Plain text. */
  bio: string;
  /** `/author/<slug>/`, and WordPress's `/?author=<user id>` when the export gives the id. */
  oldPaths: string[];
}

/**
 * A WordPress category, or a Ghost tag that is some post's primary tag:
 * becomes a section; nested categories keep their parent.
 */
export interface SiteCategory {
  /** The nicename as it appears in the export (still percent-encoded when it was); Ghost tag id. */
  key: string;
  name: string;
  /** Decoded NFC slug. */
  slug: string;
  /** The parent category's key, or null at the top. */
  parentKey: string | null;
  /** Plain text. */
  description: string;
  /** `/category/<slug>/`, `/category/<parent>/<slug>/`, `/?cat=<id>`; Ghost's `/tag/<slug>/`. */
  oldPaths: string[];
}

/** A tag (WordPress `post_tag`, a Ghost public tag). */
export interface SiteTag {
  /** WordPress nicename as in the export; Ghost tag id. */
  key: string;
  name: string;
  /** Decoded NFC slug. */
  slug: string;
  /** Plain text. */
  description: string;
  /** `/tag/<slug>/`. */
  oldPaths: string[];
}

/** An image as the export names it. */
export interface SiteImage {
  /** Absolute URL on the old site, or a Ghost `__GHOST_URL__/content/images/…` path. */
  url: string;
  alt: string;
  caption: string;
}

/**
 * A post's state on the old site, in Midad's words: `private` is kept
 * unpublished; `pending` is WordPress's "pending review".
 */
export type SitePostStatus = 'published' | 'scheduled' | 'draft' | 'pending' | 'private';

/** A post (becomes an article) or a page (becomes a static page at `/p/<slug>`). */
export interface SitePost {
  /** The WordPress post ID (decimal) or the Ghost post id. */
  key: string;
  kind: 'article' | 'page';
  /** The id to keep when it is free (WordPress post ID, so `/?p=123` → `/a/123`); null for Ghost. */
  preferredId: ArticleId | null;
  status: SitePostStatus;
  headline: string;
  /** Decoded NFC slug ('' when the old site had none, e.g. a draft). */
  slug: string;
  /**
   * The body as HTML, converted from the old site's formats (wpautop,
   * shortcodes, Gutenberg comments removed; Ghost's mobiledoc or lexical
   * rendered), not yet sanitised: `<img src>` and `<a href>` still name
   * the old site's addresses. The service sanitises it with the editor's
   * sanitiser, brings in its images and rewrites links between articles.
   */
  bodyHtml: string;
  /** The standfirst written on the old site (WordPress excerpt, Ghost custom excerpt), plain text, or ''. */
  excerpt: string;
  /** UTC. When it was published, or the time it is scheduled for; null when the old site had none. */
  publishedAt: Date | null;
  /** UTC; the old site's last change, or null. */
  modifiedAt: Date | null;
  /** Keys of `SiteExport.authors`, in byline order (Co-Authors Plus, Ghost's authors). */
  authorKeys: string[];
  /** Key of the section's category (the primary category, else the first; Ghost's primary tag), or null. */
  sectionKey: string | null;
  /** Keys of `SiteExport.tags`, in order. */
  tagKeys: string[];
  /** Keys of other categories of the post, which become tags. */
  categoryTagKeys: string[];
  featuredImage: SiteImage | null;
  /** Yoast, Rank Math or Ghost meta title and description, plain text, or ''. */
  seoTitle: string;
  seoDescription: string;
  /** The largest view count found in the post's meta; 0 when none. */
  views: number;
  /** Ghost's `featured` flag. */
  featured: boolean;
  /** The old absolute URL (`<link>`, Ghost `url`), kept as the article's source URL; null when unknown. */
  sourceUrl: string | null;
  /** Every old address of the post: its permalink path, `/?p=ID` or `/?page_id=ID`, Ghost `/<slug>/`. */
  oldPaths: string[];
}

/**
 * What a reader counted that did not become a post, so that the report
 * accounts for every item of the file. Keys of `skipped` are reasons such
 * as `attachment`, `revision`, `nav_menu_item`, `trash`, `auto-draft`,
 * `post type «product»`; `shortcodes` counts unknown shortcodes removed, by name.
 */
export interface SiteTally {
  skipped: Map<string, number>;
  comments: number;
  shortcodes: Map<string, number>;
  /** Other things worth telling the person importing, one line each. */
  notes: string[];
  /**
   * Images bodies ask for that the export does not hold (an attachment of
   * a `[gallery]`), each `{ url, reason }` as the report lists a missing
   * image: the body never gets them, so the report counts them missing.
   */
  missingImages: Array<{ url: string; reason: string }>;
}

/**
 * An old feed's address and the feed it now is: `/feed/` → the site's
 * RSS feed, `/author/salma/feed/atom/` → the author's Atom feed.
 */
export interface SiteFeedPath {
  oldPath: string;
  /** `site` for the site's feed, or the category, tag or author (by key) it belongs to. */
  of: { kind: 'site' } | { kind: 'category' | 'tag' | 'author'; key: string };
  /** The format it served, which the new feed keeps (RSS 0.92, RDF and RSS 2 all become RSS). */
  format: 'rss' | 'atom';
}

/** Old address → post key: a Map, or a reader's index on disk (lib/disk-map.ts). */
export interface AddressIndex {
  get(address: string): string | undefined;
  entries(): Iterable<[string, string]>;
  readonly size: number;
}

/** A site export, read: small lists whole, posts as a stream. */
export interface SiteExport {
  source: SiteSource;
  /** The old site's address without a trailing slash (`https://example.com`), or null. */
  siteUrl: string | null;
  authors: SiteAuthor[];
  categories: SiteCategory[];
  tags: SiteTag[];
  feeds: SiteFeedPath[];
  /**
   * Old addresses (absolute URLs and paths, as `oldPaths` and `sourceUrl`
   * give them, plus attachment pages) → the key of the post they lead to,
   * for rewriting links between articles. A reader may keep them on disk.
   */
  linkTargets: AddressIndex;
  /** How many posts and pages `posts()` yields (known before it is read). */
  postCount: number;
  /**
   * Every post and page, in file order, read again from the file each
   * time (an export of several GB is never held whole).
   * @throws SiteExportRefused when the file changed since it was first read.
   */
  posts(): AsyncIterable<SitePost>;
  /** Filled while `posts()` is read; complete at its end. */
  tally: SiteTally;
  /** Frees what the reader holds (its scratch files); called once, when the import is done. */
  close(): void;
}
