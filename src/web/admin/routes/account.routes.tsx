/**
 * The signed-in user's own account.
 */
import { changeOwnPassword } from '../../../services/accounts.js';
import { queryNotice } from '../admin-kit.js';
import { field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { clearSessionCookie } from '../session-cookie.js';
import { AccountPage } from '../views/account-page.js';

export const accountRoutes: AdminRoute[] = [
  adminRoute({
    id: 'account.view',
    method: 'GET',
    url: '/admin/account',
    permission: 'signed-in',
    handler: async (request, reply, kit) => {
      const ctx = kit.context(request, reply);
      return kit.render(
        reply,
        <AccountPage ctx={ctx} notice={queryNotice(ctx.t, request.query)} />,
      );
    },
  }),
  adminRoute({
    id: 'account.password',
    method: 'POST',
    url: '/admin/account/password',
    permission: 'signed-in',
    handler: async (request, reply, kit) => {
      try {
        await changeOwnPassword(
          kit.deps,
          request.user?.id ?? '',
          field(request.body, 'current'),
          field(request.body, 'password'),
        );
      } catch (error) {
        const ctx = kit.context(request, reply);
        return kit.render(reply, <AccountPage ctx={ctx} errors={formErrorsOf(ctx, error)} />, 422);
      }
      clearSessionCookie(request, reply);
      return kit.redirect(reply, '/admin/login');
    },
  }),
];
