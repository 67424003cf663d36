/**
 * The permission matrix, walked: every newsroom route, as an anonymous
 * visitor and as each role, on a fresh site each time. A visitor is sent to
 * the sign-in page; a role without the permission gets 403; a role with it
 * gets past the guard (whatever the handler then answers). What each route
 * requires is pinned in CALLS, so a route that declares too weak a
 * permission fails here (the old test read the route's own declaration).
 */
import { describe, expect, it } from 'vitest';
import { can, ROLES, type Action, type Role } from '../../src/domain/roles.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { startSession } from '../../src/services/sessions.js';
import { listRevisions } from '../../src/storage/repositories/revisions.repository.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { ADMIN_ROUTES } from '../../src/web/admin/plugin.js';
import { AdminClient } from '../helpers/admin-client.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { NOW, testSite } from '../helpers/site.js';

type Requirement = 'public' | 'signed-in' | Action;

/**
 * How to call each route (the URL with its parameters filled, and a form
 * for POSTs), and what it requires: `public`, `signed-in` or the action of
 * domain/roles.ts. The requirement is pinned here, not read from the
 * route's own declaration, so that a route declared too weak fails this
 * test (issue 13, item 10). Article routes need only `article.create` at
 * the guard: who may edit or move which article is the services' rule.
 */
