/**
 * The live desk (`/admin/articles/<id>/live`): where writers run an
 * article's live coverage. Above, the article's headline and standfirst
 * with links to its public page and its editor, and the coverage's state
 * with «بدء التغطية المباشرة» / «إنهاء التغطية المباشرة» for editors.
 * Then a compact composer (an optional headline, the body in the same
 * rich-text editor as the article form, «تحديث رئيسي» and «مثبّت», one
 * button «نشر التحديث») beside the list of updates, newest first, each
 * with its time, author, marks and, for those allowed, «تعديل» and
 * «حذف». Side by side on a wide screen, stacked on a phone.
 *
 * Without JavaScript every part is a plain form that posts and comes back
 * here; with it (client/live-desk.ts) the composer posts by fetch, the new
 * update is put at the top of the list and the composer empties, and the
 * list follows other writers' updates every 10 s (`data-poll-url`).
 */
import { LIVE_UPDATE_HEADLINE_MAX, liveUpdateAnchor } from '../../../domain/live-coverage.js';
import type { LiveCoverage, LiveUpdate } from '../../../domain/live-coverage.js';
import type { EditableArticle } from '../../../domain/editable-article.js';
import { can } from '../../../domain/roles.js';
import { formatNumber } from '../../../arabic/digits.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, ErrorSummary, Field, FormError } from './form-fields.js';

/** What the composer (or an update's edit form) holds: as typed, when a refusal re-shows it. */
export interface LiveUpdateValues {
  headline: string;
  bodyHtml: string;
  key: boolean;
  pinned: boolean;
}

/** The id prefix of the composer's and the edit form's fields: `live-headline`, `live-body_html`. */
export const LIVE_FIELD_PREFIX = 'live';

/** Toolbar buttons the update editor leaves out: headings (an update has its own headline) and read-also boxes. */
export const LIVE_TOOLBAR_OMIT = 'h2 h3 h4 readAlso';

export interface LiveDeskData {
  article: EditableArticle;
  live: LiveCoverage | null;
  /** Newest first. */
  updates: LiveUpdate[];
  /** How many updates the coverage has in all. */
  total: number;
  /** The `?before=` of the next older page; null when there is none. */
  olderBefore: number | null;
  /** True when showing an older page (`?before=`): no polling then. */
  olderPage: boolean;
  /** The desk's signature (services/live-desk.ts), for the polling script. */
  signature: string;
  editorLabels: Record<string, string>;
  /** Whether the user may edit or delete each update (own for authors, any for editors). */
  mayChange: (update: LiveUpdate) => boolean;
}

