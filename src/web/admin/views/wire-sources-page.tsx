/**
 * The wire desk's sources, for administrators: each feed or drop folder
 * with its state (last poll, last success, failures in a row, the last
 * error, the next poll), switched on or off, or removed with its items;
 * the form that adds one (every problem said at once, above the form and
 * next to each field); and the switch that opens the desk, read-only, to
 * contributors and authors.
 */
import type { Section } from '../../../domain/article.js';
import {
  WIRE_AGENCY_MAX,
  WIRE_EVERY_MINUTES,
  WIRE_NAME_MAX,
  type WireSource,
} from '../../../domain/wire.js';
import { formatNumber } from '../../../arabic/digits.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { ConfirmedActionForm, CsrfField, ErrorSummary, Field, fieldId } from './form-fields.js';

/** What the add form re-shows after a refusal. */
export interface WireSourceForm {
  name: string;
  agency: string;
  url: string;
  folder: string;
  sectionSlug: string;
  everyMinutes: string;
  allowPrivate: boolean;
}

export const EMPTY_SOURCE_FORM: WireSourceForm = {
  name: '',
  agency: '',
  url: '',
  folder: '',
  sectionSlug: '',
  everyMinutes: String(WIRE_EVERY_MINUTES.default),
  allowPrivate: false,
};

