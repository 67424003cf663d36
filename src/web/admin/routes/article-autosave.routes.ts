/**
 * Autosaves from the editor's script: of an article, or of a new one,
 * which the first autosave creates. JSON: when it was saved, or the
 * refusal as `{ error: { code, message } }`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleId } from '../../../domain/article-id.js';
import { formatTime } from '../../../arabic/dates.js';
import { AppError } from '../../../lib/errors.js';
import { createArticle, saveArticle } from '../../../services/edit-article.js';
import { contentFromForm, versionOf } from '../article-form.js';
import type { AdminKit } from '../admin-kit.js';
import { errorMessage } from '../form-errors.js';
import { actorOf, articleIdParam } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';

/**
 * Saves the form as an autosave of article `id`, or with `id` null creates
 * the article from it. The article's id; null when the save was refused and
 * its JSON refusal (the status and `{ error: { code, message } }`) already
 * sent. (Not the reply itself: a FastifyReply is thenable, so an async
 * function returning it resolves to undefined, and the caller answered a
 * second time.)
 */
async function autosave(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  id: ArticleId | null,
  options: { baseVersion?: Date | null },
): Promise<ArticleId | null> {
  const actor = actorOf(request);
  const content = contentFromForm(request.body, [actor.id]);
  try {
    if (id === null) return await createArticle(kit.deps, actor, content, { autosave: true });
    await saveArticle(kit.deps, actor, id, content, { autosave: true, ...options });
    return id;
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const ctx = kit.context(request, reply);
    reply
      .code(error.status)
      .send({ error: { code: error.code, message: errorMessage(ctx, error) } });
    return null;
  }
}

/** The answer to an autosave: when, as an instant and as the site's HH:MM. */
function savedAnswer(kit: AdminKit, request: FastifyRequest, reply: FastifyReply) {
  const now = kit.deps.now();
  const ctx = kit.context(request, reply);
  return {
    savedAt: now.toISOString(),
    savedTime: formatTime(now, { ...ctx.locale, numerals: 'latn' }),
  };
}

export const articleAutosaveRoutes: AdminRoute[] = [
  adminRoute({
    id: 'articles.autosave',
    method: 'POST',
    url: '/admin/articles/:id/autosave',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      const saved = await autosave(request, reply, kit, articleIdParam(request), {
        baseVersion: versionOf(request.body),
      });
      if (saved === null) return reply;
      return reply.header('cache-control', 'no-store').send(savedAnswer(kit, request, reply));
    },
  }),
  adminRoute({
    id: 'articles.autosave-new',
    method: 'POST',
    url: '/admin/articles/autosave',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      // A new article's first autosave creates it, and tells the form its addresses.
      const id = await autosave(request, reply, kit, null, {});
      if (id === null) return reply;
      return reply.header('cache-control', 'no-store').send({
        ...savedAnswer(kit, request, reply),
        id,
        action: `/admin/articles/${id}`,
        autosaveUrl: `/admin/articles/${id}/autosave`,
        editUrl: `/admin/articles/${id}/edit`,
      });
    },
  }),
];