export function LiveDeskPage(props: {
  ctx: AdminContext;
  data: LiveDeskData;
  notice?: AdminNotice | null;
  errors?: FormErrors;
  /** What was typed, when a refused post re-shows the composer. */
  values?: LiveUpdateValues;
}) {
  const { ctx, data } = props;
  const { t, user } = ctx;
  const { article } = data;
  const base = `/admin/articles/${article.id}/live`;
  const mayPost = user !== null && can(user, 'live.post');
  const composing = mayPost && data.live?.state === 'live';
  return (
    <AdminLayout ctx={ctx} title={t('admin.liveDesk.deskTitle')} notice={props.notice}>
      <header class="desk-head">
        <p class="desk-head__kicker">{t('admin.liveDesk.deskTitle')}</p>
        <h1 class="desk-head__headline">{article.headline || t('admin.liveDesk.noHeadline')}</h1>
        {article.excerpt ? <p class="desk-head__standfirst">{article.excerpt}</p> : null}
        <p class="desk-head__links">
          {article.status === 'published' ? (
            <a href={`/a/${article.id}`}>{t('admin.liveDesk.publicPage')}</a>
          ) : (
            <span>{t('admin.liveDesk.notPublished')}</span>
          )}
          <a href={`/admin/articles/${article.id}/edit`}>{t('admin.liveDesk.editArticle')}</a>
        </p>
      </header>
      <FormError message={props.errors?.form} />
      <div data-live-state="">
        <LiveStateCard ctx={ctx} article={article} live={data.live} />
      </div>
      <div
        class="desk-layout"
        data-live-desk
        data-poll-url={data.olderPage ? undefined : `${base}/poll`}
        data-signature={data.signature}
        data-state={data.live?.state ?? 'none'}
        data-arrived-label={t('admin.liveDesk.newFromOthers')}
      >
        <section class="card desk-composer" aria-labelledby="composer-heading">
          <h2 id="composer-heading">{t('admin.liveDesk.newUpdate')}</h2>
          {!mayPost ? (
            <p class="notice" data-read-only="">
              {t('admin.liveDesk.readOnly')}
            </p>
          ) : !composing ? (
            <p class="notice">
              {data.live?.state === 'ended'
                ? t('admin.liveDesk.endedNoPost')
                : t('admin.liveDesk.notStartedNoPost')}
            </p>
          ) : (
            <LiveUpdateForm
              ctx={ctx}
              id="live-composer"
              action={`${base}/updates`}
              labels={data.editorLabels}
              values={props.values}
              errors={props.errors?.fields ? { fields: props.errors.fields } : undefined}
              submitLabel={t('admin.liveDesk.post')}
              composer
            />
          )}
        </section>
        <section class="desk-updates" aria-labelledby="updates-heading">
          <h2 id="updates-heading">
            {t('admin.liveDesk.updates')}{' '}
            <span data-live-total="">({formatNumber(data.total, ctx.locale.numerals)})</span>
          </h2>
          <p class="desk-poll-status" data-live-poll-status="" aria-live="polite" />
          <ol class="desk-list" data-live-list="">
            {data.updates.map((update) => (
              <DeskUpdate ctx={ctx} update={update} mayChange={data.mayChange(update)} />
            ))}
          </ol>
          <p class="desk-empty" data-live-empty="" hidden={data.total > 0}>
            {t('admin.liveDesk.noUpdates')}
          </p>
          <p class="desk-pages">
            {data.olderPage ? <a href={base}>{t('admin.liveDesk.newest')}</a> : null}
            {data.olderBefore !== null ? (
              <a href={`${base}?before=${data.olderBefore}`}>{t('admin.liveDesk.older')}</a>
            ) : null}
          </p>
        </section>
      </div>
      {composing && ctx.assets.editorCss ? (
        <link rel="stylesheet" href={ctx.assets.editorCss} />
      ) : null}
      {ctx.assets.editorScript ? <script type="module" src={ctx.assets.editorScript} /> : null}
    </AdminLayout>
  );
}

/**
 * The coverage's state: not live, live since, ended at; with the start
 * button (and, while live, the end button behind a confirmation) for
 * those who may (`article.live`). `from` `edit` sends the end back to the
 * article's editor. Once ended the start button reads «استئناف…» and
 * sends `resume=1`, so that the desk says the coverage resumed. The ended
 * line is the badge «انتهت» then «في <time>»: the word is said once.
 */
