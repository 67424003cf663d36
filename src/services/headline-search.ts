/**
 * The editor's article search for "read also" boxes: published articles
 * whose headline contains the query, compared by match keys (so hamza,
 * taa marbuta and diacritics do not matter), newest first.
 */
import { headlineMatchKey } from '../arabic/normalize.js';
import type { ArticleId } from '../domain/article-id.js';
import { searchHeadlines } from '../storage/repositories/articles.repository.js';
import type { ReadDeps } from './read-pages.js';

/** Results returned at most. */
export const HEADLINE_SEARCH_LIMIT = 10;

/** Published articles whose headline contains `q`; none when `q` has no letter or digit. */
export async function searchByHeadline(
  deps: ReadDeps,
  q: string,
): Promise<Array<{ id: ArticleId; headline: string }>> {
  const key = headlineMatchKey(q);
  return key === '' ? [] : searchHeadlines(deps.database.db, key, HEADLINE_SEARCH_LIMIT);
}
