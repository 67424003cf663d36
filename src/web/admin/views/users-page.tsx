/**
 * Users, for administrators: the list with each user's role and status,
 * and forms to add a user, change a role, deactivate (one's own account
 * only with a ticked confirmation box) or reactivate, and set a new
 * password (there is no mail server to send reset links).
 */
import { ROLES, type Role } from '../../../domain/roles.js';
import type { User } from '../../../domain/user.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import type { FormErrors } from './auth-pages.js';
import { ConfirmedActionForm, CsrfField, ErrorSummary, Field } from './form-fields.js';

/**
 * A refused action on one user's row (role, deactivation, password): the
 * user, the route id of the action, the field at fault (`role`,
 * `password`) or null, and the sentence.
 */
export interface UserRowError {
  userId: string;
  action: string;
  field: string | null;
  message: string;
}

/** The role menu; with `error`, tied to it by aria-invalid and aria-describedby. */
export function RoleSelect(props: {
  ctx: AdminContext;
  value: Role | undefined;
  id: string;
  error?: string | undefined;
}) {
  return (
    <select
      name="role"
      id={props.id}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={props.error ? `${props.id}-error` : undefined}
    >
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
  notice?: AdminNotice | null;
  values?: { email?: string; displayName?: string; role?: Role };
  errors?: FormErrors;
  rowError?: UserRowError | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const fields = props.errors?.fields ?? {};
  const rowError = props.rowError;
  /** The row's error for `field` (null: one not tied to a field). */
  const rowErrorOf = (userId: string, field: string | null) =>
    rowError && rowError.userId === userId && rowError.field === field ? rowError.message : null;
  return (
    <AdminLayout ctx={ctx} title={t('admin.users.title')} notice={props.notice}>
      <h1>{t('admin.users.title')}</h1>
      <ul class="user-list">
        {props.users.map((user) => (
          <li class="user-list__item" key={user.id} id={`user-${user.id}`}>
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
                <RoleSelect
                  ctx={ctx}
                  value={user.role}
                  id={`role-${user.id}`}
                  error={rowErrorOf(user.id, 'role') ?? undefined}
                />
                <button type="submit" class="button">
                  {t('admin.users.changeRole')}
                </button>
                <RowError id={`role-${user.id}-error`} message={rowErrorOf(user.id, 'role')} />
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
                  aria-invalid={rowErrorOf(user.id, 'password') ? 'true' : undefined}
                  aria-describedby={
                    rowErrorOf(user.id, 'password') ? `password-${user.id}-error` : undefined
                  }
                />
                <button type="submit" class="button">
                  {t('admin.users.resetPassword')}
                </button>
                <RowError
                  id={`password-${user.id}-error`}
                  message={rowErrorOf(user.id, 'password')}
                />
              </form>
              <RowError id={`user-${user.id}-error`} message={rowErrorOf(user.id, null)} />
            </div>
          </li>
        ))}
      </ul>
      <section class="card">
        <h2>{t('admin.users.add')}</h2>
        <ErrorSummary t={t} errors={props.errors} />
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
            <label for="field-role">{t('admin.field.role')}</label>
            <RoleSelect
              ctx={ctx}
              value={props.values?.role ?? (fields.role ? undefined : 'author')}
              id="field-role"
              error={fields.role}
            />
            {fields.role ? (
              <p class="field__error" id="field-role-error">
                {fields.role}
              </p>
            ) : null}
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

/** A row's refusal, next to what caused it. */
function RowError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p class="field__error" id={id}>
      {message}
    </p>
  ) : null;
}