const CALLS: Record<string, { requires: Requirement; url: string; form?: Record<string, string> }> =
  {
    'setup.form': { requires: 'public', url: '/admin/setup' },
    'setup.create': {
      requires: 'public',
      url: '/admin/setup',
      form: { email: 'x@x.org', displayName: 'x', password: 'long enough pw' },
    },
    'login.form': { requires: 'public', url: '/admin/login' },
    'login.submit': {
      requires: 'public',
      url: '/admin/login',
      form: { email: 'nobody@x.org', password: 'wrong password' },
    },
    logout: { requires: 'signed-in', url: '/admin/logout' },
    language: { requires: 'public', url: '/admin/language', form: { lang: 'en' } },
    // Public at the guard (a new site is sent to set-up); the handler sends visitors to sign in.
    dashboard: { requires: 'signed-in', url: '/admin' },
    'account.view': { requires: 'signed-in', url: '/admin/account' },
    'account.password': {
      requires: 'signed-in',
      url: '/admin/account/password',
      form: { current: 'x', password: 'y' },
    },
    'account.profile': {
      requires: 'signed-in',
      url: '/admin/account/profile',
      form: { bio: 'نبذة', 'link-x': 'https://x.com/a' },
    },
    'account.photo': { requires: 'media.upload', url: '/admin/account/photo', form: {} },
    'users.list': { requires: 'user.manage', url: '/admin/users' },
    'users.profile': { requires: 'user.manage', url: '/admin/users/{victim}/profile' },
    'users.profile.save': {
      requires: 'user.manage',
      url: '/admin/users/{victim}/profile',
      form: { bio: 'نبذة' },
    },
    'users.photo': { requires: 'user.manage', url: '/admin/users/{victim}/photo', form: {} },
    'users.create': {
      requires: 'user.manage',
      url: '/admin/users',
      form: { email: 'new@x.org', displayName: 'ن', role: 'author', password: 'long enough pw' },
    },
    'users.role': {
      requires: 'user.manage',
      url: '/admin/users/{victim}/role',
      form: { role: 'author' },
    },
    'users.deactivate': { requires: 'user.manage', url: '/admin/users/{victim}/deactivate' },
    'users.reactivate': { requires: 'user.manage', url: '/admin/users/{victim}/reactivate' },
    'users.password': {
      requires: 'user.manage',
      url: '/admin/users/{victim}/password',
      form: { password: 'another long pw' },
    },
    'articles.new': { requires: 'article.create', url: '/admin/articles/new' },
    'articles.create': {
      requires: 'article.create',
      url: '/admin/articles',
      form: { headline: 'عنوان', body_html: '<p>نص</p>' },
    },
    'articles.edit': { requires: 'article.create', url: '/admin/articles/{article}/edit' },
    'articles.save': {
      requires: 'article.create',
      url: '/admin/articles/{article}',
      form: { headline: 'عنوان', body_html: '<p>نص</p>' },
    },
    'articles.autosave': {
      requires: 'article.create',
      url: '/admin/articles/{article}/autosave',
      form: { headline: 'عنوان' },
    },
    'articles.autosave-new': {
      requires: 'article.create',
      url: '/admin/articles/autosave',
      form: { headline: 'عنوان' },
    },
    'articles.move': {
      requires: 'article.create',
      url: '/admin/articles/{article}/move',
      form: { move: 'submit' },
    },
    'articles.breaking': {
      requires: 'article.breaking',
      url: '/admin/articles/{article}/breaking',
      form: { hours: '1' },
    },
    'articles.lead': {
      requires: 'article.lead',
      url: '/admin/articles/{article}/lead',
      form: { pin: '1' },
    },
    'articles.preview': { requires: 'article.create', url: '/admin/articles/{article}/preview' },
    'pages.list': { requires: 'page.manage', url: '/admin/pages' },
    'pages.new': { requires: 'page.manage', url: '/admin/pages/new' },
    'pages.create': {
      requires: 'page.manage',
      url: '/admin/pages',
      form: { headline: 'من نحن', body_html: '<p>صحيفة مستقلة.</p>' },
    },
    'pages.footer': { requires: 'settings.manage', url: '/admin/pages/footer', form: {} },
    'front-page.show': { requires: 'settings.manage', url: '/admin/front-page' },
    'front-page.save': { requires: 'settings.manage', url: '/admin/front-page', form: {} },
    'revisions.list': { requires: 'article.create', url: '/admin/articles/{article}/revisions' },
    'revisions.diff': {
      requires: 'article.create',
      url: '/admin/articles/{article}/revisions/{revision}',
    },
    'revisions.restore': {
      requires: 'article.create',
      url: '/admin/articles/{article}/revisions/{revision}/restore',
    },
    'sections.list': { requires: 'section.manage', url: '/admin/sections' },
    'sections.create': {
      requires: 'section.manage',
      url: '/admin/sections',
      form: { name: 'رياضة' },
    },
    'sections.rename': {
      requires: 'section.manage',
      url: '/admin/sections/{section}',
      form: { name: 'اقتصاد وأعمال' },
    },
    'sections.describe': {
      requires: 'section.manage',
      url: '/admin/sections/{section}/description',
      form: { description: 'أخبار الاقتصاد' },
    },
    'sections.delete': { requires: 'section.manage', url: '/admin/sections/{section}/delete' },
    'tags.list': { requires: 'tag.manage', url: '/admin/tags' },
    'tags.rename': { requires: 'tag.manage', url: '/admin/tags/1', form: { name: 'وسم آخر' } },
    'tags.describe': {
      requires: 'tag.manage',
      url: '/admin/tags/1/description',
      form: { description: 'وصف' },
    },
    'tags.delete': { requires: 'tag.manage', url: '/admin/tags/1/delete' },
    'api.article-search': { requires: 'article.create', url: '/admin/api/article-search?q=خبر' },
    'media.library': { requires: 'media.upload', url: '/admin/media' },
    'media.upload': { requires: 'media.upload', url: '/admin/media', form: {} },
    'media.details': { requires: 'media.upload', url: '/admin/media/1', form: { alt: 'وصف' } },
    'media.api.list': { requires: 'media.upload', url: '/admin/api/media' },
    'media.api.upload': { requires: 'media.upload', url: '/admin/api/media', form: {} },
    'apiKeys.list': { requires: 'apikey.manage', url: '/admin/api-keys' },
    'apiKeys.create': {
      requires: 'apikey.manage',
      url: '/admin/api-keys',
      form: { name: 'تطبيق' },
    },
    'apiKeys.revoke': {
      requires: 'apikey.manage',
      url: '/admin/api-keys/1/revoke',
      form: { confirm: 'yes' },
    },
    'webhooks.list': { requires: 'webhook.manage', url: '/admin/webhooks' },
    'webhooks.create': {
      requires: 'webhook.manage',
      url: '/admin/webhooks',
      form: { url: 'http://127.0.0.1:9/x' },
    },
    'webhooks.delete': {
      requires: 'webhook.manage',
      url: '/admin/webhooks/1/delete',
      form: { confirm: 'yes' },
    },
    'redirects.list': { requires: 'redirect.manage', url: '/admin/redirects' },
    'redirects.create': {
      requires: 'redirect.manage',
      url: '/admin/redirects',
      form: { from: '/قديم/', to: '/', status: '301' },
    },
    'redirects.export': { requires: 'redirect.manage', url: '/admin/redirects/export' },
    'redirects.import': { requires: 'redirect.manage', url: '/admin/redirects/import' },
    'redirects.change': {
      requires: 'redirect.manage',
      url: '/admin/redirects/1',
      form: { from: '/قديم/', to: '/', status: '301' },
    },
    'redirects.delete': {
      requires: 'redirect.manage',
      url: '/admin/redirects/1/delete',
      form: { confirm: 'yes' },
    },
    'wire.queue': { requires: 'newsroom.enter', url: '/admin/wire' },
    'wire.item': { requires: 'newsroom.enter', url: '/admin/wire/items/1' },
    'wire.use': { requires: 'wire.use', url: '/admin/wire/items/1/use' },
    'wire.sources': { requires: 'wire.manage', url: '/admin/wire/sources' },
    'wire.sources.add': {
      requires: 'wire.manage',
      url: '/admin/wire/sources',
      form: { name: 'قنا', agency: 'وكالة الأنباء القطرية', url: 'http://127.0.0.1:9/feed' },
    },
    'wire.sources.switch': {
      requires: 'wire.manage',
      url: '/admin/wire/sources/1',
      form: { enabled: 'no' },
    },
    'wire.sources.remove': {
      requires: 'wire.manage',
      url: '/admin/wire/sources/1/delete',
      form: { confirm: 'yes' },
    },
    'wire.access': { requires: 'wire.manage', url: '/admin/wire/access', form: { open: 'no' } },
    'live.page': { requires: 'stats.view', url: '/admin/live' },
    // Without Accept: text/event-stream, the events route sends a person to the page.
    'live.events': { requires: 'stats.view', url: '/admin/live/events' },
    // Issue 19: the live desk (a contributor sees it read-only) and public notes.
    'live.desk': { requires: 'article.create', url: '/admin/articles/{article}/live' },
    'live.poll': { requires: 'article.create', url: '/admin/articles/{article}/live/poll' },
    'live.start': { requires: 'article.live', url: '/admin/articles/{article}/live/start' },
    'live.end': { requires: 'article.live', url: '/admin/articles/{article}/live/end' },
    'live.post': {
      requires: 'live.post',
      url: '/admin/articles/{article}/live/updates',
      form: { body_html: '<p>تحديث</p>' },
    },
    'live.update.edit': {
      requires: 'live.edit.own',
      url: '/admin/articles/{article}/live/updates/1/edit',
    },
    'live.update.save': {
      requires: 'live.edit.own',
      url: '/admin/articles/{article}/live/updates/1',
      form: { body_html: '<p>تحديث</p>' },
    },
    'live.update.delete': {
      requires: 'live.edit.own',
      url: '/admin/articles/{article}/live/updates/1/delete',
    },
    'articles.note.delete': {
      requires: 'article.edit.any',
      url: '/admin/articles/{article}/notes/1/delete',
    },
    // Issue 20: newsletter editions (edition 1 may not exist: a 404 past the guard).
    'newsletters.list': { requires: 'newsletter.manage', url: '/admin/newsletters' },
    'newsletters.create': { requires: 'newsletter.manage', url: '/admin/newsletters/new' },
    'newsletters.digest-time': {
      requires: 'settings.manage',
      url: '/admin/newsletters/digest-time',
      form: { digestTime: '07:30' },
    },
    'newsletters.edition': { requires: 'newsletter.manage', url: '/admin/newsletters/1' },
    'newsletters.preview': {
      requires: 'newsletter.manage',
      url: '/admin/newsletters/1/preview.html',
    },
    'newsletters.save': {
      requires: 'newsletter.manage',
      url: '/admin/newsletters/1',
      form: { subject: 'نشرة', intro: '' },
    },
    'newsletters.articles': {
      requires: 'newsletter.manage',
      url: '/admin/newsletters/1/articles',
      form: { move: 'add', article: '1' },
    },
    'newsletters.send': { requires: 'newsletter.manage', url: '/admin/newsletters/1/send' },
    'newsletters.schedule': {
      requires: 'newsletter.manage',
      url: '/admin/newsletters/1/schedule',
      form: { at: '' },
    },
    'newsletters.test': {
      requires: 'newsletter.manage',
      url: '/admin/newsletters/1/test',
      form: { address: 'desk@news.example' },
    },
    // Issue 20: the Telegram channel.
    'telegram.settings': { requires: 'settings.manage', url: '/admin/telegram' },
    'telegram.save': {
      requires: 'settings.manage',
      url: '/admin/telegram',
      form: { token: '', chat: '@midad_news' },
    },
    'telegram.check': { requires: 'settings.manage', url: '/admin/telegram/check' },
    'telegram.disconnect': {
      requires: 'settings.manage',
      url: '/admin/telegram/disconnect',
      form: { confirm: 'yes' },
    },
    'articles.telegram': { requires: 'reader.alert', url: '/admin/articles/{article}/telegram' },
    // Issue 22: alternate addresses.
    'mirrors.show': { requires: 'settings.manage', url: '/admin/mirrors' },
    'mirrors.save': {
      requires: 'settings.manage',
      url: '/admin/mirrors',
      form: { onion: '', 'mirror-url-1': 'https://mirror.example/' },
    },
    // Issue 20: web push.
    'reach.show': { requires: 'reader.alert', url: '/admin/reach' },
    'reach.cap': { requires: 'settings.manage', url: '/admin/reach/cap', form: { cap: '5' } },
    'articles.pushAlert': {
      requires: 'reader.alert',
      url: '/admin/articles/{article}/push-alert',
    },
  };

