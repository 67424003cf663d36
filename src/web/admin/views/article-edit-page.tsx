/**
 * Writing and publishing one article: the form (headline, standfirst, the
 * rich-text body, slug, section, tags, bylines, featured image, SEO), and
 * beside it the publishing panel with the moves the user may make, the
 * breaking-news and lead-story controls, the preview link, and the history.
 * Without JavaScript the body is a plain HTML textarea and the form still
 * saves. A static page (kind `page`) has no section, tags, bylines,
 * featured image, breaking-news flag or lead story: those are not shown.
 */
import type { EditableArticle } from '../../../domain/editable-article.js';
import {
  ARTICLE_NOTE_MAX,
  ARTICLE_NOTE_KINDS,
  type ArticleNote,
  type ArticleNoteKind,
} from '../../../domain/article-note.js';
import type { LiveCoverage } from '../../../domain/live-coverage.js';
import type { MediaItem } from '../../../domain/media.js';
import { can } from '../../../domain/roles.js';
import type { ArticleKind, Section } from '../../../domain/article.js';
import { pagePath } from '../../../domain/article-path.js';
import type { User } from '../../../domain/user.js';
import type { WirePubStatus } from '../../../domain/wire-item.js';
import { movePermission, movesFrom, type WorkflowMove } from '../../../domain/workflow.js';
import type { WorkflowEvent } from '../../../domain/revision.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime, adminTime } from './admin-time.js';
import { formatTime, localDateKey } from '../../../arabic/dates.js';
import { countPhrase, HOUR_FORMS } from '../../../arabic/plural.js';
import type { FormErrors } from './auth-pages.js';
import { BylineField } from './byline-field.js';
import { FeaturedImageField } from './featured-image-field.js';
import { CsrfField, ErrorSummary, Field } from './form-fields.js';
import { LiveStateCard } from './live-desk-page.js';
import { ArticleViewsPanel } from './article-views-panel.js';
import { PushAlertPanel } from './push-alert-panel.js';
import type { PushAlertPanelData } from '../../../domain/push-alert.js';
import type { ArticleViewHistory } from '../../../domain/live-readers.js';
import { TelegramPostPanel, type TelegramPanelData } from './telegram-post-panel.js';

export interface EditPageData {
  /** Null on the new-article page, before the first save. */
  article: EditableArticle | null;
  /** The article's kind, or what the new one will be: a news article or a static page. */
  kind: ArticleKind;
  sections: Section[];
  users: User[];
  media: MediaItem[];
  events: WorkflowEvent[];
  isLead: boolean;
  previewUrl: string | null;
  editorLabels: Record<string, string>;
  /** The article's views since publication (issue 19); null before it is published. */
  views?: ArticleViewHistory | null;
  /** False shows the article read-only (archived; a contributor's submitted article). */
  editable: boolean;
  /** The user's autosave newer than the last save, if any. */
  pendingAutosave: { id: string; createdAt: Date } | null;
  /**
   * The agency item the article was drafted from (wire desk), when the
   * agency changed it after it was used (null when it has not), and its
   * publishing status now (absent: usable).
   */
  wire?: {
    itemId: string;
    agency: string;
    updatedAtSource: Date | null;
    /** The agency's time of the change; null when it gave none (then the arrival time is shown). */
    agencyUpdatedAt?: Date | null;
    status?: WirePubStatus;
    /** The article is published (a withdrawn item's notice then says to unpublish it). */
    articlePublished?: boolean;
  } | null;
  /** The article's live coverage (issue 19); null or absent when it never was live. */
  live?: LiveCoverage | null;
  /** The article's public notes, oldest first (issue 19). */
  notes?: ArticleNote[];
  /** Its post to the Telegram channel (issue 20); absent or null unless it is published. */
  telegram?: TelegramPanelData | null;
  /** The article's browser alert (issue 20): published news, for `reader.alert` holders. */
  pushAlert?: PushAlertPanelData | null;
}

/** The public note as typed in the form (`none`: a silent fix), when re-showing a refused save. */
export interface NoteValues {
  kind: ArticleNoteKind | 'none';
  text: string;
}

