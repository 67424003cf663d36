/**
 * Users, for administrators: the list with each user's role and status,
 * and forms to add a user, change a role, deactivate (one's own account
 * only with a ticked confirmation box) or reactivate, and set a new
 * password (there is no mail server to send reset links).
 */
import { ROLES, type Role } from '../../../domain/roles.js';
import type { User } from '../../../domain/user.js';
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import type { FormErrors } from './auth-pages.js';
import { ConfirmedActionForm, CsrfField, Field, FormError } from './form-fields.js';

export function RoleSelect(props: { ctx: AdminContext; value: Role; id: string }) {
  return (
    <select name="role" id={props.id}>
      {ROLES.map((role) => (
        <option value={role} selected={role === props.value}>
          {props.ctx.t(`admin.role.${role}`)}
        </option>
      ))}
    </select>
  );
}

export function UsersPage(props: {
  ctx: AdminContext;
  users: User[];
  notice?: string | null;
  values?: { email?: string; displayName?: string; role?: Role };
  errors?: FormErrors;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const fields = props.errors?.fields ?? {};
  return (
    <AdminLayout ctx={ctx} title={t('admin.users.title')} notice={props.notice}>
      <h1>{t('admin.users.title')}</h1>
      <ul class="user-list">
        {props.users.map((user) => (
          <li class="user-list__item" key={user.id}>
            <div class="user-list__who">
              <strong>
                <bdi>{user.displayName}</bdi>
              </strong>
              <span dir="ltr">{user.email}</span>
              <span>
                {t(`admin.role.${user.role}`)} · {t(`admin.users.status.${user.status}`)}
              </span>
              <a href={`/admin/users/${user.id}/profile`}>{t('admin.users.editProfile')}</a>
            </div>
            <div class="user-list__actions">
              <form method="post" action={`/admin/users/${user.id}/role`} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                <label class="visually-hidden" for={`role-${user.id}`}>
                  {t('admin.field.role')}
                </label>
                <RoleSelect ctx={ctx} value={user.role} id={`role-${user.id}`} />
                <button type="submit" class="button">
                  {t('admin.users.changeRole')}
                </button>
              </form>
              {user.status === 'active' && user.id === ctx.user?.id ? (
                // One's own account: signing oneself out for good takes a ticked box.
                <ConfirmedActionForm
                  action={`/admin/users/${user.id}/deactivate`}
                  csrfToken={ctx.csrfToken}
                  confirmLabel={t('admin.users.confirmDeactivateSelf')}
                  buttonLabel={t('admin.users.deactivate')}
                />
              ) : (
                <form
                  method="post"
                  action={`/admin/users/${user.id}/${user.status === 'active' ? 'deactivate' : 'reactivate'}`}
                  class="inline-form"
                >
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="button">
                    {user.status === 'active'
                      ? t('admin.users.deactivate')
                      : t('admin.users.reactivate')}
                  </button>
                </form>
              )}
              <form method="post" action={`/admin/users/${user.id}/password`} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                <label class="visually-hidden" for={`password-${user.id}`}>
                  {t('admin.field.newPassword')}
                </label>
                <input
                  id={`password-${user.id}`}
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  dir="ltr"
                  placeholder={t('admin.field.newPassword')}
                />
                <button type="submit" class="button">
                  {t('admin.users.resetPassword')}
                </button>
              </form>
            </div>
          </li>
        ))}
      </ul>
      <section class="card">
        <h2>{t('admin.users.add')}</h2>
        <FormError message={props.errors?.form} />
        <form method="post" action="/admin/users" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field
            name="displayName"
            label={t('admin.field.displayName')}
            value={props.values?.displayName}
            error={fields.displayName}
            required
          />
          <Field
            name="email"
            type="email"
            label={t('admin.field.email')}
            value={props.values?.email}
            error={fields.email}
            autocomplete="off"
            required
          />
          <div class="field">
            <label for="new-user-role">{t('admin.field.role')}</label>
            <RoleSelect ctx={ctx} value={props.values?.role ?? 'author'} id="new-user-role" />
          </div>
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
            {t('admin.users.add')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
