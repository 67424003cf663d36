/**
 * What a static mirror holds (issue 22): every public page, feed and
 * sitemap, as site addresses, read from the database through the services
 * (never by crawling), with the lite version of each page that has one.
 * One producer per kind of page, in MIRROR_PATH_PRODUCERS. Images, stylesheets,
 * scripts and fonts are not listed here: the mirror writer takes the ones
 * the pages use.
 */
import {
  canonicalArticlePath,
  listingPath,
  pagePath,
  type ListingKind,
} from '../../domain/article-path.js';
import { MIRRORS_PATH } from '../../domain/alternate-addresses.js';
import { FEED_FILES, feedPath, type FeedFormat, type FeedOwner } from '../../domain/feed-path.js';
import { CORRECTIONS_PER_PAGE, listLatestCorrections } from '../../services/article-notes.js';
import { getLatestPage, getListing, MAX_LISTING_PAGE } from '../../services/read-pages.js';
import {
  getSitemapFile,
  listSitemapFiles,
  PAGES_SITEMAP,
  type SitemapDeps,
} from '../../services/sitemap-entries.js';
import { listPublicPages } from '../../services/static-pages.js';
import {
  publicAuthors,
  sectionsWithCounts,
  tagsWithCounts,
} from '../../services/taxonomy-lists.js';
import { NEWS_SITEMAP_PATH } from '../site/sitemaps.routes.js';
import { liteHref } from '../views/lite/lite-body.js';
import { SITEMAP_INDEX_PATH } from '../site/site-paths.js';

/** The database and the site's time zone (the sitemaps' months). */
export type MirrorPathDeps = SitemapDeps;

/** A page of the mirror: its site address (path and `?page=<n>`, percent-encoded). */
export interface MirrorPage {
  path: string;
  /** An article's headline: the mirror's search finds the article by its words. */
  headline?: string;
  /**
   * An article's or static page's last save: a run `since` an earlier one
   * renders it again only when saved after that (its other pages, which
   * list many articles, are always made again).
   */
  savedAt?: Date;
}

/** Yields the pages of one kind. */
export type MirrorPathProducer = (deps: MirrorPathDeps) => AsyncIterable<MirrorPage>;

const FORMATS = Object.keys(FEED_FILES) as FeedFormat[];

/** The paths of a listing's pages 1…n for `articles` articles (page 1 even when empty), up to MAX_LISTING_PAGE. */
function* pagesOf(
  path: (page: number) => string,
  articles: number,
  perPage: number,
): Generator<MirrorPage> {
  const pages = Math.min(MAX_LISTING_PAGE, Math.max(1, Math.ceil(articles / perPage)));
  for (let page = 1; page <= pages; page++) yield { path: path(page) };
}

/** The home page and the older pages of latest news that follow it. */
async function* homePages(deps: MirrorPathDeps): AsyncGenerator<MirrorPage> {
  yield { path: '/' };
  for (let page = 2; page <= MAX_LISTING_PAGE; page++) {
    const found = await getLatestPage(deps, page);
    if (found === null) return;
    yield { path: `/?page=${page}` };
    if (!found.hasOlder) return;
  }
}

/** Every published article, at its canonical path, a sitemap batch at a time. */
async function* articlePages(deps: MirrorPathDeps): AsyncGenerator<MirrorPage> {
  for (const file of await listSitemapFiles(deps)) {
    if (file.name === PAGES_SITEMAP) continue;
    const content = await getSitemapFile(deps, file.name);
    for await (const row of content?.rows ?? []) {
      yield {
        path: canonicalArticlePath(row.id, row.slug),
        headline: row.headline,
        savedAt: row.updatedAt,
      };
    }
  }
}

/**
 * Every published static page, and the page of the alternate addresses,
 * which the footer links (so that a reader of a copy finds the others).
 */
async function* staticPages(deps: MirrorPathDeps): AsyncGenerator<MirrorPage> {
  yield { path: MIRRORS_PATH };
  for (const page of await listPublicPages(deps)) {
    if (page.slug) yield { path: pagePath(page.slug), savedAt: page.updatedAt };
  }
}

/**
 * Each section's, tag's and author's pages and feeds, page by page as the
 * site lists them (getListing: a byline on static pages only, or a tag of
 * drafts only, has none).
 */
async function* listingPages(deps: MirrorPathDeps): AsyncGenerator<MirrorPage> {
  const owners: Array<{ kind: ListingKind; slug: string }> = [
    ...(await sectionsWithCounts(deps, 'public')).map((s) => ({ kind: 'section' as const, ...s })),
    ...(await tagsWithCounts(deps, 'public')).map((t) => ({ kind: 'tag' as const, ...t })),
    ...(await publicAuthors(deps)).map((a) => ({ kind: 'author' as const, ...a })),
  ];
  for (const { kind, slug } of owners) {
    for (let page = 1; page <= MAX_LISTING_PAGE; page++) {
      const listing = await getListing(deps, kind, slug, page);
      if (listing === null) break;
      yield { path: listingPath(kind, slug, page) };
      if (page === 1) yield* feedsOf({ kind, slug });
      if (!listing.hasOlder) break;
    }
  }
}

/** The corrections page and its older pages. */
async function* correctionsPages(deps: MirrorPathDeps): AsyncGenerator<MirrorPage> {
  const { total } = await listLatestCorrections(deps, { limit: 0, offset: 0 });
  yield* pagesOf(
    (page) => (page === 1 ? '/corrections' : `/corrections?page=${page}`),
    total,
    CORRECTIONS_PER_PAGE,
  );
}

function* feedsOf(owner: FeedOwner): Generator<MirrorPage> {
  for (const format of FORMATS) yield { path: feedPath(owner, format) };
}

/** The site's feeds, sitemaps (the index, each file, the news sitemap) and robots.txt. */
async function* siteFiles(deps: MirrorPathDeps): AsyncGenerator<MirrorPage> {
  yield* feedsOf({ kind: 'site' });
  yield { path: SITEMAP_INDEX_PATH };
  for (const file of await listSitemapFiles(deps)) yield { path: `/sitemaps/${file.name}.xml` };
  yield { path: NEWS_SITEMAP_PATH };
  yield { path: '/robots.txt' };
}

/** Any origin: lite paths are worked out from site paths alone. */
const SITE = 'http://mirror.invalid';

/**
 * `producer`'s pages, each followed by its lite version when it has one
 * (issue 22: the home page and its older pages, articles, sections).
 */
function withLite(producer: MirrorPathProducer): MirrorPathProducer {
  return async function* (deps) {
    for await (const page of producer(deps)) {
      yield page;
      const lite = liteHref(page.path, SITE);
      if (lite !== null)
        yield page.savedAt ? { path: lite, savedAt: page.savedAt } : { path: lite };
    }
  };
}

/** Every kind of page a mirror holds, in the order they are written. */
export const MIRROR_PATH_PRODUCERS: readonly MirrorPathProducer[] = [
  withLite(homePages),
  withLite(articlePages),
  staticPages,
  withLite(listingPages),
  correctionsPages,
  siteFiles,
];
