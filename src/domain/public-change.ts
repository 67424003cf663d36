/**
 * What a change in the newsroom changes on the public site, and the
 * surrogate keys that name the cached pages it touches.
 *
 * Every cached page (and every copy a CDN keeps) is labelled with keys:
 * `a<id>` for each article it shows (anything linking `/a/<id>`), the
 * listing it is a page of (`home` for the latest-news listing, home page and
 * site feeds; `s<id>`, `t<id>`, `u<id>` for a section's, tag's or author's
 * pages and feeds), `front` for the home page itself, `breaking` for
 * every page that carries the breaking-news ticker, `footer` for every
 * page whose footer carries the menu of static pages and `corrections` for
 * the corrections page (a static page's own
 * page is labelled `a<id>` like an article's). A change is turned into
 * the keys to purge by `keysToPurge`, so that a publish evicts the pages
 * that show the article or whose listing it joins, and nothing else. The
 * scheme follows Fastly's surrogate keys and Cloudflare's cache tags.
 */
import type { ArticleId } from './article-id.js';
import type { LiveAction } from './live-coverage.js';

/** Where a published article appears: its listings and its ticker flag. Ids are decimal strings. */
export interface Placement {
  /** ISO-8601 UTC; a listing's order. */
  publishedAt: string;
  sectionId: string | null;
  tagIds: string[];
  authorIds: string[];
  /** ISO-8601 UTC end of the breaking-news flag, or null. */
  breakingUntil: string | null;
}

/**
 * A change readers may see. `before` and `after` are the article's placement
 * before and after the change, null while it is not published. Plain JSON,
 * so that it can travel between instances.
 */
export type PublicChange =
  | { kind: 'article'; articleId: ArticleId; before: Placement | null; after: Placement | null }
  /**
   * A static page (`/p/<slug>`) was saved, published or unpublished: its own
   * page is stale, and every footer too when the footer menu lists it.
   */
  | { kind: 'page'; articleId: ArticleId; inFooter: boolean }
  /**
   * A live article changed: an update was posted, edited or deleted
   * (`updateNumber`), or its coverage started or ended (`updateNumber`
   * null). Its own page and what lists it are stale; readers' pages
   * connected over Server-Sent Events are told.
   */
  | { kind: 'live'; articleId: ArticleId; action: LiveAction; updateNumber: number | null }
  /**
   * A correction note was added to a published article, or one was
   * deleted: the corrections page (`/corrections`) is stale, even when it
   * does not list the article yet. Told besides the article's own change.
   */
  | { kind: 'corrections' }
  /** The footer menu's choice or order of static pages changed. */
  | { kind: 'footer' }
  /** The home page's lead story was pinned or unpinned. */
  | { kind: 'front-page' }
  /** Something shown on every page changed (a section or tag renamed, an author's account). */
  | { kind: 'site' };

/** Told after a public change is committed; must not throw. */
export type PublicChangeListener = (change: PublicChange) => void;

/** The surrogate keys, as they appear in `Surrogate-Key` and `Cache-Tag` headers. */
export const surrogateKey = {
  article: (id: string) => `a${id}`,
  section: (id: string) => `s${id}`,
  tag: (id: string) => `t${id}`,
  author: (id: string) => `u${id}`,
  /** The latest-news listing: home page, its older pages, the site's feeds. */
  latest: 'home',
  /** The home page only (lead story, most read). */
  front: 'front',
  /** Every page with the breaking-news ticker. */
  breaking: 'breaking',
  /** Every page whose footer lists the static pages of the footer menu. */
  footer: 'footer',
  /** The corrections page and its older pages (`/corrections`). */
  corrections: 'corrections',
} as const;

/** The surrogate key of a section's, tag's or author's listing, by its id. */
export const LISTING_KEYS = {
  section: surrogateKey.section,
  tag: surrogateKey.tag,
  author: surrogateKey.author,
} as const;

/** The listings that show a published article. */
function listingKeys(placement: Placement): string[] {
  return [
    surrogateKey.latest,
    ...(placement.sectionId === null ? [] : [surrogateKey.section(placement.sectionId)]),
    ...placement.tagIds.map(surrogateKey.tag),
    ...placement.authorIds.map(surrogateKey.author),
  ];
}

/**
 * The keys whose pages a change makes stale, or `'all'`.
 *
 * - Every page showing the article (its own page, lists, other articles
 *   linking it) is stale.
 * - When it is published, unpublished or redated, every page of each
 *   listing it leaves or joins is stale too: the pages after it shift.
 * - When it only moves between sections, tags or authors, the listings it
 *   joins or leaves are stale, and the others are not.
 * - When its breaking-news flag changes while it is published, every page
 *   with the ticker is stale.
 */
export function keysToPurge(change: PublicChange): string[] | 'all' {
  if (change.kind === 'site') return 'all';
  if (change.kind === 'front-page') return [surrogateKey.front];
  if (change.kind === 'footer') return [surrogateKey.footer];
  if (change.kind === 'corrections') return [surrogateKey.corrections];
  if (change.kind === 'live') return [surrogateKey.article(change.articleId)];
  if (change.kind === 'page') {
    const page = surrogateKey.article(change.articleId);
    return change.inFooter ? [page, surrogateKey.footer] : [page];
  }
  const { before, after } = change;
  const keys = new Set([surrogateKey.article(change.articleId)]);
  const was = before === null ? [] : listingKeys(before);
  const is = after === null ? [] : listingKeys(after);
  if (before === null || after === null || before.publishedAt !== after.publishedAt) {
    for (const key of [...was, ...is]) keys.add(key);
  } else {
    for (const key of was) if (!is.includes(key)) keys.add(key);
    for (const key of is) if (!was.includes(key)) keys.add(key);
  }
  const flagged = (p: Placement | null) => (p === null ? null : p.breakingUntil);
  if (flagged(before) !== flagged(after)) keys.add(surrogateKey.breaking);
  return [...keys];
}
