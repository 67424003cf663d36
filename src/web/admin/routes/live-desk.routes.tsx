/**
 * The live desk's routes (`/admin/articles/<id>/live…`): the desk, its
 * poll for other writers' updates, starting and ending the coverage,
 * posting, editing and deleting updates; and the deletion of an
 * article's public note (shown on the editor page).
 *
 * A post or edit sent as JSON (the desk's script) is answered in JSON: the
 * new update's number and its list item's HTML, or the refusal with the
 * message of each field (`{ error: { code, message }, fields: { headline?,
 * body_html? } }`), so the script shows it next to the field and keeps the
 * text. A plain form post is redirected back to the desk (303), or the
 * desk is shown again with the refusal and what was typed.
 *
 * Who may do what is the services' (services/live-coverage.ts): editors
 * start and end (`article.live`), authors and above post (`live.post`) and
 * change their own updates (`live.edit.own`), editors any (`live.edit.any`).
 * Contributors see the desk read-only.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { ArticleId } from '../../../domain/article-id.js';
import type { LiveUpdate } from '../../../domain/live-coverage.js';
import type { MessageKey } from '../../../i18n/format.js';
import { AppError, InvalidInput, InvalidInputs } from '../../../lib/errors.js';
import { isDiskFull } from '../../../lib/disk-full.js';
import { formatNumber } from '../../../arabic/digits.js';
import { deleteArticleNote } from '../../../services/article-notes.js';
import { loadArticle } from '../../../services/edit-article.js';
import {
  deleteLiveUpdate,
  editLiveUpdate,
  endLiveCoverage,
  getLiveUpdate,
  postLiveUpdate,
  startLiveCoverage,
  type LiveUpdateInput,
} from '../../../services/live-coverage.js';
import { liveDeskContent, mayChangeLiveUpdate } from '../../../services/live-desk.js';
import { success, type AdminContext } from '../admin-context.js';
import type { AdminKit } from '../admin-kit.js';
import { editorLabels } from '../editor-labels.js';
import { errorMessage, field } from '../form-errors.js';
import { wantsJson } from '../json-errors.js';
import { actorOf, articleIdParam } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import type { FormErrors } from '../views/auth-pages.js';
import {
  DeskUpdate,
  LiveDeskPage,
  LiveStateCard,
  LiveUpdateEditPage,
  type LiveUpdateValues,
} from '../views/live-desk-page.js';

/** Success notices of the desk, named in `?notice=`. */
const DESK_NOTICES: Readonly<Record<string, MessageKey>> = {
  'live-started': 'admin.liveDesk.startedNotice',
  'live-resumed': 'admin.liveDesk.resumedNotice',
  'live-ended': 'admin.liveDesk.endedNotice',
  'live-posted': 'admin.liveDesk.postedNotice',
  'live-edited': 'admin.liveDesk.editedNotice',
  'live-deleted': 'admin.liveDesk.deletedNotice',
};

/** The longest form field the desk reads besides the body: no headline is longer (the service says so). */
const HEADLINE_READ_MAX = 10_000;

/**
 * What an update form sent: the headline (cut at HEADLINE_READ_MAX, so
 * that the service still says it is too long), the body's HTML, and the
 * two marks (checked: `1`, `on`, `true` or JSON `true`).
 */
export function liveUpdateInputOf(body: unknown): LiveUpdateInput {
  return {
    headline: field(body, 'headline').slice(0, HEADLINE_READ_MAX),
    bodyHtml: field(body, 'body_html'),
    key: checked(body, 'key'),
    pinned: checked(body, 'pinned'),
  };
}

function checked(body: unknown, name: string): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const value = (body as Record<string, unknown>)[name];
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => v === true || v === '1' || v === 'on' || v === 'true');
}

/**
 * The edit form's `base_version` (ISO time, UTC: the update's `updatedAt`
 * when the form was opened), or undefined when absent or malformed (the
 * edit is then taken without the check).
 */
