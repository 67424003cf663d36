/**
 * The newsroom's home: where a signed-in user lands.
 */
import { needsSetup } from '../../../services/accounts.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { DashboardPage } from '../views/dashboard-page.js';

export const dashboardRoutes: AdminRoute[] = [
  adminRoute({
    id: 'dashboard',
    method: 'GET',
    url: '/admin',
    permission: 'public',
    handler: async (request, reply, kit) => {
      if (await needsSetup(kit.deps)) return kit.redirect(reply, '/admin/setup');
      if (!request.user) return kit.redirect(reply, '/admin/login');
      return kit.render(reply, <DashboardPage ctx={kit.context(request, reply)} />);
    },
  }),
];
