/**
 * The article editor page: shown, and shown again with the reason when a
 * save or an article action (move, breaking, lead, preview) is refused.
 * It edits static pages too (kind `page`), without their news fields.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleId } from '../../../domain/article-id.js';
import type { ArticleKind } from '../../../domain/article.js';
import type { EditableArticle } from '../../../domain/editable-article.js';
import { can, type Actor } from '../../../domain/roles.js';
import { pushAlertPanel } from '../../../services/push-alerts.js';
import type { MessageKey } from '../../../i18n/format.js';
import { isDiskFull } from '../../../lib/disk-full.js';
import { articleViewHistory } from '../../../services/live-readers.js';
import { WORKFLOW_MOVES, type WorkflowMove } from '../../../domain/workflow.js';
import { AppError, InvalidInput } from '../../../lib/errors.js';
import { wallClockToUtc } from '../../../lib/time-zone.js';
import { moveArticle } from '../../../services/move-article.js';
import { createArticle, loadArticle, saveArticle } from '../../../services/edit-article.js';
import { editorPageContent } from '../../../services/editor-page.js';
import { wireNoticeForArticle } from '../../../services/wire-draft.js';
import { liveAndNotesOf } from '../../../services/live-desk.js';
import { telegramPostState } from '../../../services/telegram-posts.js';
import { isArticleNoteKind, type ArticleNoteKind } from '../../../domain/article-note.js';
import { contentFromForm, featuredAltOf, versionOf } from '../article-form.js';
import { success } from '../admin-context.js';
import type { AdminKit } from '../admin-kit.js';
import { editorLabels } from '../editor-labels.js';
import { errorMessage, field, formErrorsOf } from '../form-errors.js';
import { actorOf, articleIdParam } from '../route-params.js';
import { adminTime } from '../views/admin-time.js';
import type { FormErrors } from '../views/auth-pages.js';
import { ArticleEditPage, type NoteValues } from '../views/article-edit-page.js';

/** What a re-shown editor carries: the refusal, what was typed, and the status (default 200). */
export interface EditorExtras {
  errors?: FormErrors;
  values?: Partial<EditableArticle>;
  status?: number;
  /** What a new one (`article` null) will be: a news article (default) or a static page. */
  kind?: ArticleKind;
  /** The featured image's alt text as typed, when re-showing a refused form. */
  featuredAlt?: string | undefined;
  /** The public note as typed, when re-showing a refused form. */
  note?: NoteValues | undefined;
}

/**
 * Renders the edit page of `article`, or the new-article page when it is
 * null, with the notice named in `?notice=` and the preview link of
 * `?preview=`.
 */
export async function showEditor(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  article: EditableArticle | null,
  extra: EditorExtras = {},
) {
  const ctx = kit.context(request, reply);
  const [content, wire, liveAndNotes] = await Promise.all([
    editorPageContent(kit.deps, actorOf(request), article),
    article ? wireNoticeForArticle(kit.deps, article.id) : null,
    article ? liveAndNotesOf(kit.deps, article.id) : null,
  ]);
  const notice = field(request.query, 'notice');
  const preview = field(request.query, 'preview');
  const origin = kit.deps.originOf(request);
  // Issue 19: the article's views since publication, beside the publishing panel.
  const views = article?.publishedAt
    ? await articleViewHistory(
        { database: kit.deps.database, timeZone: kit.deps.config.timeZone },
        article.id,
        article.publishedAt,
        kit.deps.now(),
      )
    : null;
  // Issue 20: the browser alert's panel, for editors and administrators.
  const user = request.user;
  const pushAlert =
    article?.status === 'published' &&
    article.kind === 'article' &&
    user &&
    can(user, 'reader.alert')
      ? await pushAlertPanel(kit.deps, article.id)
      : null;
  return kit.render(
    reply,
    <ArticleEditPage
      ctx={ctx}
      data={{
        article,
        kind: article?.kind ?? extra.kind ?? 'article',
        ...content,
        wire,
        live: liveAndNotes?.live ?? null,
        notes: liveAndNotes?.notes ?? [],
        previewUrl: /^[A-Za-z0-9_-]{43}$/.test(preview) ? `${origin}/preview/${preview}` : null,
        editorLabels: editorLabels(ctx.t),
        views,
        telegram:
          article?.status === 'published' && article.kind !== 'page'
            ? await telegramPostState(kit.deps, article.id)
            : null,
        pushAlert,
      }}
      notice={
        NOTICE_KEYS[notice]
          ? success(
              ctx.t(NOTICE_KEYS[notice], {
                status: statusLabel(ctx.t, field(request.query, 'status')),
                time: article?.breakingUntil ? adminTime(ctx, article.breakingUntil) : '',
              }),
            )
          : null
      }
      errors={extra.errors}
      values={extra.values}
      featuredAlt={extra.featuredAlt}
      note={extra.note}
    />,
    extra.status,
  );
}

