/**
 * User management, for administrators.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isolateText } from '../../../arabic/bidi.js';
import { isRole } from '../../../domain/roles.js';
import { AppError } from '../../../lib/errors.js';
import {
  changeRole,
  createUser,
  deactivateUser,
  listAccounts,
  reactivateUser,
  resetPassword,
} from '../../../services/accounts.js';
import type { User } from '../../../domain/user.js';
import { refusal, success, type AdminContext, type AdminNotice } from '../admin-context.js';
import { queryNotice, type AdminKit } from '../admin-kit.js';
import { field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { clearSessionCookie } from '../session-cookie.js';
import type { FormErrors } from '../views/auth-pages.js';
import { UsersPage, type UserRowError } from '../views/users-page.js';

async function showUsers(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: {
    errors?: FormErrors;
    values?: Record<string, string>;
    status?: number;
    rowError?: UserRowError;
  } = {},
) {
  const ctx = kit.context(request, reply);
  const users = await listAccounts(kit.deps);
  const role = extra.values?.role;
  return kit.render(
    reply,
    <UsersPage
      ctx={ctx}
      users={users}
      notice={
        extra.rowError
          ? refusal(extra.rowError.message)
          : extra.errors
            ? null
            : (addedNotice(ctx, users, request.query) ?? queryNotice(ctx.t, request.query))
      }
      errors={extra.errors}
      rowError={extra.rowError}
      values={{ ...extra.values, role: isRole(role) ? role : undefined }}
    />,
    extra.status,
  );
}

/**
 * After a user was added (`?notice=user-added&user=<id>`): who, with their
 * e-mail address and role, e.g. «أُضيف المستخدم سامر الحلبي (samer@…) بدور كاتب.»
 */
function addedNotice(ctx: AdminContext, users: User[], query: unknown): AdminNotice | null {
  if (field(query, 'notice') !== 'user-added') return null;
  const added = users.find((u) => u.id === field(query, 'user'));
  if (!added) return null;
  return success(
    ctx.t('admin.users.added', {
      // Isolated (FSI…PDI): a Latin name or address keeps its parentheses in an Arabic sentence.
      name: isolateText(added.displayName),
      email: isolateText(added.email),
      role: ctx.t(`admin.role.${added.role}`),
    }),
  );
}

/**
 * A POST on one user: run `change` (given the signed-in user's id), then
 * to where it says (default: back to the list), or the list with the error.
 */
function userAction(
  id: string,
  url: string,
  change: (
    kit: AdminKit,
    userId: string,
    body: unknown,
    actorId: string | undefined,
  ) => Promise<string | void>,
): AdminRoute {
  return adminRoute({
    id,
    method: 'POST',
    url,
    permission: 'user.manage',
    handler: async (request, reply, kit) => {
      const userId = field(request.params, 'id');
      let next: string | void;
      try {
        next = await change(kit, userId, request.body, request.user?.id);
      } catch (error) {
        // Said at the top as a refusal and next to the user's row (the field
        // that caused it, when one did); never above the "add a user" form.
        const errors = formErrorsOf(kit.context(request, reply), error);
        const [fieldName, fieldMessage] = Object.entries(errors.fields ?? {})[0] ?? [];
        const message = errors.form ?? fieldMessage ?? '';
        return showUsers(request, reply, kit, {
          rowError: { userId, action: id, field: fieldName ?? null, message },
          status: 422,
        });
      }
      if (next === SIGNED_OUT) clearSessionCookie(request, reply);
      return kit.redirect(reply, next ?? '/admin/users?notice=user-updated');
    },
  });
}

/** Where an administrator who deactivated their own account goes: their session has ended. */
const SIGNED_OUT = '/admin/login';

/**
 * Deactivates a user; one's own account only with the form's "yes" box
 * ticked (`confirm=yes`), since it signs one out for good (issue 13).
 * @throws AppError SELF_DEACTIVATION_NOT_CONFIRMED (422); what deactivateUser throws.
 */
async function deactivate(
  kit: AdminKit,
  userId: string,
  body: unknown,
  actorId: string | undefined,
): Promise<string | void> {
  const self = userId === actorId;
  if (self && field(body, 'confirm') !== 'yes') {
    throw new AppError(
      'SELF_DEACTIVATION_NOT_CONFIRMED',
      'To deactivate your own account, tick the box that confirms it.',
    );
  }
  await deactivateUser(kit.deps, userId);
  return self ? SIGNED_OUT : undefined;
}

export const usersRoutes: AdminRoute[] = [
  adminRoute({
    id: 'users.list',
    method: 'GET',
    url: '/admin/users',
    permission: 'user.manage',
    handler: (request, reply, kit) => showUsers(request, reply, kit),
  }),
  adminRoute({
    id: 'users.create',
    method: 'POST',
    url: '/admin/users',
    permission: 'user.manage',
    handler: async (request, reply, kit) => {
      const values = {
        email: field(request.body, 'email'),
        displayName: field(request.body, 'displayName'),
        role: field(request.body, 'role'),
      };
      let added: User;
      try {
        added = await createUser(kit.deps, {
          ...values,
          password: field(request.body, 'password'),
        });
      } catch (error) {
        const errors = formErrorsOf(kit.context(request, reply), error);
        return showUsers(request, reply, kit, { errors, values, status: 422 });
      }
      return kit.redirect(
        reply,
        `/admin/users?notice=user-added&user=${added.id}#user-${added.id}`,
      );
    },
  }),
  userAction('users.role', '/admin/users/:id/role', (kit, id, body) =>
    changeRole(kit.deps, id, field(body, 'role')),
  ),
  userAction('users.deactivate', '/admin/users/:id/deactivate', deactivate),
  userAction('users.reactivate', '/admin/users/:id/reactivate', (kit, id) =>
    reactivateUser(kit.deps, id),
  ),
  userAction('users.password', '/admin/users/:id/password', (kit, id, body) =>
    resetPassword(kit.deps, id, field(body, 'password')),
  ),
];
