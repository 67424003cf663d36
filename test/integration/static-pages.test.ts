/**
 * Static pages (issue 15), on both engines: a published page is served at
 * `/p/<slug>` (Arabic slug raw or percent-encoded) and nowhere else: not on
 * the home page, older pages, section pages, feeds, the monthly or news
 * sitemaps, search, most read or the Content API; it is in the sitemap's
 * own `pages` file. Editors and administrators write and publish pages in
 * the newsroom; authors and contributors are refused. An administrator's
 * footer menu shows the chosen pages, in order, on every page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createArticle, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { startSession } from '../../src/services/sessions.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { createWebhook } from '../../src/services/webhooks.js';
import { addViews } from '../../src/storage/repositories/article-views.repository.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, SEED_HEADLINE, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const ORIGIN = 'https://news.example';
const ABOUT = { headline: 'من نحن', slug: 'من-نحن' };
/** A word found only in the page's body, to search for. */
const ABOUT_BODY = '<p>تأسست صحيفتنا المستقلة عام ٢٠١٢ على ميثاقنا التحريري.</p>';
const enc = encodeURIComponent;

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  const deps = () => ({ database: site.database, now: () => NOW });
  const get = (url: string) => site.app.inject({ method: 'GET', url });

  /** A static page written and published by the editor; returns its id. */
  async function publishPage(headline: string, slug: string, body = ABOUT_BODY) {
    const id = await createArticle(
      deps(),
      staff.editor,
      content([staff.editor.id], { headline, slug, bodyHtml: body, tags: [] }),
      { kind: 'page' },
    );
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }

  /** A signed-in newsroom client for `role`. */
  async function clientAs(role: keyof Staff): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    client.cookies.set('midad_session', await startSession(deps(), staff[role].id));
    await client.get('/admin/account');
    return client;
  }

  /** The footer menu's links of a page: [title, href] in order. */
  function footerLinks(html: string): Array<[string, string]> {
    const menu = /<nav class="site-footer__menu"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    return [...menu.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2]!, m[1]!]);
  }

  beforeEach(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => NOW);
  });
  afterEach(() => site.close());

  describe('the reader site', () => {
    let pageId: ArticleId;
    beforeEach(async () => {
      pageId = await publishPage(ABOUT.headline, ABOUT.slug);
    });

    it('serves the page at /p/<slug>, percent-encoded or raw, with its title and canonical URL', async () => {
      const res = await get(`/p/${enc(ABOUT.slug)}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>\u2068من نحن\u2069 | مداد</title>');
      expect(res.body).toContain('<h1 class="article__headline">من نحن</h1>');
      expect(res.body).toContain(`<link rel="canonical" href="${ORIGIN}/p/${enc(ABOUT.slug)}"/>`);
      expect(res.body).toContain('ميثاقنا التحريري');
      expect(res.body).not.toContain('data-view-beacon');
      expect(res.body).not.toContain('article__byline');
      const raw = await get(`/p/${ABOUT.slug}`);
      expect(raw.statusCode).toBe(200);
      expect(raw.body).toContain('<h1 class="article__headline">من نحن</h1>');
    });

    it('answers 404 for an unknown slug, an unpublished page and an article slug', async () => {
      expect((await get(`/p/${enc('لا-وجود')}`)).statusCode).toBe(404);
      await moveArticle(deps(), staff.editor, pageId, 'unpublish');
      expect((await get(`/p/${enc(ABOUT.slug)}`)).statusCode).toBe(404);
      const article = await createArticle(
        deps(),
        staff.editor,
        content([staff.author.id], { slug: 'خبر-عادي' }),
      );
      await moveArticle(deps(), staff.editor, article, 'publish');
      expect((await get(`/p/${enc('خبر-عادي')}`)).statusCode).toBe(404);
    });

    it('sends the short link of a page on to its address', async () => {
      const res = await get(`/a/${pageId}`);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/p/${enc(ABOUT.slug)}`);
      expect((await get(`/a/${pageId}/${enc(ABOUT.slug)}`)).headers.location).toBe(
        `/p/${enc(ABOUT.slug)}`,
      );
    });

    it('keeps the page off the home page, feeds and the monthly and news sitemaps', async () => {
      const home = await get('/');
      expect(home.body).toContain(SEED_HEADLINE);
      expect(home.body).not.toContain('من نحن');
      for (const feed of ['/rss.xml', '/atom.xml', '/feed.json']) {
        const res = await get(feed);
        expect([feed, res.statusCode]).toEqual([feed, 200]);
        expect([feed, res.body.includes('ميثاقنا')]).toEqual([feed, false]);
        expect([feed, res.body.includes(`/a/${pageId}`)]).toEqual([feed, false]);
      }
      const files = [...(await get('/sitemap.xml')).body.matchAll(/<loc>([^<]*)<\/loc>/g)]
        .map((m) => m[1]!.slice(ORIGIN.length))
        .filter((path) => path !== '/sitemaps/pages.xml');
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const res = await get(file);
        expect([file, res.statusCode]).toEqual([file, 200]);
        expect([file, res.body.includes(`/a/${pageId}`), res.body.includes('/p/')]).toEqual([
          file,
          false,
          false,
        ]);
      }
      expect((await get('/sitemaps/news.xml')).body).not.toContain('من نحن');
    });

    it('lists published pages in the sitemap, in a file of their own', async () => {
      const index = await get('/sitemap.xml');
      expect(index.body).toContain(`<loc>${ORIGIN}/sitemaps/pages.xml</loc>`);
      const pages = await get('/sitemaps/pages.xml');
      expect(pages.statusCode).toBe(200);
      expect([...pages.body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([
        `${ORIGIN}/p/${enc(ABOUT.slug)}`,
      ]);
      await moveArticle(deps(), staff.editor, pageId, 'unpublish');
      expect((await get('/sitemap.xml')).body).not.toContain('pages.xml');
      expect((await get('/sitemaps/pages.xml')).statusCode).toBe(404);
    });

    it('never finds the page in search, most read or the Content API’s article routes, only in its /pages', async () => {
      const search = await get(`/api/search?q=${enc('ميثاقنا')}`);
      expect(search.statusCode).toBe(200);
      expect(search.json()).toMatchObject({ total: 0, results: [] });
      await addViews(site.database.db, new Map([[pageId, 5000]]), NOW);
      const home = await get('/');
      expect(home.body).not.toContain('من نحن');
      const { key } = await createApiKey(deps(), staff.administrator, 'تطبيق');
      const api = (url: string) =>
        site.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      const list = await api('/api/content/v1/articles');
      expect(list.statusCode).toBe(200);
      expect(
        (list.json() as { articles: Array<{ id: string }> }).articles.map((a) => a.id),
      ).not.toContain(pageId);
      expect((await api(`/api/content/v1/articles/${pageId}`)).statusCode).toBe(404);
      expect((await api(`/api/content/v1/articles/${enc(ABOUT.slug)}`)).statusCode).toBe(404);
      // The pages' own read-only routes.
      const pages = await api('/api/content/v1/pages');
      expect(pages.statusCode).toBe(200);
      expect(pages.json()).toEqual({
        pages: [
          {
            id: pageId,
            slug: ABOUT.slug,
            title: 'من نحن',
            url: `${ORIGIN}/p/${enc(ABOUT.slug)}`,
            updatedAt: NOW.toISOString(),
          },
        ],
      });
      const one = await api(`/api/content/v1/pages/${enc(ABOUT.slug)}`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual({
        page: {
          id: pageId,
          slug: ABOUT.slug,
          title: 'من نحن',
          url: `${ORIGIN}/p/${enc(ABOUT.slug)}`,
          updatedAt: NOW.toISOString(),
          excerpt: 'تأسست صحيفتنا المستقلة عام ٢٠١٢ على ميثاقنا التحريري.',
          bodyHtml: ABOUT_BODY,
          seo: { title: '', description: '' },
        },
      });
      expect((await api(`/api/content/v1/pages/${enc('لا-وجود')}`)).statusCode).toBe(404);
    });

    it('shows a row written as a page (as the site import writes one) at /p/<slug> and in no listing', async () => {
      const section = await ensureSection(
        site.database.db,
        { slug: 'عن-الموقع', name: 'عن الموقع' },
        NOW,
      );
      const id = await createArticle(
        deps(),
        staff.editor,
        content([staff.author.id], {
          headline: 'سياسة الخصوصية',
          slug: 'سياسة-الخصوصية',
          sectionId: section.id,
          tags: ['خصوصية'],
        }),
      );
      await moveArticle(deps(), staff.editor, id, 'publish');
      await site.database.db
        .updateTable('articles')
        .set({ kind: 'page' })
        .where('id', '=', BigInt(id))
        .execute();
      const page = await get(`/p/${enc('سياسة-الخصوصية')}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 class="article__headline">سياسة الخصوصية</h1>');
      expect((await get(`/section/${enc('عن-الموقع')}`)).statusCode).toBe(404);
      expect((await get(`/tag/${enc('خصوصية')}`)).statusCode).toBe(404);
      expect((await get('/')).body).not.toContain('سياسة الخصوصية');
    });
  });

  describe('the newsroom', () => {
    it('lets an editor create, edit and publish a page', async () => {
      const editor = await clientAs('editor');
      const list = await editor.get('/admin/pages');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('href="/admin/pages/new"');
      const form = await editor.get('/admin/pages/new');
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('action="/admin/pages"');
      expect(form.body).not.toContain('name="sectionId"');
      const created = await editor.post('/admin/pages', {
        headline: 'اتصل بنا',
        slug: 'اتصل-بنا',
        body_html: '<p>راسلونا على البريد.</p>',
      });
      expect(created.statusCode).toBe(303);
      const id = /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1];
      expect(id).toBeDefined();
      expect((await get(`/p/${enc('اتصل-بنا')}`)).statusCode).toBe(404);
      const saved = await editor.post(`/admin/articles/${id}`, {
        headline: 'اتصل بنا الآن',
        slug: 'اتصل-بنا',
        body_html: '<p>راسلونا على البريد أو الهاتف.</p>',
      });
      expect(saved.statusCode).toBe(303);
      const moved = await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      expect(moved.statusCode).toBe(303);
      const page = await get(`/p/${enc('اتصل-بنا')}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 class="article__headline">اتصل بنا الآن</h1>');
      expect((await editor.get('/admin/pages')).body).toContain('اتصل بنا الآن');
      // Pages are not in the articles' list.
      expect((await editor.get('/admin')).body).not.toContain('اتصل بنا الآن');
      const revisions = await editor.get(`/admin/articles/${id}/revisions`);
      expect(revisions.statusCode).toBe(200);
    });

    it('sends no webhook for a page published, saved or unpublished', async () => {
      await createWebhook(deps(), staff.administrator, {
        url: 'http://127.0.0.1:9/hook',
        events: ['article.published', 'article.updated', 'article.unpublished'],
        allowPrivate: true,
      });
      const id = await publishPage(ABOUT.headline, ABOUT.slug);
      await saveArticle(deps(), staff.editor, id, content([staff.editor.id], { tags: [] }));
      await moveArticle(deps(), staff.editor, id, 'unpublish');
      const deliveries = () =>
        site.database.db
          .selectFrom('webhook_deliveries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
      expect(Number((await deliveries()).n)).toBe(0);
      const article = await createArticle(deps(), staff.editor, content([staff.author.id]));
      await moveArticle(deps(), staff.editor, article, 'publish');
      expect(Number((await deliveries()).n)).toBe(1);
    });

    it('refuses pages to authors and contributors, even as their byline', async () => {
      const pageId = await publishPage(ABOUT.headline, ABOUT.slug);
      for (const role of ['author', 'contributor'] as const) {
        const client = await clientAs(role);
        expect([role, (await client.get('/admin/pages')).statusCode]).toEqual([role, 403]);
        expect([role, (await client.get('/admin/pages/new')).statusCode]).toEqual([role, 403]);
        const create = await client.post('/admin/pages', {
          headline: 'صفحة',
          body_html: '<p>نص</p>',
        });
        expect([role, create.statusCode]).toEqual([role, 403]);
        expect([role, (await client.get(`/admin/articles/${pageId}/edit`)).statusCode]).toEqual([
          role,
          403,
        ]);
        const save = await client.post(`/admin/articles/${pageId}`, {
          headline: 'تغيير',
          body_html: '<p>نص</p>',
        });
        expect([role, save.statusCode]).toEqual([role, 403]);
        const move = await client.post(`/admin/articles/${pageId}/move`, { move: 'unpublish' });
        expect([role, move.statusCode]).toEqual([role, 403]);
      }
      // Even as a byline, the author may not touch the page through the services.
      await site.database.db
        .insertInto('article_authors')
        .values({ article_id: BigInt(pageId), user_id: BigInt(staff.author.id), position: 1 })
        .execute();
      await expect(
        saveArticle(deps(), staff.author, pageId, content([staff.author.id])),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(moveArticle(deps(), staff.author, pageId, 'unpublish')).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await get(`/p/${enc(ABOUT.slug)}`)).statusCode).toBe(200);
    });
  });

  describe('the footer menu', () => {
    it('shows the pages an administrator chose, in order, and follows their changes', async () => {
      const about = await publishPage(ABOUT.headline, ABOUT.slug);
      const privacy = await publishPage('سياسة الخصوصية', 'سياسة-الخصوصية');
      const contact = await publishPage('اتصل بنا', 'اتصل-بنا');
      expect(footerLinks((await get('/')).body)).toEqual([]);

      const admin = await clientAs('administrator');
      const list = await admin.get('/admin/pages');
      expect(list.body).toContain('action="/admin/pages/footer"');
      const res = await admin.post('/admin/pages/footer', {
        footer: [about, privacy, contact],
        [`order-${about}`]: '2',
        [`order-${privacy}`]: '3',
        [`order-${contact}`]: '1',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/pages?notice=footer-saved');
      const expected: Array<[string, string]> = [
        ['اتصل بنا', `/p/${enc('اتصل-بنا')}`],
        ['من نحن', `/p/${enc(ABOUT.slug)}`],
        ['سياسة الخصوصية', `/p/${enc('سياسة-الخصوصية')}`],
      ];
      expect(footerLinks((await get('/')).body)).toEqual(expected);
      expect(footerLinks((await get(`/a/${SEED_ID}`)).body)).toEqual(expected);

      // A page renamed or unpublished in the newsroom: every footer follows (the cache is purged).
      const editor = await clientAs('editor');
      const renamed = await editor.post(`/admin/articles/${contact}`, {
        headline: 'راسلونا',
        slug: 'اتصل-بنا',
        body_html: ABOUT_BODY,
      });
      expect(renamed.statusCode).toBe(303);
      const unpublished = await editor.post(`/admin/articles/${privacy}/move`, {
        move: 'unpublish',
      });
      expect(unpublished.statusCode).toBe(303);
      expect(footerLinks((await get('/')).body)).toEqual([
        ['راسلونا', `/p/${enc('اتصل-بنا')}`],
        ['من نحن', `/p/${enc(ABOUT.slug)}`],
      ]);

      // Emptied: no menu.
      expect((await admin.post('/admin/pages/footer', {})).statusCode).toBe(303);
      expect(footerLinks((await get('/')).body)).toEqual([]);
    });

    it('is the administrators’ choice only', async () => {
      const about = await publishPage(ABOUT.headline, ABOUT.slug);
      const editor = await clientAs('editor');
      expect((await editor.get('/admin/pages')).body).not.toContain('action="/admin/pages/footer"');
      expect((await editor.post('/admin/pages/footer', { footer: about })).statusCode).toBe(403);
      expect(footerLinks((await get('/')).body)).toEqual([]);
    });
  });
});
