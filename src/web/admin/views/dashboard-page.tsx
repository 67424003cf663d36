/**
 * The newsroom's home page.
 */
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';

export function DashboardPage({ ctx }: { ctx: AdminContext }) {
  const { t, user } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.dashboard.title')}>
      <h1>{t('admin.dashboard.title')}</h1>
      <p>{t('admin.dashboard.welcome', { name: user?.displayName ?? '' })}</p>
    </AdminLayout>
  );
}
