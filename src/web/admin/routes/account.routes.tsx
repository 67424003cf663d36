/**
 * The signed-in user's own account: the page (with their public profile,
 * routes/profile.routes.tsx) and the password change.
 */
import { changeOwnPassword } from '../../../services/accounts.js';
import { field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { clearSessionCookie } from '../session-cookie.js';
import { showAccount } from './profile.routes.js';

export const accountRoutes: AdminRoute[] = [
  adminRoute({
    id: 'account.view',
    method: 'GET',
    url: '/admin/account',
    permission: 'signed-in',
    handler: (request, reply, kit) => showAccount(request, reply, kit),
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
        const passwordErrors = formErrorsOf(kit.context(request, reply), error);
        return showAccount(request, reply, kit, { passwordErrors, status: 422 });
      }
      clearSessionCookie(request, reply);
      return kit.redirect(reply, '/admin/login');
    },
  }),
];
