/**
 * The newsroom's newsletters (issue 20): the list of editions with their
 * status and counts (sent, failed, unsubscribed by their link), «نشرة
 * جديدة», the automatic digest's time (administrators); and the edition
 * editor: subject and intro, its articles (move up or down, remove, add
 * from a headline search), the email's preview (HTML in a sandboxed
 * iframe, and the text part), send now, schedule, and a test email.
 * Works without JavaScript: every button is a small form.
 */
import { formatNumber } from '../../../arabic/digits.js';
import type {
  EditionEditor,
  EditionListItem,
  EditionStatus,
  EditionsOverview,
} from '../../../domain/newsletter-edition.js';
import { EDITION_INTRO_MAX, EDITION_SUBJECT_MAX } from '../../../domain/newsletter-edition.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime, adminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, ErrorSummary, Field } from './form-fields.js';

const STATUS_KEY = {
  draft: 'admin.newsletters.status.draft',
  scheduled: 'admin.newsletters.status.scheduled',
  sending: 'admin.newsletters.status.sending',
  sent: 'admin.newsletters.status.sent',
} as const satisfies Record<EditionStatus, string>;

function StatusBadge({ ctx, status }: { ctx: AdminContext; status: EditionStatus }) {
  return <span class={`badge badge--${status}`}>{ctx.t(STATUS_KEY[status])}</span>;
}

function Count({ ctx, n }: { ctx: AdminContext; n: number }) {
  return <>{formatNumber(n, ctx.locale.numerals)}</>;
}

function EditionRow({ ctx, edition }: { ctx: AdminContext; edition: EditionListItem }) {
  const { t } = ctx;
  return (
    <tr>
      <td class="edition-list__subject">
        <a href={`/admin/newsletters/${edition.id}`}>
          <bdi>{edition.subject}</bdi>
        </a>
        <br />
        <small>
          {t(
            edition.kind === 'breaking'
              ? 'admin.newsletters.kind.breaking'
              : 'admin.newsletters.kind.digest',
          )}
          {edition.digestDate ? ` · ${t('admin.newsletters.automatic')}` : ''}
        </small>
      </td>
      <td data-label={t('admin.newsletters.statusHeading')}>
        <StatusBadge ctx={ctx} status={edition.status} />
        {edition.status === 'scheduled' && edition.scheduledFor ? (
          <>
            {' '}
            <AdminTime ctx={ctx} instant={edition.scheduledFor} />
          </>
        ) : null}
        {edition.status === 'sent' && edition.sentAt ? (
          <>
            {' '}
            <AdminTime ctx={ctx} instant={edition.sentAt} />
          </>
        ) : null}
      </td>
      <td data-count="sent" data-label={t('admin.newsletters.sent')}>
        <Count ctx={ctx} n={edition.sent} />
        {edition.pending > 0 ? (
          <small> ({t('admin.newsletters.pending', { n: edition.pending })})</small>
        ) : null}
      </td>
      <td data-count="failed" data-label={t('admin.newsletters.failed')}>
        <Count ctx={ctx} n={edition.failed} />
      </td>
      <td data-count="unsubscribed" data-label={t('admin.newsletters.unsubscribed')}>
        <Count ctx={ctx} n={edition.unsubscribed} />
      </td>
    </tr>
  );
}

