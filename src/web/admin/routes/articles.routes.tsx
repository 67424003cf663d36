/**
 * Writing and publishing, the route table: the new-article page, the edit
 * page, saves and autosaves, workflow moves, breaking news, the lead story
 * and preview links. The editor page and its refusals are in
 * article-editor.tsx, autosaves in article-autosave.routes.ts; article-level
 * rules (own or any) are the services'.
 */
import { assertCanView, loadArticle } from '../../../services/edit-article.js';
import { chooseBreaking, pinLead } from '../../../services/front-page.js';
import { createPreviewToken } from '../../../services/previews.js';
import { field } from '../form-errors.js';
import { actorOf, articleIdParam } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { articleAutosaveRoutes } from './article-autosave.routes.js';
import { articleAction, pressedMove, saveForm, showEditor } from './article-editor.js';

export const articlesRoutes: AdminRoute[] = [
  adminRoute({
    id: 'articles.new',
    method: 'GET',
    url: '/admin/articles/new',
    permission: 'article.create',
    handler: (request, reply, kit) => showEditor(request, reply, kit, null),
  }),
  adminRoute({
    id: 'articles.create',
    method: 'POST',
    url: '/admin/articles',
    permission: 'article.create',
    handler: (request, reply, kit) => saveForm(request, reply, kit, actorOf(request), null),
  }),
  adminRoute({
    id: 'articles.edit',
    method: 'GET',
    url: '/admin/articles/:id/edit',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      const article = await loadArticle(kit.deps, articleIdParam(request));
      assertCanView(actorOf(request), article);
      return showEditor(request, reply, kit, article);
    },
  }),
  adminRoute({
    id: 'articles.save',
    method: 'POST',
    url: '/admin/articles/:id',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      return saveForm(request, reply, kit, actorOf(request), articleIdParam(request));
    },
  }),
  ...articleAutosaveRoutes,
  adminRoute({
    id: 'articles.move',
    method: 'POST',
    url: '/admin/articles/:id/move',
    permission: 'article.create',
    handler: (request, reply, kit) =>
      articleAction(request, reply, kit, (actor, id) => pressedMove(request, kit, actor, id)),
  }),
  adminRoute({
    id: 'articles.breaking',
    method: 'POST',
    url: '/admin/articles/:id/breaking',
    permission: 'article.breaking',
    handler: (request, reply, kit) =>
      articleAction(request, reply, kit, async (actor, id) => {
        const { outcome } = await chooseBreaking(
          kit.deps,
          actor,
          id,
          breakingMinutes(field(request.body, 'hours')),
        );
        return `/admin/articles/${id}/edit?notice=breaking-${outcome}`;
      }),
  }),
  adminRoute({
    id: 'articles.lead',
    method: 'POST',
    url: '/admin/articles/:id/lead',
    permission: 'article.lead',
    handler: (request, reply, kit) =>
      articleAction(request, reply, kit, async (actor, id) => {
        await pinLead(kit.deps, actor, field(request.body, 'pin') === '1' ? id : null);
        return `/admin/articles/${id}/edit?notice=saved`;
      }),
  }),
  adminRoute({
    id: 'articles.preview',
    method: 'POST',
    url: '/admin/articles/:id/preview',
    permission: 'article.create',
    handler: (request, reply, kit) =>
      articleAction(request, reply, kit, async (actor, id) => {
        const token = await createPreviewToken(kit.deps, actor, id);
        return `/admin/articles/${id}/edit?preview=${token}`;
      }),
  }),
];

/**
 * The breaking-news choice of the form's `hours`: null for `keep` (or
 * nothing sent: the flag stays as it is), else minutes (0 cancels); a
 * value that is no number becomes -1, which the service refuses.
 */
function breakingMinutes(hours: string): number | null {
  if (hours === '' || hours === 'keep') return null;
  const value = Number(hours);
  return Number.isFinite(value) ? Math.round(value * 60) : -1;
}