const NOTICE_KEYS: Record<string, MessageKey> = {
  saved: 'admin.saved',
  moved: 'admin.moved',
  restored: 'admin.revisions.restored',
  // Breaking news: what the editor's choice did, never only «saved».
  'breaking-set': 'admin.breaking.setNotice',
  'breaking-cancelled': 'admin.breaking.cancelledNotice',
  'breaking-unchanged': 'admin.breaking.unchangedNotice',
  'wire-draft': 'admin.wire.draftMade',
  // Issue 19: live coverage ended from the editor's panel, a public note deleted.
  'live-ended': 'admin.liveDesk.endedNotice',
  'note-deleted': 'admin.publicNote.deletedNotice',
  // Issue 20: «نشر في تيليغرام».
  'telegram-queued': 'admin.telegram.queuedNotice',
  'telegram-already': 'admin.telegram.alreadyNotice',
  // Issue 20: «إرسال تنبيه» queued the article's browser alert.
  'push-queued': 'admin.pushAlert.queued',
};

function statusLabel(t: ReturnType<AdminKit['context']>['t'], status: string): string {
  return t(`admin.status.${status}` as MessageKey);
}

/**
 * Saves the submitted form, or with `id` null creates the article (or, with
 * `kind` `page`, the static page) from it; a refused field re-shows the form
 * with what was typed (a new article's form stays new: nothing was stored).
 */
export async function saveForm(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  actor: Actor,
  id: ArticleId | null,
  kind: ArticleKind = 'article',
) {
  // A read-only form (an archived article, a contributor's submitted one)
  // sends none of the article's fields, its fieldset being disabled: a move
  // pressed there (restore, withdraw) only moves; saving it was refused.
  if (id !== null && field(request.body, 'move') !== '' && !hasArticleFields(request.body)) {
    return articleAction(request, reply, kit, (mover) => pressedMove(request, kit, mover, id));
  }
  const content = contentFromForm(request.body, [actor.id]);
  const featuredAlt = featuredAltOf(request.body);
  const typedNote = noteOf(request.body);
  const note =
    typedNote.kind === 'none' ? undefined : { kind: typedNote.kind, text: typedNote.text };
  let saved: ArticleId;
  try {
    // A note's text with no kind chosen would be lost by a silent save: asked for instead.
    if (id !== null && typedNote.kind === 'none' && typedNote.text.trim() !== '') {
      throw new InvalidInput('ARTICLE_NOTE_KIND_INVALID', 'note_kind', 'Choose the kind of note.');
    }
    saved =
      id === null
        ? await createArticle(kit.deps, actor, content, { kind, featuredAlt })
        : (await saveArticle(kit.deps, actor, id, content, {
            baseVersion: versionOf(request.body),
            featuredAlt,
            ...(note ? { note } : {}),
          }),
          id);
  } catch (error) {
    if (error instanceof AppError && error.status === 403) throw error;
    const ctx = kit.context(request, reply);
    return showEditor(request, reply, kit, id === null ? null : await loadArticle(kit.deps, id), {
      errors: formErrorsOf(ctx, error),
      values: content,
      featuredAlt,
      note: typedNote,
      status: isDiskFull(error) ? 507 : 422,
      kind,
    });
  }
  // A move pressed in the article's form: what was typed is saved first, so
  // a refused publish (an image without alt text) loses nothing.
  if (id !== null && field(request.body, 'move') !== '') {
    return articleAction(request, reply, kit, (mover) => pressedMove(request, kit, mover, id));
  }
  return kit.redirect(reply, `/admin/articles/${saved}/edit?notice=saved`);
}

/** Whether a posted article form carries the article's fields (its headline at least). */
function hasArticleFields(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'headline' in body;
}

/** The longest note text read from a form: longer is cut here and still refused as too long by the service. */
const NOTE_READ_MAX = 20_000;

/**
 * The public note a save sent (issue 19): `note_kind` `correction` or
 * `update` with `note_text`; anything else (absent, `none`, unknown) is
 * none, a silent fix. The text is kept as typed (cut at NOTE_READ_MAX),
 * for the service to check and for a refused form to show again.
 */
export function noteOf(body: unknown): NoteValues {
  const kind = field(body, 'note_kind');
  const text = field(body, 'note_text').slice(0, NOTE_READ_MAX);
  return { kind: isArticleNoteKind(kind) ? (kind as ArticleNoteKind) : 'none', text };
}

/**
 * Makes the workflow move a form sent (`move`: publish, submit, schedule
 * with `scheduledAt` in the site's time zone…), as the publishing panel's
 * buttons send it with the article's fields, or alone to `…/move`.
 * @returns the editor's address with the `moved` notice.
 * @throws AppError MOVE_NOT_POSSIBLE for an unknown move; what moveArticle throws.
 */
export async function pressedMove(
  request: FastifyRequest,
  kit: AdminKit,
  actor: Actor,
  id: ArticleId,
): Promise<string> {
  const move = field(request.body, 'move');
  if (!(WORKFLOW_MOVES as readonly string[]).includes(move)) {
    throw new AppError('MOVE_NOT_POSSIBLE', 'Unknown move.');
  }
  const scheduledAt = parseLocalTime(field(request.body, 'scheduledAt'), kit.deps.config.timeZone);
  const status = await moveArticle(kit.deps, actor, id, move as WorkflowMove, {
    ...(scheduledAt ? { scheduledAt } : {}),
  });
  return `/admin/articles/${id}/edit?notice=moved&status=${status}`;
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

/** Runs an article action; a refusal re-shows the edit page with the reason. */
export async function articleAction(
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
      errors: { form: errorMessage(ctx, error) },
      status: 422,
    });
  }
}
