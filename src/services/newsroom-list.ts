/**
 * The newsroom's article list (the dashboard): most recently changed
 * first, in pages, filtered by status, byline and headline.
 */
import { headlineMatchKey } from '../arabic/normalize.js';
import type { NewsroomListItem } from '../domain/newsroom-list.js';
import type { ArticleStatus } from '../domain/workflow.js';
import { listNewsroomArticles } from '../storage/repositories/newsroom-articles.repository.js';
import { viewsInLastDay } from './live-readers.js';
import type { ReadDeps } from './read-pages.js';

/** Articles shown on a page of the newsroom list. */
export const NEWSROOM_PAGE_SIZE = 50;

export interface NewsroomListQuery {
  /** Only articles of this status; all when null. */
  status: ArticleStatus | null;
  /** Only articles with this user's byline; all when null. */
  authorId: string | null;
  /** Words the headline contains, compared by match key (hamza, taa marbuta and diacritics do not matter); '' for any. */
  q: string;
  /** 1 or more. */
  page: number;
}

export interface NewsroomListPage {
  articles: NewsroomListItem[];
  /** True when a next page exists. */
  hasMore: boolean;
}

/**
 * One page of the newsroom's list. With `deps.now`, each article ever
 * published carries its views in the last 24 hours (`viewsLastDay`, one
 * query for the page's ids).
 */
export async function newsroomListPage(
  deps: ReadDeps & { now?: () => Date },
  query: NewsroomListQuery,
): Promise<NewsroomListPage> {
  const headlineKey = headlineMatchKey(query.q);
  const rows = await listNewsroomArticles(deps.database.db, {
    ...(query.status ? { status: query.status } : {}),
    ...(query.authorId ? { authorId: query.authorId } : {}),
    ...(headlineKey ? { headlineKey } : {}),
    limit: NEWSROOM_PAGE_SIZE + 1,
    offset: (query.page - 1) * NEWSROOM_PAGE_SIZE,
  });
  const articles = rows.slice(0, NEWSROOM_PAGE_SIZE);
  if (deps.now) {
    const published = articles.filter((a) => a.publishedAt !== null).map((a) => a.id);
    const views = await viewsInLastDay(deps, published, deps.now());
    for (const article of articles) {
      if (article.publishedAt !== null) article.viewsLastDay = views.get(article.id) ?? 0;
    }
  }
  return { articles, hasMore: rows.length > NEWSROOM_PAGE_SIZE };
}