export function NewslettersPage(props: {
  ctx: AdminContext;
  overview: EditionsOverview;
  notice?: AdminNotice | null | undefined;
  errors?: FormErrors | undefined;
  digestValue?: string | undefined;
}) {
  const { ctx, overview } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.newsletters.title')} notice={props.notice}>
      <h1>{t('admin.newsletters.title')}</h1>
      <p>
        {t('admin.newsletters.subscribers', {
          digest: overview.subscribers.digest,
          breaking: overview.subscribers.breaking,
        })}
      </p>
      <form method="post" action="/admin/newsletters/new" class="inline-form">
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="button button--primary">
          {t('admin.newsletters.new')}
        </button>{' '}
        <span class="field__hint">{t('admin.newsletters.newHint')}</span>
      </form>
      {overview.editions.length === 0 ? (
        <p class="empty">{t('admin.newsletters.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="delivery-log edition-list">
            <thead>
              <tr>
                <th>{t('admin.newsletters.subject')}</th>
                <th>{t('admin.newsletters.statusHeading')}</th>
                <th>{t('admin.newsletters.sent')}</th>
                <th>{t('admin.newsletters.failed')}</th>
                <th>{t('admin.newsletters.unsubscribed')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.editions.map((edition) => (
                <EditionRow key={edition.id} ctx={ctx} edition={edition} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section class="card card--narrow">
        <h2>{t('admin.newsletters.digest')}</h2>
        <p>
          {overview.digestTime
            ? t('admin.newsletters.digestOn', { time: overview.digestTime })
            : t('admin.newsletters.digestOff')}
        </p>
        {overview.canSetDigestTime ? (
          <form method="post" action="/admin/newsletters/digest-time">
            <CsrfField token={ctx.csrfToken} />
            <ErrorSummary t={t} errors={props.errors} />
            <Field
              name="digestTime"
              label={t('admin.newsletters.digestTime')}
              hint={t('admin.newsletters.digestTimeHint', { zone: ctx.locale.timeZone })}
              value={props.digestValue ?? overview.digestTime ?? ''}
              error={props.errors?.fields?.digestTime}
              dir="ltr"
              maxLength={5}
            />
            <button type="submit" class="button">
              {t('admin.newsletters.digestSave')}
            </button>
          </form>
        ) : null}
      </section>
    </AdminLayout>
  );
}

/** A one-button form posting `fields` to `action`. */
function ButtonForm(props: {
  ctx: AdminContext;
  action: string;
  fields: Record<string, string>;
  label: string;
  title?: string;
  kind?: 'primary' | 'danger';
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.ctx.csrfToken} />
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        class={props.kind ? `button button--${props.kind}` : 'button button--small'}
        title={props.title}
        aria-label={props.title}
      >
        {props.label}
      </button>
    </form>
  );
}

/** `at` as a datetime-local value in the site's time zone. */
function localInputValue(ctx: AdminContext, at: Date | null): string {
  if (!at) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ctx.locale.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** What the editor sent, shown again with a refusal. */
export interface EditionValues {
  subject?: string;
  intro?: string;
  address?: string;
  at?: string;
}

export function EditionPage(props: {
  ctx: AdminContext;
  editor: EditionEditor;
  q: string;
  notice?: AdminNotice | null | undefined;
  errors?: FormErrors | undefined;
  values?: EditionValues | undefined;
}) {
  const { ctx, editor, q } = props;
  const { t } = ctx;
  const { edition } = editor;
  const base = `/admin/newsletters/${edition.id}`;
  const editable = edition.status === 'draft' || edition.status === 'scheduled';
  const errors = props.errors;
  return (
    <AdminLayout ctx={ctx} title={edition.subject} notice={props.notice}>
      <p>
        <a href="/admin/newsletters">{t('admin.newsletters.back')}</a>
      </p>
      <h1>
        <bdi>{edition.subject}</bdi> <StatusBadge ctx={ctx} status={edition.status} />
      </h1>
      <p>
        {t(
          edition.kind === 'breaking'
            ? 'admin.newsletters.kind.breaking'
            : 'admin.newsletters.kind.digest',
        )}
        {' · '}
        {t('admin.newsletters.recipients', { n: editor.recipients })}
      </p>
      {edition.status === 'scheduled' && edition.scheduledFor ? (
        <p class="notice notice--warning edition-scheduled-note">
          {t('admin.newsletters.scheduledNote', { time: adminTime(ctx, edition.scheduledFor) })}
        </p>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <div class="edition-editor">
        <div class="edition-editor__form">
          {editable ? (
            <form method="post" action={base} class="card">
              <CsrfField token={ctx.csrfToken} />
              <Field
                name="subject"
                label={t('admin.newsletters.subject')}
                value={props.values?.subject ?? edition.subject}
                error={errors?.fields?.subject}
                maxLength={EDITION_SUBJECT_MAX}
                required
              />
              <Field
                name="intro"
                label={t('admin.newsletters.intro')}
                hint={t('admin.newsletters.introHint')}
                value={props.values?.intro ?? edition.intro}
                error={errors?.fields?.intro}
                rows={4}
                maxLength={EDITION_INTRO_MAX}
              />
              {editor.articles.map((a) => (
                <input key={a.id} type="hidden" name="articles" value={a.id} />
              ))}
              <button type="submit" class="button button--primary">
                {t('admin.newsletters.save')}
              </button>
            </form>
          ) : null}
          <section class="card">
            <h2>{t('admin.newsletters.articles')}</h2>
            {editor.articles.length === 0 ? (
              <p class="empty">{t('admin.newsletters.noArticles')}</p>
            ) : (
              <ol class="edition-articles">
                {editor.articles.map((a, i) => (
                  <li key={a.id} data-article={a.id}>
                    <bdi>{a.headline}</bdi>
                    {editable ? (
                      <span class="edition-articles__actions">
                        {i > 0 ? (
                          <ButtonForm
                            ctx={ctx}
                            action={`${base}/articles`}
                            fields={{ move: 'up', article: a.id }}
                            label="↑"
                            title={t('admin.newsletters.up', { headline: a.headline })}
                          />
                        ) : null}
                        {i < editor.articles.length - 1 ? (
                          <ButtonForm
                            ctx={ctx}
                            action={`${base}/articles`}
                            fields={{ move: 'down', article: a.id }}
                            label="↓"
                            title={t('admin.newsletters.down', { headline: a.headline })}
                          />
                        ) : null}
                        <ButtonForm
                          ctx={ctx}
                          action={`${base}/articles`}
                          fields={{ move: 'remove', article: a.id }}
                          label={t('admin.newsletters.remove')}
                          title={t('admin.newsletters.removeNamed', { headline: a.headline })}
                        />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {editable ? (
              <>
                <form method="get" action={base} class="inline-form" role="search">
                  <label for="edition-search">{t('admin.newsletters.search')}</label>{' '}
                  <input id="edition-search" type="search" name="q" value={q} dir="auto" />{' '}
                  <button type="submit" class="button button--small">
                    {t('admin.newsletters.searchButton')}
                  </button>
                </form>
                {q !== '' && editor.found.length === 0 ? (
                  <p class="empty">{t('admin.newsletters.notFound')}</p>
                ) : null}
                {editor.found.length > 0 ? (
                  <ul class="edition-found">
                    {editor.found.map((a) => (
                      <li key={a.id}>
                        <bdi>{a.headline}</bdi>{' '}
                        <ButtonForm
                          ctx={ctx}
                          action={`${base}/articles`}
                          fields={{ move: 'add', article: a.id, q }}
                          label={t('admin.newsletters.add')}
                          title={t('admin.newsletters.addNamed', { headline: a.headline })}
                        />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </section>
          {editable ? (
            <section class="card">
              <h2>{t('admin.newsletters.sendHeading')}</h2>
              <ButtonForm
                ctx={ctx}
                action={`${base}/send`}
                fields={{}}
                label={t('admin.newsletters.sendNow', { n: editor.recipients })}
                kind="primary"
              />
              <form method="post" action={`${base}/schedule`}>
                <CsrfField token={ctx.csrfToken} />
                <div class="field">
                  <label for="field-at">{t('admin.newsletters.scheduleAt')}</label>
                  <input
                    id="field-at"
                    type="datetime-local"
                    name="at"
                    dir="ltr"
                    value={props.values?.at ?? localInputValue(ctx, edition.scheduledFor)}
                    aria-invalid={errors?.fields?.at ? 'true' : undefined}
                  />
                  <p class="field__hint">
                    {t('admin.newsletters.scheduleHint', { zone: ctx.locale.timeZone })}
                  </p>
                  {errors?.fields?.at ? <p class="field__error">{errors.fields.at}</p> : null}
                </div>
                <button type="submit" class="button">
                  {t('admin.newsletters.schedule')}
                </button>
              </form>
              {edition.status === 'scheduled' ? (
                <ButtonForm
                  ctx={ctx}
                  action={`${base}/schedule`}
                  fields={{ at: '' }}
                  label={t('admin.newsletters.unschedule')}
                />
              ) : null}
            </section>
          ) : null}
          <section class="card">
            <h2>{t('admin.newsletters.test')}</h2>
            {editor.canTest ? (
              <form method="post" action={`${base}/test`}>
                <CsrfField token={ctx.csrfToken} />
                <Field
                  name="address"
                  type="email"
                  label={t('admin.newsletters.testAddress')}
                  value={props.values?.address ?? ctx.user?.email ?? ''}
                  error={errors?.fields?.address}
                  required
                />
                <button type="submit" class="button">
                  {t('admin.newsletters.testSend')}
                </button>
              </form>
            ) : (
              <p class="empty">{t('admin.newsletters.testOff')}</p>
            )}
          </section>
        </div>
        <section class="edition-editor__preview">
          <h2>{t('admin.newsletters.preview')}</h2>
          <p>
            <a href={`${base}/preview.html`} target="_blank" rel="noopener">
              {t('admin.newsletters.previewOpen')}
            </a>
          </p>
          <iframe
            class="edition-preview"
            title={t('admin.newsletters.previewHtml')}
            sandbox=""
            srcdoc={editor.mail.html}
            width="100%"
            height="900"
          />
          <h3>{t('admin.newsletters.previewText')}</h3>
          <pre class="edition-text" dir="auto">
            {editor.mail.text}
          </pre>
        </section>
      </div>
    </AdminLayout>
  );
}
