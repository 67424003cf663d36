/**
 * What the site's feeds carry: the newest published articles of the whole
 * site, or of one section, tag or author, loaded whole (body, bylines,
 * tags, featured image) so that a feed can give full text. Articles whose
 * publish date is unknown are left out: a feed item needs a date, and a
 * date is never invented. A live article (live now, or once) comes with
 * its newest updates, at most FEED_LIVE_UPDATES.
 */
import type { Article, ArticleId } from '../domain/article.js';
import type { LiveUpdate } from '../domain/live-coverage.js';
import { listLiveUpdates } from './live-coverage.js';
import { listLatest } from '../storage/repositories/articles.repository.js';
import { getArticle, getListing, LATEST_PAGE_SIZE, type ReadDeps } from './read-pages.js';
import type { ListingKind } from '../domain/article-path.js';

/** How many articles a feed lists: one page of the latest list. */
export const FEED_SIZE = LATEST_PAGE_SIZE;

/** How many of a live article's updates its feed item carries: the newest. */
export const FEED_LIVE_UPDATES = 20;

/** Whose articles a feed lists: the whole site's, or one section's, tag's or author's (by slug). */
export type FeedScope = { kind: 'site' } | { kind: ListingKind; slug: string };

export interface FeedArticles {
  /** The section's, tag's or author's id and name; null for the whole site. */
  owner: { id: string; name: string } | null;
  /** Newest first, at most FEED_SIZE, each with a publish date. */
  articles: Array<Article & { publishedAt: Date }>;
  /**
   * The newest updates (at most FEED_LIVE_UPDATES, newest first) of each
   * article that has live coverage, by article id; absent for the others.
   */
  liveUpdates: ReadonlyMap<ArticleId, LiveUpdate[]>;
}

/** The articles of a feed, or null when the section, tag or author does not exist. */
export async function getFeedArticles(
  deps: ReadDeps,
  scope: FeedScope,
): Promise<FeedArticles | null> {
  let owner: FeedArticles['owner'] = null;
  let summaries;
  if (scope.kind === 'site') {
    summaries = await listLatest(deps.database.db, FEED_SIZE);
  } else {
    const listing = await getListing(deps, scope.kind, scope.slug, 1);
    if (listing === null) return null;
    owner = { id: listing.id, name: listing.name };
    summaries = listing.articles;
  }
  const loaded = await Promise.all(
    summaries.filter((s) => s.publishedAt !== null).map((s) => getArticle(deps, s.id)),
  );
  const articles = loaded.filter(
    (a): a is Article & { publishedAt: Date } => a !== null && a.publishedAt !== null,
  );
  const live = await Promise.all(
    articles
      .filter((a) => a.live !== null)
      .map(
        async (a) =>
          [a.id, await listLiveUpdates(deps, a.id, { limit: FEED_LIVE_UPDATES })] as const,
      ),
  );
  return { owner, articles, liveUpdates: new Map(live) };
}
