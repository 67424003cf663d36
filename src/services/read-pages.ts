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

export interface HomePageContent {
  lead: ArticleSummary | null;
  latest: ArticleSummary[];
  mostRead: ArticleSummary[];
}

/** A published article by id, or null. */
export function getArticle(deps: ReadDeps, id: ArticleId): Promise<Article | null> {
  return findArticleById(deps.database.db, id);
}

/** The home page: the newest article as lead story, then the latest and most read. */
export async function getHomePage(deps: ReadDeps): Promise<HomePageContent> {
  const [latest, mostRead] = await Promise.all([
    listLatest(deps.database.db, HOME_LATEST + 1),
    listMostRead(deps.database.db, HOME_MOST_READ),
  ]);
  const [lead = null, ...rest] = latest;
  return { lead, latest: rest, mostRead };
}
