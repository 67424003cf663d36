/**
 * Writing and publishing: the new-article page, the edit page, saves and
 * autosaves, workflow moves, breaking news, the lead story and preview
 * links. Article-level rules (own or any) are the services'.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseArticleId, type ArticleId } from '../../../domain/article-id.js';
import type { EditableArticle } from '../../../domain/editable-article.js';
import { isRole, type Actor } from '../../../domain/roles.js';
import { WORKFLOW_MOVES, type WorkflowMove } from '../../../domain/workflow.js';
import type { MessageKey } from '../../../i18n/format.js';
import { isDiskFull } from '../../../lib/disk-full.js';
import { AppError, hasCode } from '../../../lib/errors.js';
import { formatTime } from '../../../arabic/dates.js';
import { wallClockToUtc } from '../../../lib/time-zone.js';
import {
  assertCanView,
  createArticle,
  loadArticle,
  mayEdit,
  saveArticle,
} from '../../../services/edit-article.js';
import { pinLead, pinnedLeadId, setBreaking } from '../../../services/front-page.js';
import { listMedia } from '../../../services/media.js';
import { moveArticle } from '../../../services/move-article.js';
import { createPreviewToken } from '../../../services/previews.js';
import { findAutosave, listEvents } from '../../../storage/repositories/revisions.repository.js';
import { listSections } from '../../../storage/repositories/sections.repository.js';
import { listUsers } from '../../../storage/repositories/users.repository.js';
import { contentFromForm } from '../article-form.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminKit } from '../admin-kit.js';
import { adminTime } from '../views/admin-time.js';
import { errorMessage, field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import type { FormErrors } from '../views/auth-pages.js';
import { ArticleEditPage } from '../views/article-edit-page.js';

/** The signed-in user as an Actor (routes run after the guard, so there is one). */
export function actorOf(request: FastifyRequest): Actor {
  const user = request.user;
  if (!user || !isRole(user.role)) throw new AppError('FORBIDDEN', 'Sign in first.');
  return { id: user.id, role: user.role };
}

/** The article id of the route, or a 404. */
export function articleIdParam(request: FastifyRequest): ArticleId {
  const id = parseArticleId(field(request.params, 'id'));
  if (id === null) throw new AppError('ARTICLE_NOT_FOUND', 'No such article.');
  return id;
}

/** Every `editor.*` message, keyed without the prefix, for the editor's `data-labels`. */
function editorLabels(
  kit: AdminKit,
  request: FastifyRequest,
  reply: FastifyReply,
): Record<string, string> {
  const { t } = kit.context(request, reply);
  const labels: Record<string, string> = {};
  for (const key of EDITOR_LABEL_KEYS) labels[key] = t(`editor.${key}` as MessageKey);
  return labels;
}

/** The editor's label keys (src/web/admin/client/labels.ts); their texts are in the catalogues. */
export const EDITOR_LABEL_KEYS = [
  'toolbar',
  'paragraph',
  'h2',
  'h3',
  'h4',
  'bold',
  'italic',
  'link',
  'bulletList',
  'orderedList',
  'blockquote',
  'image',
  'embed',
  'readAlso',
  'undo',
  'redo',
  'body',
  'bodyPlaceholder',
  'captionPlaceholder',
  'insert',
  'cancel',
  'linkPrompt',
  'linkInvalid',
  'removeLink',
  'embedPrompt',
  'embedInvalid',
  'providerYoutube',
  'providerX',
  'providerTelegram',
  'imageDialogTitle',
  'mediaLibrary',
  'mediaLoading',
  'mediaEmpty',
  'mediaFailed',
  'upload',
  'uploading',
  'uploadFailed',
  'altText',
  'caption',
  'chooseImage',
  'altRequired',
  'readAlsoDialogTitle',
  'search',
  'searching',
  'noResults',
  'searchFailed',
  'autosaved',
  'autosaveFailed',
  'keptInBrowser',
  'keptOffer',
  'restoreKept',
  'discardKept',
] as const;

