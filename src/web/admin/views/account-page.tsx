/**
 * The signed-in user's own account: who they are, a password change, and
 * their public profile (photo, bio, links).
 */
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, Field, FormError } from './form-fields.js';
import { ProfileSection, type ProfileSectionProps } from './profile-form.js';

export function AccountPage(props: {
  ctx: AdminContext;
  errors?: FormErrors;
  notice?: string | null;
  /** The public profile's section (photo, bio, links). */
  profile?: ProfileSectionProps;
}) {
  const { ctx } = props;
  const { t, user } = ctx;
  if (!user) return null;
  const fields = props.errors?.fields ?? {};
  return (
    <AdminLayout ctx={ctx} title={t('admin.account.title')} notice={props.notice}>
      <h1>{t('admin.account.title')}</h1>
      <p>
        <bdi>{user.displayName}</bdi> · <span dir="ltr">{user.email}</span> ·{' '}
        {t(`admin.role.${user.role}`)}
      </p>
      <section class="card card--narrow">
        <h2>{t('admin.account.changePassword')}</h2>
        <FormError message={props.errors?.form} />
        <form method="post" action="/admin/account/password" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field
            name="current"
            type="password"
            label={t('admin.account.currentPassword')}
            error={fields.current}
            autocomplete="current-password"
            required
          />
          <Field
            name="password"
            type="password"
            label={t('admin.field.newPassword')}
            hint={t('admin.hint.password')}
            error={fields.password}
            autocomplete="new-password"
            required
          />
          <button type="submit" class="button button--primary">
            {t('admin.account.changePassword')}
          </button>
        </form>
      </section>
      {props.profile ? <ProfileSection {...props.profile} /> : null}
    </AdminLayout>
  );
}
