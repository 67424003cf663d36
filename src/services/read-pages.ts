/**
 * What the reader site's pages show, read from storage.
 */
import type { Article, ArticleId, ArticleSummary } from '../domain/article.js';
import type { Database } from '../storage/database.js';
import {
  findArticleById,
  listLatest,
  listMostRead,
} from '../storage/repositories/articles.repository.js';

export interface ReadDeps {
  database: Database;
}

/** How many articles the home page lists under "latest" and "most read". */
export const HOME_LATEST = 12;
export const HOME_MOST_READ = 5;
/** How many articles each older page of the latest list shows. */
export const LATEST_PAGE_SIZE = 20;

export interface HomePageContent {
  lead: ArticleSummary | null;
  latest: ArticleSummary[];
  mostRead: ArticleSummary[];
  /** True when older articles than those shown exist (page 2 of the latest list). */
  hasOlder: boolean;
}

export interface LatestPageContent {
  /** Page number, 2 or more (page 1 is the home page). */
  page: number;
  articles: ArticleSummary[];
  hasOlder: boolean;
}

/** A published article by id, or null. */
export function getArticle(deps: ReadDeps, id: ArticleId): Promise<Article | null> {
  return findArticleById(deps.database.db, id);
}

/** The home page: the newest article as lead story, then the latest and most read. */
export async function getHomePage(deps: ReadDeps): Promise<HomePageContent> {
  const [latest, mostRead] = await Promise.all([
    listLatest(deps.database.db, HOME_LATEST + 2),
    listMostRead(deps.database.db, HOME_MOST_READ),
  ]);
  const [lead = null, ...rest] = latest;
  return {
    lead,
    latest: rest.slice(0, HOME_LATEST),
    mostRead,
    hasOlder: rest.length > HOME_LATEST,
  };
}

/**
 * Page `page` (2 or more) of the latest articles, continuing where the home
 * page stops; null when the page is past the end.
 */
export async function getLatestPage(
  deps: ReadDeps,
  page: number,
): Promise<LatestPageContent | null> {
  const offset = HOME_LATEST + 1 + (page - 2) * LATEST_PAGE_SIZE;
  const rows = await listLatest(deps.database.db, LATEST_PAGE_SIZE + 1, offset);
  if (rows.length === 0) return null;
  return {
    page,
    articles: rows.slice(0, LATEST_PAGE_SIZE),
    hasOlder: rows.length > LATEST_PAGE_SIZE,
  };
}
