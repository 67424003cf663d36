/**
 * The permission matrix, walked: every newsroom route, as an anonymous
 * visitor and as each role, on a fresh site each time. A visitor is sent to
 * the sign-in page; a role without the permission gets 403; a role with it
 * gets past the guard (whatever the handler then answers).
 */
import { describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '../../src/domain/roles.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { startSession } from '../../src/services/sessions.js';
import { listRevisions } from '../../src/storage/repositories/revisions.repository.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { ADMIN_ROUTES } from '../../src/web/admin/plugin.js';
import { AdminClient } from '../helpers/admin-client.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { NOW, testSite } from '../helpers/site.js';

/** How to call each route: the URL with its parameters filled, and a form for POSTs. */
const CALLS: Record<string, { url: string; form?: Record<string, string> }> = {
  'setup.form': { url: '/admin/setup' },
  'setup.create': {
    url: '/admin/setup',
    form: { email: 'x@x.org', displayName: 'x', password: 'long enough pw' },
  },
  'login.form': { url: '/admin/login' },
  'login.submit': {
    url: '/admin/login',
    form: { email: 'nobody@x.org', password: 'wrong password' },
  },
  logout: { url: '/admin/logout' },
  language: { url: '/admin/language', form: { lang: 'en' } },
  dashboard: { url: '/admin' },
  'account.view': { url: '/admin/account' },
  'account.password': { url: '/admin/account/password', form: { current: 'x', password: 'y' } },
  'users.list': { url: '/admin/users' },
  'users.create': {
    url: '/admin/users',
    form: { email: 'new@x.org', displayName: 'ن', role: 'author', password: 'long enough pw' },
  },
  'users.role': { url: '/admin/users/{victim}/role', form: { role: 'author' } },
  'users.deactivate': { url: '/admin/users/{victim}/deactivate' },
  'users.reactivate': { url: '/admin/users/{victim}/reactivate' },
  'users.password': {
    url: '/admin/users/{victim}/password',
    form: { password: 'another long pw' },
  },
  'articles.new': { url: '/admin/articles/new' },
  'articles.create': {
    url: '/admin/articles',
    form: { headline: 'عنوان', body_html: '<p>نص</p>' },
  },
  'articles.edit': { url: '/admin/articles/{article}/edit' },
  'articles.save': {
    url: '/admin/articles/{article}',
    form: { headline: 'عنوان', body_html: '<p>نص</p>' },
  },
  'articles.autosave': { url: '/admin/articles/{article}/autosave', form: { headline: 'عنوان' } },
  'articles.autosave-new': { url: '/admin/articles/autosave', form: { headline: 'عنوان' } },
  'articles.move': { url: '/admin/articles/{article}/move', form: { move: 'submit' } },
  'articles.breaking': { url: '/admin/articles/{article}/breaking', form: { hours: '1' } },
  'articles.lead': { url: '/admin/articles/{article}/lead', form: { pin: '1' } },
  'articles.preview': { url: '/admin/articles/{article}/preview' },
  'revisions.list': { url: '/admin/articles/{article}/revisions' },
  'revisions.diff': { url: '/admin/articles/{article}/revisions/{revision}' },
  'revisions.restore': { url: '/admin/articles/{article}/revisions/{revision}/restore' },
  'sections.list': { url: '/admin/sections' },
  'sections.create': { url: '/admin/sections', form: { name: 'رياضة' } },
  'sections.rename': { url: '/admin/sections/{section}', form: { name: 'اقتصاد وأعمال' } },
  'sections.delete': { url: '/admin/sections/{section}/delete' },
  'tags.list': { url: '/admin/tags' },
  'tags.rename': { url: '/admin/tags/1', form: { name: 'وسم آخر' } },
  'tags.delete': { url: '/admin/tags/1/delete' },
  'api.article-search': { url: '/admin/api/article-search?q=خبر' },
  'media.library': { url: '/admin/media' },
  'media.upload': { url: '/admin/media', form: {} },
  'media.details': { url: '/admin/media/1', form: { alt: 'وصف' } },
  'media.api.list': { url: '/admin/api/media' },
  'media.api.upload': { url: '/admin/api/media', form: {} },
  'apiKeys.list': { url: '/admin/api-keys' },
  'apiKeys.create': { url: '/admin/api-keys', form: { name: 'تطبيق' } },
  'apiKeys.revoke': { url: '/admin/api-keys/1/revoke', form: { confirm: 'yes' } },
  'webhooks.list': { url: '/admin/webhooks' },
  'webhooks.create': { url: '/admin/webhooks', form: { url: 'http://127.0.0.1:9/x' } },
  'webhooks.delete': { url: '/admin/webhooks/1/delete', form: { confirm: 'yes' } },
};

type Who = 'anonymous' | Role;

function expectedAllowed(permission: string, who: Who): boolean {
  if (permission === 'public') return true;
  if (who === 'anonymous') return false;
  if (permission === 'signed-in') return true;
  return can({ id: '0', role: who }, permission as never);
}

describe('the permission matrix over every newsroom route', () => {
  it('has a call for every route, and a route for every call', () => {
    expect(ADMIN_ROUTES.map((r) => r.id).sort()).toEqual(Object.keys(CALLS).sort());
  });

  const cases = ADMIN_ROUTES.flatMap((route) =>
    (['anonymous', ...ROLES] as Who[]).map((who) => [route.id, who, route] as const),
  );

  it.each(cases)('%s as %s', async (_id, who, route) => {
    const site = await testSite({}, { demo: false });
    try {
      const deps = { database: site.database, now: () => NOW };
      const staff = await createStaff(site.database, () => NOW);
      const victim = staff.contributor.id;
      // Article routes act on a draft of the acting user's own: the route guard is what is
      // walked here; own-versus-any rules are the services' and tested with the workflow.
      const owner = who === 'anonymous' ? staff.author : staff[who];
      const article = await createDraft(deps, owner);
      await saveArticle(deps, owner, article, content([owner.id]));
      const revision = (await listRevisions(site.database.db, article)).at(-1)?.id ?? '';
      const section = await ensureSection(
        site.database.db,
        { slug: 'اقتصاد', name: 'اقتصاد' },
        NOW,
      );

      const client = new AdminClient(site.app);
      if (who !== 'anonymous') {
        client.cookies.set('midad_session', await startSession(deps, staff[who].id));
      }
      await client.get(who === 'anonymous' ? '/admin/login' : '/admin/account');
      const call = CALLS[route.id];
      expect(call, `no call for ${route.id}`).toBeDefined();
      const url = (call?.url ?? '')
        .replace('{victim}', victim)
        .replace('{article}', article)
        .replace('{revision}', revision)
        .replace('{section}', section.id);
      const res =
        route.method === 'GET' ? await client.get(url) : await client.post(url, call?.form ?? {});

      const sentToLogin =
        res.statusCode === 303 && String(res.headers.location).startsWith('/admin/login');
      // The guard sends visitors to the sign-in page and answers signed-in users 403.
      const refused =
        res.statusCode === 403 ||
        (who === 'anonymous' && sentToLogin && route.permission !== 'public');
      expect({ status: res.statusCode, refused }).toMatchObject({
        refused: !expectedAllowed(route.permission, who),
      });
      expect(res.statusCode).toBeLessThan(500);
    } finally {
      await site.close();
    }
  });
});