export function WireSourcesPage(props: {
  ctx: AdminContext;
  sources: WireSource[];
  sections: Section[];
  openToWriters: boolean;
  values?: WireSourceForm | undefined;
  errors?: FormErrors | undefined;
  notice?: AdminNotice | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const values = props.values ?? EMPTY_SOURCE_FORM;
  const fields = props.errors?.fields ?? {};
  const number = (n: number) => formatNumber(n, ctx.locale.numerals);
  return (
    <AdminLayout ctx={ctx} title={t('admin.wire.sources.title')} notice={props.notice}>
      <p class="wire-back">
        <a href="/admin/wire">{t('admin.wire.back')}</a>
      </p>
      <h1>{t('admin.wire.sources.title')}</h1>
      <p>{t('admin.wire.sources.intro')}</p>
      {props.sources.length === 0 ? (
        <p class="empty">{t('admin.wire.sources.none')}</p>
      ) : (
        <ul class="user-list wire-sources">
          {props.sources.map((source) => (
            <li class="user-list__item" key={source.id}>
              <div class="user-list__who">
                <strong>
                  <bdi>{source.name}</bdi>
                </strong>
                <span>
                  <bdi>{source.agency}</bdi>
                </span>
                <span class={source.enabled ? 'badge badge--published' : 'badge'}>
                  {source.enabled ? t('admin.wire.sources.on') : t('admin.wire.sources.off')}
                </span>
                {source.failures > 0 ? (
                  <span class="badge badge--failing">
                    {t('admin.wire.sources.failures', { count: number(source.failures) })}
                  </span>
                ) : null}
              </div>
              <p class="wire-sources__where">
                <bdi dir="ltr">{source.kind === 'url' ? source.url : source.folder}</bdi>
              </p>
              <dl class="wire-facts">
                <dt>{t('admin.wire.sources.section')}</dt>
                <dd>{source.section ? source.section.name : t('admin.wire.sources.noSection')}</dd>
                <dt>{t('admin.wire.sources.every')}</dt>
                <dd>
                  {t('admin.wire.sources.everyValue', { minutes: number(source.everyMinutes) })}
                </dd>
                <dt>{t('admin.wire.sources.lastPoll')}</dt>
                <dd>
                  {source.lastPolledAt ? (
                    <AdminTime ctx={ctx} instant={source.lastPolledAt} />
                  ) : (
                    t('admin.wire.sources.never')
                  )}
                </dd>
                <dt>{t('admin.wire.sources.lastOk')}</dt>
                <dd>
                  {source.lastOkAt ? (
                    <>
                      <AdminTime ctx={ctx} instant={source.lastOkAt} />
                      {' · '}
                      {t('admin.wire.sources.itemCount', {
                        count: number(source.lastItemCount),
                      })}
                    </>
                  ) : (
                    t('admin.wire.sources.never')
                  )}
                </dd>
                {source.enabled ? (
                  <>
                    <dt>{t('admin.wire.sources.nextPoll')}</dt>
                    <dd>
                      <AdminTime ctx={ctx} instant={source.nextPollAt} />
                    </dd>
                  </>
                ) : null}
                {source.lastError ? (
                  <>
                    <dt>{t('admin.wire.sources.lastError')}</dt>
                    <dd class="wire-sources__error">
                      <bdi dir="ltr">{source.lastError}</bdi>
                    </dd>
                  </>
                ) : null}
              </dl>
              <div class="user-list__actions">
                <form method="post" action={`/admin/wire/sources/${source.id}`}>
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="enabled" value={source.enabled ? 'no' : 'yes'} />
                  <button type="submit" class="button">
                    {source.enabled
                      ? t('admin.wire.sources.disable')
                      : t('admin.wire.sources.enable')}
                  </button>
                </form>
                <ConfirmedActionForm
                  action={`/admin/wire/sources/${source.id}/delete`}
                  csrfToken={ctx.csrfToken}
                  confirmLabel={t('admin.wire.sources.confirmRemove')}
                  buttonLabel={t('admin.wire.sources.remove')}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <section class="card card--narrow" id="add-source">
        <h2>{t('admin.wire.sources.add')}</h2>
        <ErrorSummary t={t} errors={props.errors} />
        <form method="post" action="/admin/wire/sources">
          <CsrfField token={ctx.csrfToken} />
          <Field
            name="name"
            label={t('admin.wire.sources.name')}
            value={values.name}
            error={fields.name}
            maxLength={WIRE_NAME_MAX}
            required
          />
          <Field
            name="agency"
            label={t('admin.wire.sources.agency')}
            hint={t('admin.wire.sources.agencyHint')}
            value={values.agency}
            error={fields.agency}
            maxLength={WIRE_AGENCY_MAX}
            required
          />
          <Field
            name="url"
            label={t('admin.wire.sources.url')}
            hint={t('admin.wire.sources.urlHint')}
            value={values.url}
            error={fields.url}
            dir="ltr"
          />
          <Field
            name="folder"
            label={t('admin.wire.sources.folder')}
            hint={t('admin.wire.sources.folderHint')}
            value={values.folder}
            error={fields.folder}
            dir="ltr"
          />
          <div class="field">
            <label for={fieldId('sectionSlug')}>{t('admin.wire.sources.section')}</label>
            <select
              id={fieldId('sectionSlug')}
              name="sectionSlug"
              aria-invalid={fields.sectionSlug ? 'true' : undefined}
              aria-describedby={fields.sectionSlug ? `${fieldId('sectionSlug')}-error` : undefined}
            >
              <option value="" selected={values.sectionSlug === ''}>
                {t('admin.wire.sources.noSection')}
              </option>
              {props.sections.map((s) => (
                <option key={s.id} value={s.slug} selected={values.sectionSlug === s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
            {fields.sectionSlug ? (
              <p class="field__error" id={`${fieldId('sectionSlug')}-error`}>
                {fields.sectionSlug}
              </p>
            ) : null}
          </div>
          <div class="field">
            <label for={fieldId('everyMinutes')}>{t('admin.wire.sources.every')}</label>
            <input
              id={fieldId('everyMinutes')}
              name="everyMinutes"
              type="number"
              inputMode="numeric"
              min={WIRE_EVERY_MINUTES.min}
              max={WIRE_EVERY_MINUTES.max}
              value={values.everyMinutes}
              dir="ltr"
              aria-invalid={fields.everyMinutes ? 'true' : undefined}
              aria-describedby={
                fields.everyMinutes ? `${fieldId('everyMinutes')}-error` : undefined
              }
            />
            {fields.everyMinutes ? (
              <p class="field__error" id={`${fieldId('everyMinutes')}-error`}>
                {fields.everyMinutes}
              </p>
            ) : null}
          </div>
          <label class="checkbox">
            <input type="checkbox" name="allowPrivate" value="yes" checked={values.allowPrivate} />{' '}
            {t('admin.wire.sources.allowPrivate')}
          </label>
          <button type="submit" class="button button--primary">
            {t('admin.wire.sources.add')}
          </button>
        </form>
      </section>
      <section class="card card--narrow">
        <h2>{t('admin.wire.sources.openTitle')}</h2>
        <p>
          {props.openToWriters
            ? t('admin.wire.sources.openNow')
            : t('admin.wire.sources.closedNow')}
        </p>
        <form method="post" action="/admin/wire/access">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="open" value={props.openToWriters ? 'no' : 'yes'} />
          <button type="submit" class="button">
            {props.openToWriters
              ? t('admin.wire.sources.closeButton')
              : t('admin.wire.sources.openButton')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