export function baseVersionOf(body: unknown): Date | undefined {
  const value = field(body, 'base_version');
  const date = /^\d{4}-\d{2}-\d{2}T[\d:.]{8,12}Z$/.test(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** The update number of the route (`:number`, 1 to 999,999,999), or a 404. */
function updateNumberParam(request: FastifyRequest): number {
  const raw = field(request.params, 'number');
  if (!/^[1-9]\d{0,8}$/.test(raw)) {
    throw new AppError('LIVE_UPDATE_NOT_FOUND', 'No such update.');
  }
  return Number(raw);
}

/** `?before=` of an older page of the desk: a positive whole number, else none. */
function beforeOf(request: FastifyRequest): number | undefined {
  const raw = field(request.query, 'before');
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * A refusal of an update form, said next to its fields: a too long
 * headline at `headline`; every other problem of a field (an empty body,
 * a body over the limits) at `body_html`; any other refusal (the coverage
 * is not live) above the form. Rethrows what is no refusal (5xx, 403, 404).
 */
export function liveFormErrors(ctx: AdminContext, error: unknown): FormErrors {
  if (isDiskFull(error)) return { form: ctx.t('admin.error.DISK_FULL') };
  if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
  if (error.status === 404) throw error;
  const problems =
    error instanceof InvalidInputs ? error.problems : error instanceof InvalidInput ? [error] : [];
  const bodyCodes = new Set(['BODY_HTML_TOO_LARGE', 'BODY_HTML_TOO_DEEP', 'LIVE_UPDATE_EMPTY']);
  if (problems.length === 0 && !bodyCodes.has(error.code)) {
    return { form: errorMessage(ctx, error) };
  }
  const fields: Record<string, string> = {};
  for (const problem of problems.length > 0 ? problems : [error]) {
    const name = problem.code === 'LIVE_UPDATE_HEADLINE_TOO_LONG' ? 'headline' : 'body_html';
    fields[name] ??= errorMessage(ctx, problem);
  }
  return { fields };
}

/** The status a refusal is answered with: its own (409 for a coverage not live), else 422. */
function refusalStatus(error: unknown): number {
  if (isDiskFull(error)) return 507;
  return error instanceof AppError && error.status >= 400 && error.status < 500
    ? error.status
    : 422;
}

/** Renders the desk of the route's article, with `extra` after a refusal. */
async function showDesk(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: { errors?: FormErrors; values?: LiveUpdateValues; status?: number } = {},
) {
  const actor = actorOf(request);
  const id = articleIdParam(request);
  const before = beforeOf(request);
  const content = await liveDeskContent(kit.deps, actor, id, {
    ...(before === undefined ? {} : { beforeNumber: before }),
  });
  const ctx = kit.context(request, reply);
  const notice = DESK_NOTICES[field(request.query, 'notice')];
  return kit.render(
    reply,
    <LiveDeskPage
      ctx={ctx}
      data={{
        ...content,
        olderPage: before !== undefined,
        editorLabels: updateEditorLabels(ctx),
        mayChange: (update) => mayChangeLiveUpdate(actor, update),
      }}
      notice={notice && !extra.errors ? success(ctx.t(notice)) : null}
      {...(extra.errors ? { errors: extra.errors } : {})}
      {...(extra.values ? { values: extra.values } : {})}
    />,
    extra.status,
  );
}

/** The list item of `update` as HTML, as the desk shows it to the request's user. */
function deskItemHtml(ctx: AdminContext, update: LiveUpdate, mayChange: boolean): string {
  return renderToString(<DeskUpdate ctx={ctx} update={update} mayChange={mayChange} />);
}

/** Answers a refused JSON post or edit: the status, the code, the message and each field's. */
function sendJsonRefusal(reply: FastifyReply, ctx: AdminContext, error: unknown): FastifyReply {
  const errors = liveFormErrors(ctx, error);
  const code = error instanceof AppError ? error.code : 'DISK_FULL';
  const message = errors.form ?? Object.values(errors.fields ?? {})[0] ?? '';
  return reply
    .code(refusalStatus(error))
    .header('cache-control', 'no-store')
    .send({ error: { code, message }, fields: errors.fields ?? {} });
}

/** The editor's labels for an update: the article editor's, with the body named as an update's. */
function updateEditorLabels(ctx: AdminContext): Record<string, string> {
  return {
    ...editorLabels(ctx.t),
    body: ctx.t('admin.liveDesk.body'),
    bodyPlaceholder: ctx.t('admin.liveDesk.bodyPlaceholder'),
  };
}

/** Redirects to the desk of article `id` with `notice` (and an update's anchor). */
function toDesk(kit: AdminKit, reply: FastifyReply, id: ArticleId, notice: string, anchor = '') {
  return kit.redirect(reply, `/admin/articles/${id}/live?notice=${notice}${anchor}`);
}

export const liveDeskRoutes: AdminRoute[] = [
  adminRoute({
    id: 'live.desk',
    method: 'GET',
    url: '/admin/articles/:id/live',
    permission: 'article.create',
    handler: (request, reply, kit) => showDesk(request, reply, kit),
  }),
  adminRoute({
    id: 'live.poll',
    method: 'GET',
    url: '/admin/articles/:id/live/poll',
    permission: 'article.create',
    handler: async (request, reply, kit) => {
      // What the desk's script asks every 10 s: nothing new, or the list and the state again.
      const actor = actorOf(request);
      const content = await liveDeskContent(kit.deps, actor, articleIdParam(request));
      reply.header('cache-control', 'no-store');
      if (field(request.query, 'since') === content.signature) {
        return reply.send({ signature: content.signature, changed: false });
      }
      const ctx = kit.context(request, reply);
      return reply.send({
        signature: content.signature,
        changed: true,
        state: content.live?.state ?? null,
        total: content.total,
        totalText: `(${formatNumber(content.total, ctx.locale.numerals)})`,
        stateHtml: renderToString(
          <LiveStateCard ctx={ctx} article={content.article} live={content.live} />,
        ),
        listHtml: content.updates
          .map((u) => deskItemHtml(ctx, u, mayChangeLiveUpdate(actor, u)))
          .join(''),
      });
    },
  }),
  adminRoute({
    id: 'live.start',
    method: 'POST',
    url: '/admin/articles/:id/live/start',
    permission: 'article.live',
    handler: async (request, reply, kit) => {
      const id = articleIdParam(request);
      try {
        await startLiveCoverage(kit.deps, actorOf(request), id);
      } catch (error) {
        const errors = liveFormErrors(kit.context(request, reply), error);
        return showDesk(request, reply, kit, { errors, status: refusalStatus(error) });
      }
      // An ended coverage reopened (the ended card's form sends resume=1) says so.
      const resumed = field(request.body, 'resume') === '1';
      return toDesk(kit, reply, id, resumed ? 'live-resumed' : 'live-started');
    },
  }),
  adminRoute({
    id: 'live.end',
    method: 'POST',
    url: '/admin/articles/:id/live/end',
    permission: 'article.live',
    handler: async (request, reply, kit) => {
      const id = articleIdParam(request);
      try {
        await endLiveCoverage(kit.deps, actorOf(request), id);
      } catch (error) {
        const ctx = kit.context(request, reply);
        // Not live (another editor ended it first): said as an end, not as a post.
        const errors =
          error instanceof AppError && error.code === 'LIVE_NOT_STARTED'
            ? { form: ctx.t('admin.liveDesk.endNotLive') }
            : liveFormErrors(ctx, error);
        return showDesk(request, reply, kit, { errors, status: refusalStatus(error) });
      }
      if (field(request.body, 'from') === 'edit') {
        return kit.redirect(reply, `/admin/articles/${id}/edit?notice=live-ended`);
      }
      return toDesk(kit, reply, id, 'live-ended');
    },
  }),
  adminRoute({
    id: 'live.post',
    method: 'POST',
    url: '/admin/articles/:id/live/updates',
    permission: 'live.post',
    handler: async (request, reply, kit) => {
      const actor = actorOf(request);
      const id = articleIdParam(request);
      const input = liveUpdateInputOf(request.body);
      let update: LiveUpdate;
      try {
        update = await postLiveUpdate(kit.deps, actor, id, input);
      } catch (error) {
        const ctx = kit.context(request, reply);
        if (wantsJson(request)) return sendJsonRefusal(reply, ctx, error);
        const errors = liveFormErrors(ctx, error);
        return showDesk(request, reply, kit, {
          errors,
          values: input,
          status: refusalStatus(error),
        });
      }
      if (!wantsJson(request)) {
        return toDesk(kit, reply, id, 'live-posted', `#update-${update.number}`);
      }
      const ctx = kit.context(request, reply);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          number: update.number,
          createdAt: update.createdAt.toISOString(),
          url: `/a/${id}#update-${update.number}`,
          html: deskItemHtml(ctx, update, mayChangeLiveUpdate(actor, update)),
        });
    },
  }),
  adminRoute({
    id: 'live.update.edit',
    method: 'GET',
    url: '/admin/articles/:id/live/updates/:number/edit',
    permission: 'live.edit.own',
    handler: async (request, reply, kit) => showUpdateEditor(request, reply, kit),
  }),
  adminRoute({
    id: 'live.update.save',
    method: 'POST',
    url: '/admin/articles/:id/live/updates/:number',
    permission: 'live.edit.own',
    handler: async (request, reply, kit) => {
      const actor = actorOf(request);
      const id = articleIdParam(request);
      const number = updateNumberParam(request);
      const input = liveUpdateInputOf(request.body);
      const baseVersion = baseVersionOf(request.body);
      let update: LiveUpdate;
      try {
        update = await editLiveUpdate(kit.deps, actor, id, number, input, {
          ...(baseVersion ? { baseVersion } : {}),
        });
      } catch (error) {
        const ctx = kit.context(request, reply);
        if (wantsJson(request)) return sendJsonRefusal(reply, ctx, error);
        const errors = liveFormErrors(ctx, error);
        // After LIVE_UPDATE_CHANGED the form starts from the stored version
        // (the writer has been told; sending again is their choice).
        const changed = error instanceof AppError && error.code === 'LIVE_UPDATE_CHANGED';
        return showUpdateEditor(request, reply, kit, {
          errors,
          values: input,
          status: refusalStatus(error),
          ...(baseVersion && !changed ? { baseVersion } : {}),
        });
      }
      if (!wantsJson(request)) {
        return toDesk(kit, reply, id, 'live-edited', `#update-${update.number}`);
      }
      const ctx = kit.context(request, reply);
      return reply.header('cache-control', 'no-store').send({
        number: update.number,
        html: deskItemHtml(ctx, update, mayChangeLiveUpdate(actor, update)),
      });
    },
  }),
  adminRoute({
    id: 'live.update.delete',
    method: 'POST',
    url: '/admin/articles/:id/live/updates/:number/delete',
    permission: 'live.edit.own',
    handler: async (request, reply, kit) => {
      const id = articleIdParam(request);
      const number = updateNumberParam(request);
      await deleteLiveUpdate(kit.deps, actorOf(request), id, number);
      if (wantsJson(request)) {
        return reply.header('cache-control', 'no-store').send({ deleted: number });
      }
      return toDesk(kit, reply, id, 'live-deleted');
    },
  }),
  adminRoute({
    id: 'articles.note.delete',
    method: 'POST',
    url: '/admin/articles/:id/notes/:note/delete',
    permission: 'article.edit.any',
    handler: async (request, reply, kit) => {
      const id = articleIdParam(request);
      const note = field(request.params, 'note');
      if (!/^[1-9]\d{0,18}$/.test(note)) {
        throw new AppError('ARTICLE_NOTE_NOT_FOUND', 'No such note.');
      }
      await deleteArticleNote(kit.deps, actorOf(request), id, note);
      return kit.redirect(reply, `/admin/articles/${id}/edit?notice=note-deleted`);
    },
  }),
];

/**
 * The edit page of the route's update, with `extra` after a refusal.
 * @throws LIVE_UPDATE_NOT_FOUND (404); FORBIDDEN (403) unless the user may
 *   change it (own for authors, any for editors).
 */
async function showUpdateEditor(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: {
    errors?: FormErrors;
    values?: LiveUpdateValues;
    status?: number;
    baseVersion?: Date;
  } = {},
) {
  const actor = actorOf(request);
  const id = articleIdParam(request);
  const number = updateNumberParam(request);
  const [article, update] = await Promise.all([
    loadArticle(kit.deps, id),
    getLiveUpdate(kit.deps, id, number),
  ]);
  if (!update) throw new AppError('LIVE_UPDATE_NOT_FOUND', 'No such update.');
  if (!mayChangeLiveUpdate(actor, update)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow changing this update.');
  }
  const ctx = kit.context(request, reply);
  return kit.render(
    reply,
    <LiveUpdateEditPage
      ctx={ctx}
      article={article}
      update={update}
      editorLabels={updateEditorLabels(ctx)}
      {...(extra.values ? { values: extra.values } : {})}
      {...(extra.errors ? { errors: extra.errors } : {})}
      {...(extra.baseVersion ? { baseVersion: extra.baseVersion } : {})}
    />,
    extra.status,
  );
}
