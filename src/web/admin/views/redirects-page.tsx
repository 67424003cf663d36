/**
 * Redirects of old addresses, for editors and administrators: the list
 * (each with its hits and last use, a form to change it and one to delete
 * it), a search, a form to add one, CSV import and export in the
 * WordPress Redirection plugin's format, and the addresses most missed
 * in the last 30 days, each with a form to redirect it.
 */
import { formatDate } from '../../../arabic/dates.js';
import { formatNumber } from '../../../arabic/digits.js';
import { countPhrase, TIMES_FORMS } from '../../../arabic/plural.js';
import { REDIRECT_STATUSES, type MissedPath, type Redirect } from '../../../domain/redirect.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { ConfirmedActionForm, CsrfField, Field, FormError } from './form-fields.js';

/** What the last CSV upload did, as the page reports it. */
export interface CsvReportView {
  saved: number;
  regex: number;
  inactive: number;
  problems: { line: number; field: 'source' | 'target' | 'code' }[];
}

/** A form shown again with what was typed and its errors: the new one (`id` null) or a row's. */
export interface RedirectFormState {
  id: string | null;
  values: { from: string; to: string; status: string };
  errors: FormErrors;
}

export interface RedirectsPageProps {
  ctx: AdminContext;
  redirects: Redirect[];
  total: number;
  search: string;
  page: number;
  perPage: number;
  missed: MissedPath[];
  notice?: AdminNotice | undefined;
  form?: RedirectFormState | undefined;
  /** An error of the CSV upload, said above its form. */
  csvError?: string | undefined;
  csvReport?: CsvReportView | undefined;
  /** The largest CSV file, said in the upload's hint (`2 MB`). */
  csvMaxSize: string;
}

/** Problems of an upload listed one by one; more are counted. */
const PROBLEMS_LISTED = 50;