/**
 * What a route's service asks besides its guard, with the settings as a
 * new site has them: the wire desk's pages let every writer past the
 * guard, and the service refuses those the desk is not open to.
 */
const SERVICE_REQUIRES: Readonly<Record<string, Action>> = {
  'wire.queue': 'wire.view',
  'wire.item': 'wire.view',
};

type Who = 'anonymous' | Role;

function expectedAllowed(requirement: Requirement, who: Who): boolean {
  if (requirement === 'public') return true;
  if (who === 'anonymous') return false;
  if (requirement === 'signed-in') return true;
  return can({ id: '0', role: who }, requirement);
}

describe('the permission matrix over every newsroom route', () => {
  it('has a call for every route, and a route for every call', () => {
    expect(ADMIN_ROUTES.map((r) => r.id).sort()).toEqual(Object.keys(CALLS).sort());
  });

  it('declares on each route the requirement pinned here', () => {
    expect(Object.fromEntries(ADMIN_ROUTES.map((r) => [r.id, r.permission]))).toEqual(
      Object.fromEntries(
        ADMIN_ROUTES.map((r) => [r.id, r.id === 'dashboard' ? 'public' : CALLS[r.id]?.requires]),
      ),
    );
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
      const requires = call?.requires ?? 'public';
      const refused =
        res.statusCode === 403 || (who === 'anonymous' && sentToLogin && requires !== 'public');
      const service = SERVICE_REQUIRES[route.id];
      const allowed =
        expectedAllowed(requires, who) && (service === undefined || expectedAllowed(service, who));
      expect({ status: res.statusCode, refused }).toMatchObject({ refused: !allowed });
      expect(res.statusCode).toBeLessThan(500);
    } finally {
      await site.close();
    }
  });
});
