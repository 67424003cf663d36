/**
 * Writing and publishing, the route table: the new-article page, the edit
 * page, saves and autosaves, workflow moves, breaking news, the lead story
 * and preview links. The editor page and its refusals are in
 * article-editor.tsx, autosaves in article-autosave.routes.ts; article-level
 * rules (own or any) are the services'.
 */
import { WORKFLOW_MOVES, type WorkflowMove } from '../../../domain/workflow.js';
import { AppError } from '../../../lib/errors.js';
import { wallClockToUtc } from '../../../lib/time-zone.js';
import { assertCanView, loadArticle } from '../../../services/edit-article.js';
import { chooseBreaking, pinLead } from '../../../services/front-page.js';
import { moveArticle } from '../../../services/move-article.js';
import { createPreviewToken } from '../../../services/previews.js';
import { field } from '../form-errors.js';
import { actorOf, articleIdParam } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { articleAutosaveRoutes } from './article-autosave.routes.js';
import { articleAction, saveForm, showEditor } from './article-editor.js';

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
      articleAction(request, reply, kit, async (actor, id) => {
        const move = field(request.body, 'move');
        if (!(WORKFLOW_MOVES as readonly string[]).includes(move)) {
          throw new AppError('MOVE_NOT_POSSIBLE', 'Unknown move.');
        }
        const scheduledAt = parseLocalTime(
          field(request.body, 'scheduledAt'),
          kit.deps.config.timeZone,
        );
        const status = await moveArticle(kit.deps, actor, id, move as WorkflowMove, {
          ...(scheduledAt ? { scheduledAt } : {}),
        });
        return `/admin/articles/${id}/edit?notice=moved&status=${status}`;
      }),
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

/** A `datetime-local` value (`2026-12-01T09:30`) read in the site's time zone; null when absent or malformed. */
function parseLocalTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  try {
    return wallClockToUtc(
      { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! },
      timeZone,
    );
  } catch {
    return null;
  }
}
