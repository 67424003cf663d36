/**
 * Revisions of an article: list, diff, restore.
 */
import { diffRevision, restoreRevision, revisionsOf } from '../../../services/article-revisions.js';
import { loadArticle } from '../../../services/edit-article.js';
import { field } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { RevisionDiffPage, RevisionsPage } from '../views/revisions-page.js';
import { actorOf, articleIdParam } from '../route-params.js';

export const revisionsRoutes: AdminRoute[] = [
  adminRoute({
    id: 'revisions.list',
    method: 'GET',
    url: '/admin/articles/:id/revisions',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      const id = articleIdParam(request);
      const revisions = await revisionsOf(kit.deps, actorOf(request), id);
      const article = await loadArticle(kit.deps, id);
      return kit.render(
        reply,
        <RevisionsPage
          ctx={kit.context(request, reply)}
          articleId={id}
          headline={article.headline}
          revisions={revisions}
        />,
      );
    },
  }),
  adminRoute({
    id: 'revisions.diff',
    method: 'GET',
    url: '/admin/articles/:id/revisions/:revision',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      const id = articleIdParam(request);
      const diff = await diffRevision(
        kit.deps,
        actorOf(request),
        id,
        field(request.params, 'revision'),
      );
      return kit.render(
        reply,
        <RevisionDiffPage ctx={kit.context(request, reply)} articleId={id} diff={diff} />,
      );
    },
  }),
  adminRoute({
    id: 'revisions.restore',
    method: 'POST',
    url: '/admin/articles/:id/revisions/:revision/restore',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      const id = articleIdParam(request);
      await restoreRevision(kit.deps, actorOf(request), id, field(request.params, 'revision'));
      return kit.redirect(reply, `/admin/articles/${id}/edit?notice=restored`);
    },
  }),
];
