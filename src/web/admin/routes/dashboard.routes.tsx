/**
 * The newsroom's home: the list of articles. Writers who may not edit
 * every article see their own only.
 */
import { headlineMatchKey } from '../../../arabic/normalize.js';
import { can } from '../../../domain/roles.js';
import { isArticleStatus } from '../../../domain/workflow.js';
import { needsSetup } from '../../../services/accounts.js';
import { listNewsroomArticles } from '../../../storage/repositories/newsroom-articles.repository.js';
import { field } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { ArticleListPage } from '../views/article-list-page.js';

/** Articles shown on a page of the newsroom list. */
const LIST_LIMIT = 50;

export const dashboardRoutes: AdminRoute[] = [
  adminRoute({
    id: 'dashboard',
    method: 'GET',
    url: '/admin',
    permission: 'public',
    handler: async (request, reply, kit) => {
      if (await needsSetup(kit.deps)) return kit.redirect(reply, '/admin/setup');
      const user = request.user;
      if (!user) return kit.redirect(reply, '/admin/login');
      const statusParam = field(request.query, 'status');
      const status = isArticleStatus(statusParam) ? statusParam : null;
      const mine = field(request.query, 'mine') === '1' || !can(user, 'article.edit.any');
      const q = field(request.query, 'q').trim().slice(0, 200);
      const pageParam = field(request.query, 'page');
      const page = /^[1-9][0-9]{0,4}$/.test(pageParam) ? Number(pageParam) : 1;
      const headlineKey = headlineMatchKey(q);
      const rows = await listNewsroomArticles(kit.deps.database.db, {
        ...(status ? { status } : {}),
        ...(mine ? { authorId: user.id } : {}),
        ...(headlineKey ? { headlineKey } : {}),
        limit: LIST_LIMIT + 1,
        offset: (page - 1) * LIST_LIMIT,
      });
      return kit.render(
        reply,
        <ArticleListPage
          ctx={kit.context(request, reply)}
          articles={rows.slice(0, LIST_LIMIT)}
          status={status}
          mine={mine}
          q={q}
          page={page}
          hasMore={rows.length > LIST_LIMIT}
        />,
      );
    },
  }),
];
