/**
 * `/admin/mirrors` (issue 22), for administrators: the site's onion
 * address and its mirrors, each a URL and an optional label, in rows;
 * a few empty rows follow the listed ones, up to MAX_MIRRORS. Addresses
 * are typed left to right; labels in their own direction. When a save is
 * refused, every error is listed above the form and next to its field,
 * and what was typed is kept.
 */
import {
  MAX_MIRRORS,
  mirrorField,
  type AlternateAddressesInput,
} from '../../../domain/alternate-addresses.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, ErrorSummary, Field } from './form-fields.js';

/** Empty rows offered after the listed mirrors. */
const EMPTY_ROWS = 3;

export function MirrorsSettingsPage(props: {
  ctx: AdminContext;
  /** The stored values, or those just sent back with errors. */
  values: AlternateAddressesInput;
  errors?: FormErrors | undefined;
  notice?: AdminNotice | null;
}) {
  const { ctx, values } = props;
  const { t } = ctx;
  const fields = props.errors?.fields ?? {};
  const listed = values.mirrors.length;
  const rows = Math.max(listed, Math.min(MAX_MIRRORS, listed + EMPTY_ROWS));
  return (
    <AdminLayout ctx={ctx} title={t('admin.mirrors.title')} notice={props.notice ?? null}>
      <h1>{t('admin.mirrors.title')}</h1>
      <p>{t('admin.mirrors.intro')}</p>
      <ErrorSummary t={t} errors={props.errors} />
      <form method="post" action="/admin/mirrors" class="card">
        <CsrfField token={ctx.csrfToken} />
        <Field
          name="onion"
          label={t('admin.mirrors.onion')}
          hint={t('admin.mirrors.onionHint')}
          value={values.onion}
          dir="ltr"
          autocomplete="off"
          error={fields.onion}
        />
        <fieldset class="field" id="field-mirrors">
          <legend>{t('admin.mirrors.mirrors')}</legend>
          <p class="field__hint">{t('admin.mirrors.mirrorsHint', { max: MAX_MIRRORS })}</p>
          {fields.mirrors ? <p class="field__error">{fields.mirrors}</p> : null}
          {Array.from({ length: rows }, (_, at) => {
            const n = at + 1;
            const row = values.mirrors[at] ?? { url: '', label: '' };
            return (
              <div class="mirror-row" key={n}>
                <Field
                  name={mirrorField('url', n)}
                  label={t('admin.mirrors.url', { n })}
                  value={row.url}
                  dir="ltr"
                  autocomplete="off"
                  error={fields[mirrorField('url', n)]}
                />
                <Field
                  name={mirrorField('label', n)}
                  label={t('admin.mirrors.label', { n })}
                  value={row.label}
                  error={fields[mirrorField('label', n)]}
                />
              </div>
            );
          })}
        </fieldset>
        <button type="submit" class="button button--primary">
          {t('admin.save')}
        </button>
      </form>
    </AdminLayout>
  );
}