export function RedirectsPage(props: RedirectsPageProps) {
  const { ctx, form } = props;
  const { t } = ctx;
  const n = (value: number) => formatNumber(value, ctx.locale.numerals);
  const newForm = form?.id === null ? form : undefined;
  const pages = Math.max(1, Math.ceil(props.total / props.perPage));
  const pageHref = (page: number) =>
    `/admin/redirects?${new URLSearchParams({
      ...(props.search ? { q: props.search } : {}),
      page: String(page),
    }).toString()}`;
  return (
    <AdminLayout ctx={ctx} title={t('admin.redirects.title')} notice={props.notice}>
      <h1>{t('admin.redirects.title')}</h1>
      <p>{t('admin.redirects.intro')}</p>

      <section class="card card--narrow" id="new-redirect">
        <h2>{t('admin.redirects.add')}</h2>
        <FormError message={newForm?.errors.form} />
        <form method="post" action="/admin/redirects">
          <CsrfField token={ctx.csrfToken} />
          <RedirectFields ctx={ctx} idPrefix="new" state={newForm} />
          <button type="submit" class="button button--primary">
            {t('admin.redirects.add')}
          </button>
        </form>
      </section>

      <section class="card" id="missed">
        <h2>{t('admin.redirects.missedTitle')}</h2>
        <p>{t('admin.redirects.missedIntro')}</p>
        {props.missed.length === 0 ? (
          <p class="empty">{t('admin.redirects.missedNone')}</p>
        ) : (
          <ul class="user-list">
            {props.missed.map((missed, index) => (
              <li class="user-list__item" key={missed.path}>
                <div class="user-list__who">
                  <code dir="ltr">
                    <bdi>{missed.path}</bdi>
                  </code>
                  <span>
                    {t('admin.redirects.missedHits', { times: times(ctx, missed.hits) })} ·{' '}
                    {t('admin.redirects.missedLast')} {dayText(ctx, missed.lastDay)}
                  </span>
                </div>
                <form method="post" action="/admin/redirects" class="inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="from" value={missed.path} />
                  <input type="hidden" name="status" value="301" />
                  <label for={`missed-${index}-to`}>{t('admin.redirects.to')}</label>
                  <input id={`missed-${index}-to`} name="to" type="text" dir="ltr" required />
                  <button type="submit" class="button">
                    {t('admin.redirects.addForMissed')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" id="list">
        <h2>{t('admin.redirects.listTitle', { count: n(props.total) })}</h2>
        <form method="get" action="/admin/redirects" role="search" class="inline-form">
          <label for="redirects-q">{t('admin.redirects.search')}</label>
          <input id="redirects-q" name="q" type="search" value={props.search} dir="auto" />
          <button type="submit" class="button">
            {t('admin.redirects.searchSubmit')}
          </button>
        </form>
        {props.redirects.length === 0 ? (
          <p class="empty">{t('admin.redirects.none')}</p>
        ) : (
          <ul class="user-list">
            {props.redirects.map((redirect) => {
              const rowForm = form?.id === redirect.id ? form : undefined;
              return (
                <li class="user-list__item" key={redirect.id} id={`redirect-${redirect.id}`}>
                  <div class="user-list__who">
                    <code dir="ltr">
                      <bdi>{redirect.fromPath}</bdi>
                    </code>
                    <span>
                      {'← '}
                      <code dir="ltr">
                        <bdi>{redirect.toPath}</bdi>
                      </code>{' '}
                      <span class="badge">{n(redirect.status)}</span>{' '}
                      <span class="badge">{t(`admin.redirects.origin.${redirect.origin}`)}</span>
                    </span>
                    <span>
                      {redirect.hits > 0 && redirect.lastHitAt ? (
                        <>
                          {t('admin.redirects.hits', { times: times(ctx, redirect.hits) })} ·{' '}
                          {t('admin.redirects.lastHit')}{' '}
                          <AdminTime ctx={ctx} instant={redirect.lastHitAt} />
                        </>
                      ) : (
                        t('admin.redirects.neverHit')
                      )}
                    </span>
                  </div>
                  <details open={rowForm !== undefined}>
                    <summary>{t('admin.redirects.change')}</summary>
                    <FormError message={rowForm?.errors.form} />
                    <form method="post" action={`/admin/redirects/${redirect.id}`}>
                      <CsrfField token={ctx.csrfToken} />
                      <RedirectFields
                        ctx={ctx}
                        idPrefix={`redirect-${redirect.id}`}
                        state={
                          rowForm ?? {
                            id: redirect.id,
                            values: {
                              from: redirect.fromPath,
                              to: redirect.toPath,
                              status: String(redirect.status),
                            },
                            errors: {},
                          }
                        }
                      />
                      <button type="submit" class="button">
                        {t('admin.redirects.save')}
                      </button>
                    </form>
                  </details>
                  <div class="user-list__actions">
                    <ConfirmedActionForm
                      action={`/admin/redirects/${redirect.id}/delete`}
                      csrfToken={ctx.csrfToken}
                      confirmLabel={t('admin.redirects.confirmDelete')}
                      buttonLabel={t('admin.redirects.delete')}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {pages > 1 ? (
          <nav class="pager" aria-label={t('pager.label')}>
            {props.page > 1 ? (
              <a href={pageHref(props.page - 1)} rel="prev">
                {t('pager.previous')}
              </a>
            ) : null}
            {props.page < pages ? (
              <a href={pageHref(props.page + 1)} rel="next">
                {t('pager.next')}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section class="card card--narrow" id="csv">
        <h2>{t('admin.redirects.csvTitle')}</h2>
        <p>{t('admin.redirects.csvIntro')}</p>
        <p>
          <a href="/admin/redirects/export" class="button" download="redirects.csv">
            {t('admin.redirects.export')}
          </a>
        </p>
        <FormError message={props.csvError} />
        {props.csvReport ? <CsvReport ctx={ctx} report={props.csvReport} /> : null}
        <form
          method="post"
          action={`/admin/redirects/import?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
          enctype="multipart/form-data"
        >
          <div class="field">
            <label for="redirects-csv">{t('admin.redirects.csvFile')}</label>
            <input
              id="redirects-csv"
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-describedby="redirects-csv-hint"
            />
            <p class="field__hint" id="redirects-csv-hint">
              {t('admin.redirects.csvHint', { size: props.csvMaxSize })}
            </p>
          </div>
          <button type="submit" class="button button--primary">
            {t('admin.redirects.import')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

function RedirectFields(props: {
  ctx: AdminContext;
  idPrefix: string;
  state: RedirectFormState | undefined;
}) {
  const { t } = props.ctx;
  const values = props.state?.values;
  const errors = props.state?.errors.fields;
  const id = `${props.idPrefix}-status`;
  const status = values?.status || '301';
  return (
    <>
      <Field
        name="from"
        label={t('admin.redirects.from')}
        hint={t('admin.redirects.fromHint')}
        value={values?.from}
        error={errors?.from}
        idPrefix={props.idPrefix}
        dir="ltr"
        required
      />
      <Field
        name="to"
        label={t('admin.redirects.to')}
        hint={t('admin.redirects.toHint')}
        value={values?.to}
        error={errors?.to}
        idPrefix={props.idPrefix}
        dir="ltr"
        required
      />
      <div class="field">
        <label for={id}>{t('admin.redirects.status')}</label>
        <select id={id} name="status">
          {REDIRECT_STATUSES.map((code) => (
            <option value={String(code)} selected={String(code) === status}>
              {t(`admin.redirects.status.${code}`)}
            </option>
          ))}
        </select>
        {errors?.status ? <p class="field__error">{errors.status}</p> : null}
      </div>
    </>
  );
}

function CsvReport({ ctx, report }: { ctx: AdminContext; report: CsvReportView }) {
  const { t } = ctx;
  const n = (value: number) => formatNumber(value, ctx.locale.numerals);
  const listed = report.problems.slice(0, PROBLEMS_LISTED);
  // Its kind is said: all saved is a success; nothing saved with refused lines, a refusal.
  const refused = report.problems.length > 0;
  const kind = !refused
    ? 'notice--success'
    : report.saved === 0
      ? 'notice--error'
      : 'notice--partial';
  return (
    <div class={`notice ${kind}`} role={refused && report.saved === 0 ? 'alert' : 'status'}>
      <p>
        {t('admin.redirects.csvSaved', { count: n(report.saved) })}{' '}
        {t('admin.redirects.csvSkipped', { regex: n(report.regex), inactive: n(report.inactive) })}
      </p>
      {listed.length > 0 ? (
        <>
          <p>{t('admin.redirects.csvProblems', { count: n(report.problems.length) })}</p>
          <ul>
            {listed.map((problem) => (
              <li key={`${problem.line}-${problem.field}`}>
                {t(`admin.redirects.csvProblem.${problem.field}`, { line: n(problem.line) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** «مرتين», «5 مرات» in Arabic (the site's digits); «2 times» in English. */
function times(ctx: AdminContext, count: number): string {
  if (ctx.lang === 'ar') return countPhrase(count, TIMES_FORMS, ctx.locale.numerals);
  return `${formatNumber(count, 'latn')} time${count === 1 ? '' : 's'}`;
}

/** A UTC day (`YYYY-MM-DD`) as the newsroom writes dates. */
function dayText(ctx: AdminContext, day: string): string {
  const instant = new Date(`${day}T12:00:00.000Z`);
  if (ctx.lang === 'ar') return formatDate(instant, { ...ctx.locale, timeZone: 'UTC' });
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(instant);
}