async function showEditor(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  article: EditableArticle | null,
  extra: { errors?: FormErrors; values?: Partial<EditableArticle>; status?: number } = {},
) {
  const ctx = kit.context(request, reply);
  const db = kit.deps.database.db;
  const actor = actorOf(request);
  const [sections, users, media, events, lead, autosave] = await Promise.all([
    listSections(db),
    listUsers(db),
    listMedia(kit.deps, { limit: 100 }),
    article ? listEvents(db, article.id) : Promise.resolve([]),
    pinnedLeadId(kit.deps),
    article ? findAutosave(db, article.id, actor.id) : Promise.resolve(null),
  ]);
  const notice = field(request.query, 'notice');
  const preview = field(request.query, 'preview');
  const origin = kit.deps.config.baseUrl ?? `${request.protocol}://${request.host}`;
  return kit.render(
    reply,
    <ArticleEditPage
      ctx={ctx}
      data={{
        article,
        sections,
        users: users.filter((u) => u.status === 'active' || article?.authorIds.includes(u.id)),
        media: media.items,
        events,
        isLead: article !== null && lead === article.id,
        previewUrl: /^[A-Za-z0-9_-]{43}$/.test(preview) ? `${origin}/preview/${preview}` : null,
        editorLabels: editorLabels(kit, request, reply),
        editable: article === null || mayEdit(actor, article),
        // An autosave newer than the article's last save: edits not yet saved (or published).
        pendingAutosave:
          article && autosave && autosave.createdAt > article.updatedAt ? autosave : null,
      }}
      notice={
        NOTICE_KEYS[notice]
          ? ctx.t(NOTICE_KEYS[notice], {
              status: statusLabel(ctx.t, field(request.query, 'status')),
            })
          : null
      }
      errors={extra.errors}
      values={extra.values}
    />,
    extra.status,
  );
}

const NOTICE_KEYS: Record<string, MessageKey> = {
  saved: 'admin.saved',
  moved: 'admin.moved',
  restored: 'admin.revisions.restored',
};

function statusLabel(t: ReturnType<AdminKit['context']>['t'], status: string): string {
  return t(`admin.status.${status}` as MessageKey);
}

/**
 * Saves the submitted form, or with `id` null creates the article from it;
 * a refused field re-shows the form with what was typed (a new article's
 * form stays new: nothing was stored).
 */
async function saveForm(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  actor: Actor,
  id: ArticleId | null,
) {
  const content = contentFromForm(request.body, [actor.id]);
  let saved: ArticleId;
  try {
    saved =
      id === null
        ? await createArticle(kit.deps, actor, content)
        : (await saveArticle(kit.deps, actor, id, content, {
            baseVersion: versionOf(request.body),
          }),
          id);
  } catch (error) {
    if (error instanceof AppError && error.status === 403) throw error;
    const ctx = kit.context(request, reply);
    const errors = hasCode(error, 'ARTICLE_CHANGED')
      ? { form: changedMessage(ctx, error) }
      : formErrorsOf(ctx.t, error);
    return showEditor(request, reply, kit, id === null ? null : await loadArticle(kit.deps, id), {
      errors,
      values: content,
      status: isDiskFull(error) ? 507 : 422,
    });
  }
  return kit.redirect(reply, `/admin/articles/${saved}/edit?notice=saved`);
}

/** The `version` field of the form: when the writer's copy was loaded. */
function versionOf(body: unknown): Date | null {
  const value = field(body, 'version');
  const date = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** The conflict message: who saved, and when, in the site's time zone. */
function changedMessage(ctx: AdminContext, error: AppError<'ARTICLE_CHANGED'>): string {
  const { by, at } = error.details;
  return ctx.t('admin.error.ARTICLE_CHANGED', { name: by, time: adminTime(ctx, at) });
}

/** Runs an article action; a refusal re-shows the edit page with the reason. */
async function articleAction(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  work: (actor: Actor, id: ArticleId) => Promise<string>,
) {
  const id = articleIdParam(request);
  const actor = actorOf(request);
  try {
    return kit.redirect(reply, await work(actor, id));
  } catch (error) {
    // A refusal of the role is the forbidden page, never the article.
    if (
      !(error instanceof AppError) ||
      error.status >= 500 ||
      error.status === 404 ||
      error.status === 403
    ) {
      throw error;
    }
    const ctx = kit.context(request, reply);
    return showEditor(request, reply, kit, await loadArticle(kit.deps, id), {
      errors: { form: errorMessage(ctx.t, error) },
      status: 422,
    });
  }
}

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
      .send({ error: { code: error.code, message: errorMessage(ctx.t, error) } });
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
        const hours = Number(field(request.body, 'hours'));
        await setBreaking(
          kit.deps,
          actor,
          id,
          Number.isFinite(hours) ? Math.round(hours * 60) : -1,
        );
        return `/admin/articles/${id}/edit?notice=saved`;
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
