/**
 * Static pages in the newsroom (issue 15): their list with the footer
 * menu, the new-page editor and its first save. Editing, autosaves,
 * revisions and workflow moves of an existing page are the article routes'
 * (articles.routes.tsx), whose services refuse a page to anyone but an
 * editor or administrator (domain/roles.ts).
 */
import { queryNotice } from '../admin-kit.js';
import { footerChoiceOf } from '../footer-form.js';
import { newsroomPages, setFooterMenu } from '../../../services/static-pages.js';
import { actorOf } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { PagesListPage } from '../views/pages-list-page.js';
import { saveForm, showEditor } from './article-editor.js';

export const pagesRoutes: AdminRoute[] = [
  adminRoute({
    id: 'pages.list',
    method: 'GET',
    url: '/admin/pages',
    permission: 'page.manage',
    handler: async (request, reply, kit) => {
      const { pages, footerIds } = await newsroomPages(kit.deps, actorOf(request));
      const ctx = kit.context(request, reply);
      return kit.render(
        reply,
        <PagesListPage
          ctx={ctx}
          pages={pages}
          footerIds={footerIds}
          notice={queryNotice(ctx.t, request.query)}
        />,
      );
    },
  }),
  adminRoute({
    id: 'pages.new',
    method: 'GET',
    url: '/admin/pages/new',
    permission: 'page.manage',
    handler: (request, reply, kit) => showEditor(request, reply, kit, null, { kind: 'page' }),
  }),
  adminRoute({
    id: 'pages.create',
    method: 'POST',
    url: '/admin/pages',
    permission: 'page.manage',
    handler: (request, reply, kit) => saveForm(request, reply, kit, actorOf(request), null, 'page'),
  }),
  adminRoute({
    id: 'pages.footer',
    method: 'POST',
    url: '/admin/pages/footer',
    permission: 'settings.manage',
    handler: async (request, reply, kit) => {
      await setFooterMenu(kit.deps, actorOf(request), footerChoiceOf(request.body));
      return kit.redirect(reply, '/admin/pages?notice=footer-saved');
    },
  }),
];
