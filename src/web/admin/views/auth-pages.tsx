/**
 * The first-run set-up page (the owner's account) and the sign-in page.
 */
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { CsrfField, ErrorSummary, Field, FormError } from './form-fields.js';

/** Errors of a submitted form: by field, plus one for the whole form. */
export interface FormErrors {
  form?: string | undefined;
  fields?: Readonly<Record<string, string>> | undefined;
}

export function SetupPage(props: {
  ctx: AdminContext;
  values?: { email?: string; displayName?: string };
  errors?: FormErrors;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const fields = props.errors?.fields ?? {};
  return (
    <AdminLayout ctx={ctx} title={t('admin.setup.title')}>
      <section class="card card--narrow">
        <h1>{t('admin.setup.title')}</h1>
        <p>{t('admin.setup.intro')}</p>
        <ErrorSummary t={t} errors={props.errors} />
        <form method="post" action="/admin/setup" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field
            name="displayName"
            label={t('admin.field.displayName')}
            value={props.values?.displayName}
            error={fields.displayName}
            autocomplete="name"
            required
          />
          <Field
            name="email"
            type="email"
            label={t('admin.field.email')}
            value={props.values?.email}
            error={fields.email}
            autocomplete="username"
            required
          />
          <Field
            name="password"
            type="password"
            label={t('admin.field.password')}
            hint={t('admin.hint.password')}
            error={fields.password}
            autocomplete="new-password"
            required
          />
          <button type="submit" class="button button--primary">
            {t('admin.setup.submit')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

export function LoginPage(props: {
  ctx: AdminContext;
  next: string;
  email?: string;
  error?: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.login.title')}>
      <section class="card card--narrow">
        <h1>{t('admin.login.title')}</h1>
        <FormError message={props.error} />
        <form method="post" action="/admin/login">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={props.next} />
          <Field
            name="email"
            type="email"
            label={t('admin.field.email')}
            value={props.email}
            autocomplete="username"
            required
          />
          <Field
            name="password"
            type="password"
            label={t('admin.field.password')}
            autocomplete="current-password"
            required
          />
          <button type="submit" class="button button--primary">
            {t('admin.login.submit')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

export function ForbiddenPage({ ctx, message }: { ctx: AdminContext; message?: string }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.forbidden.title')}>
      <section class="card card--narrow">
        <h1>{t('admin.forbidden.title')}</h1>
        <p>{message ?? t('admin.forbidden.body')}</p>
        <p>
          <a href="/admin">{t('admin.nav.dashboard')}</a>
        </p>
      </section>
    </AdminLayout>
  );
}

/**
 * The newsroom's page for a request refused before its route saw it (a
 * form post over its size limit: 413; too many saves in a minute: 429),
 * for a browser without JavaScript: says why, in the admin's language.
 */
export function RefusedRequestPage({ ctx, message }: { ctx: AdminContext; message: string }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.refused.title')}>
      <section class="card card--narrow">
        <h1>{t('admin.refused.title')}</h1>
        <p role="alert">{message}</p>
        <p>
          <a href="/admin">{t('admin.nav.dashboard')}</a>
        </p>
      </section>
    </AdminLayout>
  );
}
