/**
 * The newsroom's home: the list of articles. Writers who may not edit
 * every article see their own only.
 */
import { can } from '../../../domain/roles.js';
import { isArticleStatus } from '../../../domain/workflow.js';
import { needsSetup } from '../../../services/accounts.js';
import { listNewsroomArticles } from '../../../storage/repositories/newsroom-articles.repository.js';
import { field } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { ArticleListPage } from '../views/article-list-page.js';

/** Articles shown at once in the newsroom list. */
const LIST_LIMIT = 100;

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
      const articles = await listNewsroomArticles(kit.deps.database.db, {
        ...(status ? { status } : {}),
        ...(mine ? { authorId: user.id } : {}),
        limit: LIST_LIMIT,
        offset: 0,
      });
      return kit.render(
        reply,
        <ArticleListPage
          ctx={kit.context(request, reply)}
          articles={articles}
          status={status}
          mine={mine}
        />,
      );
    },
  }),
];
