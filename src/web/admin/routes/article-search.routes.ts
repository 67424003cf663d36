/**
 * The editor's article search for "read also" boxes: published articles
 * whose headline contains the query, compared by matching keys (so hamza,
 * taa marbuta and diacritics do not matter). JSON.
 */
import { headlineMatchKey } from '../../../arabic/normalize.js';
import { searchHeadlines } from '../../../storage/repositories/articles.repository.js';
import { field } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';

/** Results returned at most. */
const LIMIT = 10;

export const articleSearchRoutes: AdminRoute[] = [
  adminRoute({
    id: 'api.article-search',
    method: 'GET',
    url: '/admin/api/article-search',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      const key = headlineMatchKey(field(request.query, 'q').slice(0, 200));
      const results = key === '' ? [] : await searchHeadlines(kit.deps.database.db, key, LIMIT);
      return reply.header('cache-control', 'no-store').send({ results });
    },
  }),
];