export function LiveStateCard(props: {
  ctx: AdminContext;
  article: EditableArticle;
  live: LiveCoverage | null;
  from?: 'desk' | 'edit';
}) {
  const { ctx, article, live } = props;
  const { t, user } = ctx;
  const base = `/admin/articles/${article.id}/live`;
  const editor = user !== null && can(user, 'article.live');
  return (
    <section class="card desk-state" aria-labelledby="live-state-heading">
      <h2 id="live-state-heading" class="visually-hidden">
        {t('admin.liveDesk.stateHeading')}
      </h2>
      {live?.state === 'live' ? (
        <p class="desk-state__line">
          <span class="badge badge--live">{t('admin.liveDesk.onAir')}</span>{' '}
          {t('admin.liveDesk.since', { time: '' })}
          <AdminTime ctx={ctx} instant={live.startedAt} />
        </p>
      ) : live?.state === 'ended' ? (
        <p class="desk-state__line">
          <span class="badge">{t('admin.liveDesk.ended')}</span>{' '}
          {t('admin.liveDesk.endedAt', { time: '' })}
          <AdminTime ctx={ctx} instant={live.endedAt ?? live.startedAt} />
        </p>
      ) : (
        <p class="desk-state__line">{t('admin.liveDesk.notLive')}</p>
      )}
      {editor && live?.state !== 'live' ? (
        <form method="post" action={`${base}/start`} class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          {live?.state === 'ended' ? <input type="hidden" name="resume" value="1" /> : null}
          <button type="submit" class="button button--primary">
            {live?.state === 'ended' ? t('admin.liveDesk.restart') : t('admin.liveDesk.start')}
          </button>
        </form>
      ) : null}
      {editor && live?.state === 'live' ? (
        <details class="confirm">
          <summary class="button">{t('admin.liveDesk.end')}</summary>
          <form method="post" action={`${base}/end`} class="confirm__form">
            <CsrfField token={ctx.csrfToken} />
            {props.from === 'edit' ? <input type="hidden" name="from" value="edit" /> : null}
            <p>{t('admin.liveDesk.endConfirm')}</p>
            <button type="submit" class="button button--danger">
              {t('admin.liveDesk.endConfirmButton')}
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

/**
 * An update's form: the composer (`composer`: empties after each post,
 * keeps a copy in the browser until it is sent) or an update's edit form.
 * The body is the article form's editor over a textarea, so the form
 * posts without JavaScript.
 */
export function LiveUpdateForm(props: {
  ctx: AdminContext;
  id: string;
  action: string;
  labels: Record<string, string>;
  values?: LiveUpdateValues | undefined;
  errors?: FormErrors | undefined;
  submitLabel: string;
  composer?: boolean;
  /** The composer's copy in the browser is kept under this key (kept-copy.ts). */
  draftKey?: string;
  cancelHref?: string;
  /**
   * The edit form's `base_version`: the update's `updatedAt` (ISO, UTC)
   * the writer started from, so that a save over someone else's later
   * edit is refused (LIVE_UPDATE_CHANGED). None on the composer.
   */
  baseVersion?: Date;
}) {
  const { ctx, values } = props;
  const { t } = ctx;
  const fields = props.errors?.fields ?? {};
  const bodyError = fields.body_html;
  const bodyId = `${LIVE_FIELD_PREFIX}-body_html`;
  return (
    <form
      id={props.id}
      class="live-form"
      method="post"
      action={props.action}
      data-live-composer={props.composer ? '' : undefined}
      data-draft-key={props.composer ? `live:${props.action}` : undefined}
      data-posting-label={props.composer ? t('admin.liveDesk.posting') : undefined}
      data-posted-label={props.composer ? t('admin.liveDesk.postedNotice') : undefined}
      data-failed-label={props.composer ? t('admin.liveDesk.postFailed') : undefined}
      data-arrived-label={props.composer ? t('admin.liveDesk.newFromOthers') : undefined}
      data-ended-label={props.composer ? t('admin.liveDesk.endedWhileComposing') : undefined}
      novalidate
    >
      <CsrfField token={ctx.csrfToken} />
      {props.baseVersion ? (
        <input type="hidden" name="base_version" value={props.baseVersion.toISOString()} />
      ) : null}
      <div data-live-errors="">
        <ErrorSummary t={t} errors={props.errors} idPrefix={LIVE_FIELD_PREFIX} />
      </div>
      <Field
        name="headline"
        idPrefix={LIVE_FIELD_PREFIX}
        label={t('admin.liveDesk.headline')}
        hint={t('admin.liveDesk.headlineHint', { max: String(LIVE_UPDATE_HEADLINE_MAX) })}
        value={values?.headline ?? ''}
        error={fields.headline}
        maxLength={LIVE_UPDATE_HEADLINE_MAX}
      />
      <div class="field">
        <span class="field__label" id={`${bodyId}-label`}>
          {t('admin.liveDesk.body')}
        </span>
        <div
          data-editor
          data-target="body_html"
          data-media-url="/admin/api/media"
          data-toolbar-omit={LIVE_TOOLBAR_OMIT}
          data-labels={JSON.stringify(props.labels)}
          aria-labelledby={`${bodyId}-label`}
        />
        <textarea
          id={bodyId}
          name="body_html"
          class="body-source"
          dir="auto"
          rows={6}
          aria-labelledby={`${bodyId}-label`}
          aria-invalid={bodyError ? 'true' : undefined}
          aria-describedby={bodyError ? `${bodyId}-error` : undefined}
        >
          {values?.bodyHtml ?? ''}
        </textarea>
        <p
          class="field__error"
          id={`${bodyId}-error`}
          data-field-error="body_html"
          hidden={!bodyError}
        >
          {bodyError ?? ''}
        </p>
      </div>
      <div class="live-form__marks">
        <label>
          <input type="checkbox" name="key" value="1" checked={values?.key ?? false} />{' '}
          {t('admin.liveDesk.key')}
        </label>
        <label>
          <input type="checkbox" name="pinned" value="1" checked={values?.pinned ?? false} />{' '}
          {t('admin.liveDesk.pinned')}
        </label>
      </div>
      <p class="live-form__status" data-live-status="" aria-live="polite" />
      <p class="live-form__actions">
        <button type="submit" class="button button--primary" data-live-submit="">
          {props.submitLabel}
        </button>
        {props.cancelHref ? <a href={props.cancelHref}>{t('admin.liveDesk.cancel')}</a> : null}
      </p>
    </form>
  );
}

/**
 * One update in the desk's list: time, author, key/pinned marks, its
 * public link, headline and body; «تعديل» and «حذف» (behind a
 * confirmation) when `mayChange`. The desk's script receives the same
 * markup as JSON when an update is posted.
 */
export function DeskUpdate(props: { ctx: AdminContext; update: LiveUpdate; mayChange: boolean }) {
  const { ctx, update } = props;
  const { t } = ctx;
  const base = `/admin/articles/${update.articleId}/live/updates/${update.number}`;
  const classes = [
    'desk-update',
    update.key ? 'desk-update--key' : '',
    update.pinned ? 'desk-update--pinned' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li class={classes} id={liveUpdateAnchor(update.number)} data-number={String(update.number)}>
      <p class="desk-update__meta">
        <AdminTime ctx={ctx} instant={update.createdAt} />
        {' · '}
        <bdi>{update.author?.name ?? t('admin.liveDesk.formerUser')}</bdi>
        {update.key ? (
          <>
            {' '}
            <span class="badge badge--key">{t('admin.liveDesk.key')}</span>
          </>
        ) : null}
        {update.pinned ? (
          <>
            {' '}
            <span class="badge badge--pinned">{t('admin.liveDesk.pinned')}</span>
          </>
        ) : null}
        {update.updatedAt.getTime() !== update.createdAt.getTime() ? (
          <>
            {' '}
            <span class="desk-update__edited">{t('admin.liveDesk.edited')}</span>
          </>
        ) : null}{' '}
        <a href={`/a/${update.articleId}#${liveUpdateAnchor(update.number)}`} dir="ltr">
          #{update.number}
        </a>
      </p>
      {update.headline ? <h3 class="desk-update__headline">{update.headline}</h3> : null}
      <div class="desk-update__body" dangerouslySetInnerHTML={{ __html: update.bodyHtml }} />
      {props.mayChange ? (
        <div class="desk-update__actions">
          <a class="button" href={`${base}/edit`}>
            {t('admin.liveDesk.editUpdate')}
          </a>
          <details class="confirm">
            <summary class="button">{t('admin.liveDesk.deleteUpdate')}</summary>
            <form method="post" action={`${base}/delete`} class="confirm__form">
              <CsrfField token={ctx.csrfToken} />
              <p>{t('admin.liveDesk.deleteConfirm')}</p>
              <button type="submit" class="button button--danger">
                {t('admin.liveDesk.deleteConfirmButton')}
              </button>
            </form>
          </details>
        </div>
      ) : null}
    </li>
  );
}

/** The page that edits one update: the same form and editor as the composer. */
export function LiveUpdateEditPage(props: {
  ctx: AdminContext;
  article: EditableArticle;
  update: LiveUpdate;
  editorLabels: Record<string, string>;
  values?: LiveUpdateValues;
  errors?: FormErrors;
  /** The version the form started from (after a refusal: the one sent); default the stored one. */
  baseVersion?: Date;
}) {
  const { ctx, article, update } = props;
  const { t } = ctx;
  const desk = `/admin/articles/${article.id}/live`;
  const title = t('admin.liveDesk.editTitle', {
    number: formatNumber(update.number, ctx.locale.numerals),
  });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a href={desk}>{t('admin.liveDesk.backToDesk')}</a>
      </p>
      <h1>{title}</h1>
      <p class="desk-head__standfirst">{article.headline}</p>
      <section class="card">
        <LiveUpdateForm
          ctx={ctx}
          id="live-edit"
          action={`${desk}/updates/${update.number}`}
          labels={props.editorLabels}
          values={
            props.values ?? {
              headline: update.headline,
              bodyHtml: update.bodyHtml,
              key: update.key,
              pinned: update.pinned,
            }
          }
          errors={props.errors}
          submitLabel={t('admin.liveDesk.saveEdit')}
          cancelHref={`${desk}#${liveUpdateAnchor(update.number)}`}
          baseVersion={props.baseVersion ?? update.updatedAt}
        />
      </section>
      {ctx.assets.editorCss ? <link rel="stylesheet" href={ctx.assets.editorCss} /> : null}
      {ctx.assets.editorScript ? <script type="module" src={ctx.assets.editorScript} /> : null}
    </AdminLayout>
  );
}