/** Hours offered for the breaking-news flag. */
const BREAKING_HOURS = [1, 3, 6, 12, 24, 48];

export function ArticleEditPage(props: {
  ctx: AdminContext;
  data: EditPageData;
  errors?: FormErrors;
  notice?: AdminNotice | null;
  /** What was sent, when re-showing a refused form. */
  values?: Partial<EditableArticle>;
  /** The featured image's alt text as typed, when re-showing a refused form. */
  featuredAlt?: string | undefined;
  /** The public note as typed, when re-showing a refused form. */
  note?: NoteValues | undefined;
}) {
  const { ctx, data } = props;
  const { t, user } = ctx;
  const a = { ...(data.article ?? {}), ...(props.values ?? {}) } as Partial<EditableArticle>;
  const id = data.article?.id;
  const fields = props.errors?.fields ?? {};
  const page = data.kind === 'page';
  const title = page
    ? id
      ? t('admin.pages.edit')
      : t('admin.pages.new')
    : id
      ? t('admin.articles.edit')
      : t('admin.articles.new');
  const editsBylines = user !== null && can(user, 'article.edit.any');
  // A new page is not autosaved: the autosave of a new draft makes a news article.
  const autosaves = data.editable && (id !== undefined || !page);
  return (
    <AdminLayout ctx={ctx} title={title} notice={props.notice}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={props.errors} />
      {!data.editable ? <p class="notice">{t('admin.readOnly')}</p> : null}
      {data.wire ? <WireNotice ctx={ctx} wire={data.wire} /> : null}
      {data.pendingAutosave && data.article && data.editable ? (
        <p class="notice">
          {t('admin.autosave.pending', { time: adminTime(ctx, data.pendingAutosave.createdAt) })}{' '}
          <a href={`/admin/articles/${data.article.id}/revisions/${data.pendingAutosave.id}`}>
            {t('admin.autosave.review')}
          </a>
        </p>
      ) : null}
      <div class="edit-layout">
        <form
          id="article-form"
          class="card edit-form"
          method="post"
          action={id ? `/admin/articles/${id}` : page ? '/admin/pages' : '/admin/articles'}
          data-autosave-url={
            !autosaves
              ? undefined
              : id
                ? `/admin/articles/${id}/autosave`
                : '/admin/articles/autosave'
          }
          data-autosaved-label={t('admin.autosaved')}
          data-draft-key={!autosaves ? undefined : id ? `article:${id}` : 'new'}
          data-saved-at={data.article?.updatedAt.toISOString()}
        >
          <CsrfField token={ctx.csrfToken} />
          {data.article ? (
            <input type="hidden" name="version" value={ctx.now.toISOString()} />
          ) : null}
          <fieldset class="edit-form__fields" disabled={!data.editable}>
            <Field
              name="headline"
              label={t('admin.field.headline')}
              value={a.headline}
              error={fields.headline}
              big
            />
            <Field
              name="excerpt"
              label={t('admin.field.excerpt')}
              hint={t('admin.hint.excerpt')}
              value={a.excerpt}
              error={fields.excerpt}
              rows={2}
            />
            <div class="field">
              <span class="field__label" id="body-label">
                {t('admin.field.body')}
              </span>
              {data.editable ? (
                <div
                  data-editor
                  data-target="body_html"
                  data-search-url="/admin/api/article-search"
                  data-media-url="/admin/api/media"
                  data-labels={JSON.stringify(data.editorLabels)}
                  aria-labelledby="body-label"
                />
              ) : (
                <div class="body-preview" dangerouslySetInnerHTML={{ __html: a.bodyHtml ?? '' }} />
              )}
              <textarea
                name="body_html"
                class="body-source"
                dir="auto"
                rows={16}
                aria-labelledby="body-label"
                hidden={!data.editable}
              >
                {a.bodyHtml ?? ''}
              </textarea>
            </div>
            <details
              class="more-fields"
              open={Boolean(fields.slug || fields.tags || fields.seoTitle)}
            >
              <summary>
                {page
                  ? `${t('admin.field.slug')} · SEO`
                  : `${t('admin.field.section')} · ${t('admin.field.tags')} · ${t('admin.field.slug')} · SEO`}
              </summary>
              {page ? null : (
                <>
                  <div class="field">
                    <label for="field-sectionId">{t('admin.field.section')}</label>
                    <select id="field-sectionId" name="sectionId">
                      <option value="">{t('admin.field.noSection')}</option>
                      {data.sections.map((s) => (
                        <option value={s.id} selected={s.id === a.sectionId}>
                          {s.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Field
                    name="tags"
                    label={t('admin.field.tags')}
                    hint={t('admin.hint.tags')}
                    value={(a.tags ?? []).join('، ')}
                    error={fields.tags}
                  />
                </>
              )}
              <Field
                name="slug"
                label={t('admin.field.slug')}
                hint={t('admin.hint.slug')}
                value={a.slug ?? ''}
                error={fields.slug}
              />
              <Field
                name="seoTitle"
                label={t('admin.field.seoTitle')}
                value={a.seoTitle}
                error={fields.seoTitle}
              />
              <Field
                name="seoDescription"
                label={t('admin.field.seoDescription')}
                value={a.seoDescription}
                error={fields.seoDescription}
                rows={2}
              />
            </details>
            {page ? null : (
              <>
                {editsBylines ? (
                  <BylineField
                    ctx={ctx}
                    users={data.users}
                    chosen={a.authorIds ?? [user?.id ?? '']}
                    error={fields.authorIds}
                  />
                ) : (
                  <fieldset class="field">
                    <legend>{t('admin.field.bylines')}</legend>
                    <p>
                      <bdi>
                        {(a.authorIds ?? [user?.id ?? ''])
                          .map((id) => data.users.find((u) => u.id === id)?.displayName)
                          .filter((name) => name !== undefined)
                          .join('، ')}
                      </bdi>
                    </p>
                    {fields.authorIds ? <p class="field__error">{fields.authorIds}</p> : null}
                  </fieldset>
                )}
                <Field
                  name="byline"
                  label={t('admin.field.sourceCredit')}
                  hint={t('admin.field.sourceCreditHint')}
                  value={a.byline ?? ''}
                  error={fields.byline}
                />
                <FeaturedImageField
                  ctx={ctx}
                  media={data.media}
                  article={a}
                  typedAlt={props.featuredAlt}
                  fields={fields}
                />
              </>
            )}
            {data.article?.status === 'published' && data.editable ? (
              <NoteFields
                ctx={ctx}
                note={props.note}
                error={fields.note_text}
                kindError={fields.note_kind}
              />
            ) : null}
          </fieldset>
          <p data-autosave-status aria-live="polite" class="autosave-status" />
          {data.editable ? (
            <button type="submit" class="button button--primary">
              {id ? t('admin.save') : t('admin.create')}
            </button>
          ) : null}
        </form>
        {data.article ? <PublishingPanel ctx={ctx} data={data} /> : null}
        {data.article && data.telegram ? (
          <TelegramPostPanel ctx={ctx} articleId={data.article.id} data={data.telegram} />
        ) : null}
        {data.pushAlert && id ? (
          <PushAlertPanel ctx={ctx} articleId={id} data={data.pushAlert} />
        ) : null}
        {data.views ? <ArticleViewsPanel ctx={ctx} history={data.views} /> : null}
      </div>
      {data.editable && ctx.assets.editorCss ? (
        <link rel="stylesheet" href={ctx.assets.editorCss} />
      ) : null}
      {data.editable && ctx.assets.editorScript ? (
        <script type="module" src={ctx.assets.editorScript} />
      ) : null}
    </AdminLayout>
  );
}

function PublishingPanel({ ctx, data }: { ctx: AdminContext; data: EditPageData }) {
  const { t, user } = ctx;
  const article = data.article;
  if (!article || !user) return null;
  const moves = movesFrom(article.status).filter((move) =>
    can(user, movePermission(move, article), article.authorIds, article.kind),
  );
  const page = article.kind === 'page';
  const action = (path: string) => `/admin/articles/${article.id}/${path}`;
  return (
    <aside class="card publish-panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('admin.workflow.title')}</h2>
      <p>
        {t('admin.workflow.status', { status: t(`admin.status.${article.status}`) })}
        {article.scheduledAt ? (
          <>
            <br />
            {t('admin.workflow.scheduledFor', { time: '' })}
            <AdminTime ctx={ctx} instant={article.scheduledAt} />
          </>
        ) : null}
      </p>
      {moves.map((move) => (
        <MoveButton ctx={ctx} move={move} />
      ))}
      {movePermission('publish', article) === 'article.publish.any' &&
      can(user, 'article.publish', article.authorIds) &&
      !moves.includes('publish') ? (
        <p class="field__hint">{t('admin.workflow.heldByEditor')}</p>
      ) : null}
      {can(user, 'article.breaking') && !page ? <BreakingForm ctx={ctx} article={article} /> : null}
      {can(user, 'article.lead') && article.status === 'published' && !page ? (
        <form method="post" action={action('lead')}>
          <CsrfField token={ctx.csrfToken} />
          {data.isLead ? <p>{t('admin.lead.pinned')}</p> : null}
          <input type="hidden" name="pin" value={data.isLead ? '0' : '1'} />
          <button type="submit" class="button">
            {data.isLead ? t('admin.lead.unpin') : t('admin.lead.pin')}
          </button>
        </form>
      ) : null}
      {article.status !== 'published' ? (
        <form method="post" action={action('preview')}>
          <CsrfField token={ctx.csrfToken} />
          {data.previewUrl ? (
            <p>
              {t('admin.preview.link')}{' '}
              <a href={data.previewUrl} dir="ltr">
                {data.previewUrl}
              </a>
            </p>
          ) : null}
          <button type="submit" class="button" aria-describedby="preview-hint">
            {t('admin.preview.create')}
          </button>
          <p class="field__hint" id="preview-hint">
            {t('admin.preview.existing')}
          </p>
        </form>
      ) : (
        <p>
          <a href={page && article.slug ? pagePath(article.slug) : `/a/${article.id}`}>
            {t('admin.nav.site')}
          </a>
        </p>
      )}
      <p>
        <a href={action('revisions')}>{t('admin.revisions.title')}</a>
      </p>
      {page ? null : <LivePanel ctx={ctx} article={article} live={data.live ?? null} />}
      {(data.notes ?? []).length > 0 ? (
        <NotesList ctx={ctx} article={article} notes={data.notes ?? []} />
      ) : null}
      {data.events.length > 0 ? (
        <>
          <h3>{t('admin.workflow.history')}</h3>
          <ol class="history">
            {data.events.map((e) => (
              <li>
                <bdi>{e.userName ?? t('admin.workflow.system')}</bdi>:{' '}
                {t(`admin.status.${e.toStatus}` as never)} · <AdminTime ctx={ctx} instant={e.at} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </aside>
  );
}

/**
 * The breaking-news control. It opens on the article's current state
 * (`keep`: «يبقى عاجلاً حتى …» or «ليس عاجلاً»), so applying it untouched
 * changes nothing; cancelling is its own option, offered only while the
 * article is breaking.
 */
function BreakingForm({ ctx, article }: { ctx: AdminContext; article: EditableArticle }) {
  const { t } = ctx;
  const until =
    article.breakingUntil && article.breakingUntil > ctx.now ? article.breakingUntil : null;
  return (
    <form method="post" action={`/admin/articles/${article.id}/breaking`} class="stack">
      <CsrfField token={ctx.csrfToken} />
      <label for="breaking-hours">{t('admin.breaking.title')}</label>
      {until ? (
        <p class="badge badge--breaking">
          {t('admin.breaking.until', { time: '' })}
          <AdminTime ctx={ctx} instant={until} />
        </p>
      ) : null}
      <select id="breaking-hours" name="hours">
        <option value="keep" selected>
          {until
            ? t('admin.breaking.keep', { time: breakingEnd(ctx, until) })
            : t('admin.breaking.off')}
        </option>
        {until ? <option value="0">{t('admin.breaking.cancel')}</option> : null}
        {BREAKING_HOURS.map((h) => (
          <option value={String(h)}>
            {t(until ? 'admin.breaking.hoursFromNow' : 'admin.breaking.hours', {
              hours:
                ctx.lang === 'ar'
                  ? countPhrase(h, HOUR_FORMS, ctx.locale.numerals)
                  : `${h} ${h === 1 ? 'hour' : 'hours'}`,
            })}
          </option>
        ))}
      </select>
      <button type="submit" class="button">
        {t('admin.breaking.set')}
      </button>
    </form>
  );
}

/**
 * When the flag ends, short enough for a phone's select: the time alone
 * on the same day (in the site's time zone), else the date and time.
 */
function breakingEnd(ctx: AdminContext, until: Date): string {
  const zone = ctx.locale.timeZone;
  return localDateKey(until, zone) === localDateKey(ctx.now, zone)
    ? formatTime(until, ctx.locale)
    : adminTime(ctx, until);
}

/**
 * A workflow move as a button of the article's form (`form="article-form"`):
 * it saves what is typed, then moves (routes/article-editor.tsx saveForm),
 * so alt text or a caption typed before «نشر الآن» is never lost.
 */
function MoveButton({ ctx, move }: { ctx: AdminContext; move: WorkflowMove }) {
  const { t } = ctx;
  return (
    <div class="stack">
      {move === 'schedule' ? (
        <>
          <label for="scheduled-at">
            {t('admin.field.scheduledAt', { zone: ctx.locale.timeZone })}
          </label>
          <input
            id="scheduled-at"
            type="datetime-local"
            name="scheduledAt"
            form="article-form"
            dir="ltr"
          />
        </>
      ) : null}
      <button
        type="submit"
        form="article-form"
        name="move"
        value={move}
        class={`button${move === 'publish' ? ' button--primary' : ''}`}
      >
        {t(`admin.move.${move}`)}
      </button>
    </div>
  );
}

/**
 * Where a wire-desk draft came from, with a link to the agency's item; and
 * a warning, with the time, when the agency has changed the item since.
 * When the agency withdrew or withheld the item, an error notice says so
 * instead: the draft must not be published (moveArticle refuses it), or,
 * already published, it must be unpublished or corrected.
 */
function WireNotice(props: { ctx: AdminContext; wire: NonNullable<EditPageData['wire']> }) {
  const { ctx, wire } = props;
  const { t } = ctx;
  const href = `/admin/wire/items/${wire.itemId}`;
  if (wire.status === 'canceled' || wire.status === 'withheld')
    return (
      <p class="notice notice--error notice--wire-withdrawn" role="alert">
        {t(
          wire.articlePublished
            ? wire.status === 'canceled'
              ? 'admin.wire.canceledAfterPublish'
              : 'admin.wire.withheldAfterPublish'
            : wire.status === 'canceled'
              ? 'admin.wire.canceledSinceUse'
              : 'admin.wire.withheldSinceUse',
        )}{' '}
        {t('admin.wire.fromAgency', { agency: `\u2068${wire.agency}\u2069` })}{' '}
        <a href={href}>{t('admin.wire.seeItem')}</a>
      </p>
    );
  return (
    <>
      <p class="notice notice--wire">
        {t('admin.wire.fromAgency', { agency: `\u2068${wire.agency}\u2069` })}{' '}
        <a href={href}>{t('admin.wire.seeItem')}</a>
      </p>
      {wire.updatedAtSource ? (
        <p class="notice notice--warning" role="alert">
          {t('admin.wire.updatedSinceUse', {
            time: adminTime(ctx, wire.agencyUpdatedAt ?? wire.updatedAtSource),
          })}{' '}
          {wire.agencyUpdatedAt ? (
            <>{t('admin.wire.arrivedAt', { time: adminTime(ctx, wire.updatedAtSource) })} </>
          ) : null}
          <a href={href}>{t('admin.wire.seeUpdate')}</a>
        </p>
      ) : null}
    </>
  );
}

/**
 * The public note of a save of a published article (issue 19): none (a
 * silent fix, the default), a correction or an update, and its text. It
 * is sent with the form's save only (routes/article-editor.tsx saveForm);
 * autosaves never store one.
 */
function NoteFields(props: {
  ctx: AdminContext;
  note: NoteValues | undefined;
  error: string | undefined;
  kindError: string | undefined;
}) {
  const { t } = props.ctx;
  const kind = props.note?.kind ?? 'none';
  return (
    <fieldset class="field note-fields" aria-describedby="note-hint">
      <legend>{t('admin.publicNote.legend')}</legend>
      <p class="field__hint" id="note-hint">
        {t('admin.publicNote.hint')}
      </p>
      <div class="note-fields__kinds">
        {(['none', ...ARTICLE_NOTE_KINDS] as const).map((value) => (
          <label>
            <input
              type="radio"
              name="note_kind"
              value={value}
              checked={kind === value}
              // The error summary's link to the kind goes to the first choice.
              id={value === 'none' ? 'field-note_kind' : undefined}
              aria-invalid={props.kindError ? 'true' : undefined}
              aria-describedby={props.kindError ? 'field-note_kind-error' : undefined}
            />{' '}
            {t(`admin.publicNote.kind.${value}`)}
          </label>
        ))}
      </div>
      {props.kindError ? (
        <p class="field__error" id="field-note_kind-error">
          {props.kindError}
        </p>
      ) : null}
      <Field
        name="note_text"
        label={t('admin.publicNote.text')}
        hint={t('admin.publicNote.textHint', { max: String(ARTICLE_NOTE_MAX) })}
        value={props.note?.text ?? ''}
        error={props.error}
        rows={3}
        maxLength={ARTICLE_NOTE_MAX}
      />
    </fieldset>
  );
}

/**
 * The article's live coverage in the publishing panel: its state, the
 * link to its live desk, and for editors the start and end buttons (the
 * end comes back here).
 */
function LivePanel(props: {
  ctx: AdminContext;
  article: EditableArticle;
  live: LiveCoverage | null;
}) {
  const { ctx, article, live } = props;
  const { t, user } = ctx;
  const editor = user !== null && can(user, 'article.live');
  if (!live && !editor) return null;
  return (
    <section class="live-panel" aria-labelledby="live-panel-heading">
      <h3 id="live-panel-heading">{t('admin.liveDesk.panelTitle')}</h3>
      <LiveStateCard ctx={ctx} article={article} live={live} from="edit" />
      {live ? (
        <p>
          <a href={`/admin/articles/${article.id}/live`}>{t('admin.liveDesk.openDesk')}</a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The article's public notes, oldest first, with their kind, time and
 * text; editors may delete one (behind a confirmation).
 */
function NotesList(props: { ctx: AdminContext; article: EditableArticle; notes: ArticleNote[] }) {
  const { ctx, article } = props;
  const { t, user } = ctx;
  const deletes = user !== null && can(user, 'article.edit.any');
  return (
    <section class="notes-panel" aria-labelledby="notes-heading">
      <h3 id="notes-heading">{t('admin.publicNote.listTitle')}</h3>
      <ol class="notes-list">
        {props.notes.map((note) => (
          <li class={`notes-list__item notes-list__item--${note.kind}`} id={`note-${note.id}`}>
            <p class="notes-list__meta">
              <strong>{t(`admin.publicNote.kind.${note.kind}`)}</strong> ·{' '}
              <AdminTime ctx={ctx} instant={note.createdAt} />
            </p>
            <p class="notes-list__text" dir="auto">
              {note.text}
            </p>
            {deletes ? (
              <details class="confirm">
                <summary class="button">{t('admin.publicNote.delete')}</summary>
                <form
                  method="post"
                  action={`/admin/articles/${article.id}/notes/${note.id}/delete`}
                  class="confirm__form"
                >
                  <CsrfField token={ctx.csrfToken} />
                  <p>{t('admin.publicNote.deleteConfirm')}</p>
                  <button type="submit" class="button button--danger">
                    {t('admin.publicNote.deleteConfirmButton')}
                  </button>
                </form>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
