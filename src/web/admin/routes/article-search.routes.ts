/**
 * The editor's article search for "read also" boxes (services/headline-search.ts). JSON.
 */
import { cutAtGraphemeBoundary } from '../../../arabic/truncate.js';
import { searchByHeadline } from '../../../services/headline-search.js';
import { field } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';

export const articleSearchRoutes: AdminRoute[] = [
  adminRoute({
    id: 'api.article-search',
    method: 'GET',
    url: '/admin/api/article-search',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      const results = await searchByHeadline(
        kit.deps,
        cutAtGraphemeBoundary(field(request.query, 'q'), 200),
      );
      return reply.header('cache-control', 'no-store').send({ results });
    },
  }),
];
