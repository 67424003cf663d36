/**
 * The newsroom's home: the list of articles. Writers who may not edit
 * every article see their own only.
 */
import { cutAtGraphemeBoundary } from '../../../arabic/truncate.js';
import { can } from '../../../domain/roles.js';
import { isArticleStatus } from '../../../domain/workflow.js';
import { needsSetup } from '../../../services/accounts.js';
import { newsroomListPage } from '../../../services/newsroom-list.js';
import { field } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { ArticleListPage } from '../views/article-list-page.js';

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
      const q = cutAtGraphemeBoundary(field(request.query, 'q').trim(), 200);
      const pageParam = field(request.query, 'page');
      const page = /^[1-9][0-9]{0,4}$/.test(pageParam) ? Number(pageParam) : 1;
      const list = await newsroomListPage(kit.deps, {
        status,
        authorId: mine ? user.id : null,
        q,
        page,
      });
      return kit.render(
        reply,
        <ArticleListPage
          ctx={kit.context(request, reply)}
          articles={list.articles}
          status={status}
          mine={mine}
          q={q}
          page={page}
          hasMore={list.hasMore}
        />,
      );
    },
  }),
];
