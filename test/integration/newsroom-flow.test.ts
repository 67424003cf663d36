import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { loadArticle } from '../../src/services/edit-article.js';
import { startSession } from '../../src/services/sessions.js';
import { createSection } from '../../src/services/taxonomy.js';
import { ensureSection, findSection } from '../../src/storage/repositories/sections.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { BROWSER, NOW, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let sectionId: string;

  async function as(role: keyof Staff): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    client.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now: () => NOW }, staff[role].id),
    );
    await client.get('/admin/account');
    return client;
  }
  const read = (url: string) => site.app.inject({ url, headers: { 'user-agent': BROWSER } });

  const ARTICLE = {
    headline: 'أبل تعلن عن iPhone 15 في 12 مارس',
    excerpt: 'هاتف جديد بكاميرا أفضل.',
    body_html:
      '<p>أعلنت شركة Apple يوم 12 مارس عن iPhone 15 الجديد.</p><aside class="read-also" data-article-id="258871304963183"><a href="/a/258871304963183">توافق أمريكي تركي</a></aside><figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>',
    tags: 'تقنية، هواتف',
  };

  beforeEach(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => NOW);
    sectionId = (await ensureSection(site.database.db, { slug: 'تقنية', name: 'تقنية' }, NOW)).id;
  });
  afterEach(async () => {
    await site.close();
  });

  async function writeAndSubmit(): Promise<string> {
    const author = await as('contributor');
    const created = await author.post('/admin/articles', { ...ARTICLE, sectionId });
    expect(created.statusCode).toBe(303);
    const id = /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
    const edit = await author.get(`/admin/articles/${id}/edit?notice=saved`);
    expect(edit.body).toContain('حُفظ المقال.');
    expect(edit.body).toContain('data-autosave-url="/admin/articles/' + id + '/autosave"');
    expect((await author.post(`/admin/articles/${id}/move`, { move: 'submit' })).statusCode).toBe(
      303,
    );
    return id;
  }

  describe('a browser that kept its session cookie but not its CSRF cookie', () => {
    it('saves a new article from the editor opened first (one CSRF token per page)', async () => {
      const client = new AdminClient(site.app);
      client.cookies.set(
        'midad_session',
        await startSession({ database: site.database, now: () => NOW }, staff.editor.id),
      );
      // As after the browser was closed and opened again: no midad_csrf cookie yet.
      expect(client.cookies.has('midad_csrf')).toBe(false);
      const editor = await client.get('/admin/articles/new');
      expect(editor.statusCode).toBe(200);
      expect(client.cookies.has('midad_csrf')).toBe(true);
      const created = await client.post('/admin/articles', { ...ARTICLE, sectionId });
      expect(created.statusCode).toBe(303);
      expect(String(created.headers.location)).toMatch(/^\/admin\/articles\/\d+\/edit/);
    });
  });

  describe('from draft to the public site', () => {
    it('is written and submitted by a contributor, published by an editor, and read by the public', async () => {
      const id = await writeAndSubmit();
      expect((await read(`/a/${id}`)).statusCode).toBe(404);

      const editor = await as('editor');
      const list = await editor.get('/admin?status=pending');
      expect(list.body).toContain(ARTICLE.headline);
      const published = await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      expect(published.headers.location).toBe(
        `/admin/articles/${id}/edit?notice=moved&status=published`,
      );

      const slug = 'أبل-تعلن-عن-iphone-15-في-12-مارس';
      const short = await read(`/a/${id}`);
      expect(short.statusCode).toBe(200);
      expect(short.body).toContain(
        `<link rel="canonical" href="https://news.example/a/${id}/${encodeURIComponent(slug)}"/>`,
      );
      expect(short.body).toContain(
        `<a href="/author/${encodeURIComponent('مساهمة-نشيطة')}"><bdi>مساهمة نشيطة</bdi></a>`,
      );
      expect(short.body).toContain(
        `<a href="/tag/${encodeURIComponent('تقنية')}"><bdi>تقنية</bdi></a>`,
      );
      expect(short.body).toContain('<p class="article__standfirst">هاتف جديد بكاميرا أفضل.</p>');
      expect(short.body).toContain('<span class="read-also__label">اقرأ أيضاً</span>');
      expect(short.body).toContain(
        '>شاهد الفيديو على يوتيوب</a><button type="button" class="embed__play" data-play hidden>',
      );

      expect((await read(`/a/${id}/${encodeURIComponent(slug)}`)).statusCode).toBe(200);
      const wrongSlug = await read(`/a/${id}/wrong`);
      expect(wrongSlug.statusCode).toBe(301);
      expect(wrongSlug.headers.location).toBe(`/a/${id}/${encodeURIComponent(slug)}`);

      for (const url of [
        `/section/${encodeURIComponent('تقنية')}`,
        `/tag/${encodeURIComponent('هواتف')}`,
        `/author/${encodeURIComponent('مساهمة-نشيطة')}`,
      ]) {
        const listing = await read(url);
        expect([url, listing.statusCode]).toEqual([url, 200]);
        expect(listing.body).toContain(`href="/a/${id}"`);
      }
    });

    it('shows the author of an article an editor unpublished why there is no publish button', async () => {
      const writer = await as('author');
      const created = await writer.post('/admin/articles', ARTICLE);
      const id = /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
      await writer.post(`/admin/articles/${id}/move`, { move: 'publish' });
      await (await as('editor')).post(`/admin/articles/${id}/move`, { move: 'unpublish' });
      const page = (await writer.get(`/admin/articles/${id}/edit`)).body;
      expect(page).toContain('أوقف محرّر نشر هذا المقال، فلا يعيد نشره إلا محرّر.');
      expect(page).not.toContain('value="publish"');
      const refused = await writer.post(`/admin/articles/${id}/move`, { move: 'publish' });
      expect(refused.statusCode).toBe(403);
      expect((await read(`/a/${id}`)).statusCode).toBe(404);
    });

    it('shows a private preview to whoever has the link, and nothing once the link is replaced', async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      const made = await editor.post(`/admin/articles/${id}/preview`);
      const token = /preview=([\w-]{43})/.exec(String(made.headers.location))?.[1] ?? '';
      const preview = await read(`/preview/${token}`);
      expect(preview.statusCode).toBe(200);
      expect(preview.headers['x-robots-tag']).toBe('noindex');
      expect(preview.body).toContain('معاينة خاصة: هذا المقال غير منشور ولا يراه القرّاء.');
      expect(preview.body).not.toContain('rel="canonical"');
      await editor.post(`/admin/articles/${id}/preview`);
      expect((await read(`/preview/${token}`)).statusCode).toBe(404);
    });

    it('puts breaking news in the ticker of every page until it expires, and pins the lead story', async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      await editor.post(`/admin/articles/${id}/breaking`, { hours: '3' });
      for (const url of ['/', '/a/258871304963183']) {
        const page = (await read(url)).body;
        expect(page).toContain('<h2 id="breaking-label" class="breaking__label">عاجل</h2>');
        expect(page).toContain(`<a href="/a/${id}">${ARTICLE.headline}</a>`);
      }
      // The seed article is newer than nothing: pinning the new one makes it the lead.
      await editor.post(`/admin/articles/${id}/lead`, { pin: '1' });
      expect((await read('/')).body).toMatch(
        new RegExp(
          `<section class="lead-story"[^]*?<h3 class="story__headline"><a href="/a/${id}">`,
        ),
      );
    });

    it('refuses to publish an article whose image has no alt text, and says why', async () => {
      const editor = await as('editor');
      const created = await editor.post('/admin/articles', {
        headline: 'صورة بلا وصف',
        body_html: '<p>نص</p><figure><img src="/media/1/w640.webp" alt=""></figure>',
      });
      const id = /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
      const res = await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('كل صورة تحتاج إلى نص بديل (وصف) قبل النشر.');
    });

    it('autosaves as JSON with the CSRF header, and refuses it without', async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      const ok = await site.app.inject({
        method: 'POST',
        url: `/admin/articles/${id}/autosave`,
        headers: {
          cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
          'x-csrf-token': editor.csrfToken,
        },
        payload: JSON.stringify({
          headline: 'عنوان معدّل',
          body_html: '<p>نص</p>',
          authorIds: [staff.contributor.id],
        }),
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ savedAt: NOW.toISOString(), savedTime: '15:00' });
      const forged = await site.app.inject({
        method: 'POST',
        url: `/admin/articles/${id}/autosave`,
        headers: {
          cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
        },
        payload: '{}',
      });
      expect(forged.statusCode).toBe(403);
    });
  });

  describe('revisions in the newsroom', () => {
    it('lists revisions, shows a word diff, and restores', async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        headline: 'أبل تعلن عن iPhone 16 في 9 أيلول',
        sectionId,
      });
      const list = (await editor.get(`/admin/articles/${id}/revisions`)).body;
      const revisions = [
        ...list.matchAll(new RegExp(`/admin/articles/${id}/revisions/(\\d+)"`, 'g')),
      ].map((m) => m[1]);
      expect(revisions).toHaveLength(2);
      const first = revisions.at(-1) ?? '';
      const diff = (await editor.get(`/admin/articles/${id}/revisions/${first}`)).body;
      expect(diff).toContain('<del>15</del>');
      expect(diff).toContain('<ins>16</ins>');
      const restored = await editor.post(`/admin/articles/${id}/revisions/${first}/restore`);
      expect(restored.headers.location).toBe(`/admin/articles/${id}/edit?notice=restored`);
      expect((await editor.get(`/admin/articles/${id}/edit`)).body).toContain(
        `value="${ARTICLE.headline}"`,
      );
    });
  });

  describe('sections and tags', () => {
    it('lets an editor add, rename and delete a section, with clear refusals', async () => {
      const editor = await as('editor');
      expect((await editor.post('/admin/sections', { name: 'رياضة' })).statusCode).toBe(303);
      const dup = await editor.post('/admin/sections', { name: 'رياضة' });
      expect(dup.statusCode).toBe(422);
      expect(dup.body).toContain('يوجد قسم بهذا الاسم.');
      const page = (await editor.get('/admin/sections')).body;
      const id = /action="\/admin\/sections\/(\d+)\/delete"/.exec(
        page.slice(page.indexOf('رياضة')),
      )?.[1];
      await editor.post(`/admin/sections/${id}`, { name: 'رياضة عالمية' });
      expect((await editor.get('/admin/sections')).body).toContain('رياضة عالمية');
      await editor.post(`/admin/sections/${id}/delete`, { confirm: 'yes' });
      expect((await editor.get('/admin/sections')).body).not.toContain('رياضة عالمية');
    });

    it('finds published articles for "read also" by headline, whatever the hamza', async () => {
      const editor = await as('editor');
      const res = await editor.get(
        `/admin/api/article-search?q=${encodeURIComponent('اطلاق النار')}`,
      );
      expect(res.json()).toEqual({
        results: [
          { id: '258871304963183', headline: 'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب' },
        ],
      });
    });
  });

  describe('after a user test of the newsroom', () => {
    async function published(): Promise<{ id: string; editor: AdminClient }> {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      return { id, editor };
    }

    it('opens an archived article read-only with its restore button, and restores it', async () => {
      const { id, editor } = await published();
      expect(
        (await editor.post(`/admin/articles/${id}/move`, { move: 'archive' })).statusCode,
      ).toBe(303);
      const page = await editor.get(`/admin/articles/${id}/edit`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('لا يمكنك تعديل هذا المقال في حالته الحالية.');
      expect(page.body).toContain('<fieldset class="edit-form__fields" disabled>');
      expect(page.body).toContain('استعادة من الأرشيف');
      await editor.post(`/admin/articles/${id}/move`, { move: 'restore' });
      expect((await editor.get(`/admin/articles/${id}/edit`)).body).not.toContain(
        'edit-form__fields" disabled',
      );
    });

    it('restores an archived article from its read-only form, which sends none of its fields', async () => {
      const { id, editor } = await published();
      await editor.post(`/admin/articles/${id}/move`, { move: 'archive' });
      // What the browser posts: the disabled fieldset's fields are not sent.
      const restored = await editor.post(`/admin/articles/${id}`, {
        version: NOW.toISOString(),
        move: 'restore',
      });
      expect([restored.statusCode, restored.headers.location]).toEqual([
        303,
        `/admin/articles/${id}/edit?notice=moved&status=draft`,
      ]);
      expect((await editor.get(`/admin/articles/${id}/edit`)).body).not.toContain(
        'edit-form__fields" disabled',
      );
    });

    it('shows a contributor their submitted article read-only, not a refusal', async () => {
      const id = await writeAndSubmit();
      const contributor = await as('contributor');
      const page = await contributor.get(`/admin/articles/${id}/edit`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('لا يمكنك تعديل هذا المقال في حالته الحالية.');
    });

    it("answers an author opening another's article with the newsroom's refusal page", async () => {
      const id = await writeAndSubmit();
      const author = await as('author');
      const page = await author.get(`/admin/articles/${id}/edit`);
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('دورك في غرفة الأخبار لا يسمح بهذا.');
      expect(page.body).not.toContain(ARTICLE.headline);
    });

    it('keeps a live article publishable: a save or a restore that empties it is refused', async () => {
      const { id, editor } = await published();
      const emptied = await editor.post(`/admin/articles/${id}`, { headline: '', body_html: '' });
      expect(emptied.statusCode).toBe(422);
      expect(emptied.body).toContain('يحتاج المقال إلى عنوان ونص قبل نشره.');
      const noAlt = await editor.post(`/admin/articles/${id}`, {
        headline: ARTICLE.headline,
        body_html: '<p>نص</p><figure><img src="/media/9/w640.webp" alt=""></figure>',
      });
      expect(noAlt.statusCode).toBe(422);
      expect((await read(`/a/${id}`)).body).toContain(
        `<h1 class="article__headline">${ARTICLE.headline}</h1>`,
      );
    });

    it("refuses a save from a copy older than someone else's save, and keeps what was typed", async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      const version =
        /name="version" value="([^"]+)"/.exec(
          (await editor.get(`/admin/articles/${id}/edit`)).body,
        )?.[1] ?? '';
      // The clock of the test site is fixed: make the editor's copy older than the other save.
      const older = new Date(new Date(version).getTime() - 60_000).toISOString();
      const admin = await as('administrator');
      await admin.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        headline: 'تصحيح من المدير',
        sectionId,
      });
      const stale = await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        headline: 'نسخة المحرر',
        version: older,
      });
      expect(stale.statusCode).toBe(422);
      expect(stale.body).toContain('حفظ مديرة الموقع هذا المقال');
      expect(stale.body).toContain('value="نسخة المحرر"');
      expect((await admin.get(`/admin/articles/${id}/edit`)).body).toContain(
        'value="تصحيح من المدير"',
      );
    });

    it('says who saved and when, in the site time, when an autosave from an older copy is refused', async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      const admin = await as('administrator');
      await admin.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        headline: 'تصحيح المدير',
        sectionId,
      });
      const stale = await editor.postJson(`/admin/articles/${id}/autosave`, {
        ...ARTICLE,
        headline: 'نسخة المحرر',
        version: new Date(NOW.getTime() - 60_000).toISOString(),
      });
      expect([stale.statusCode, JSON.parse(stale.body)]).toEqual([
        409,
        {
          error: {
            code: 'ARTICLE_CHANGED',
            message:
              'حفظ مديرة الموقع هذا المقال (29 نوفمبر/ تشرين الثاني 2026، 15:00) بعد أن فتحته، ولم يُحفظ ما أرسلته حتى لا يضيع تعديله. انسخ ما كتبت، ثم أعد تحميل الصفحة.',
          },
        },
      ]);
    });

    it('turns plain text typed without JavaScript into paragraphs', async () => {
      const editor = await as('editor');
      const created = await editor.post('/admin/articles', {
        headline: 'خبر بلا محرر',
        body_html: 'الفقرة الأولى.\r\n\r\nالفقرة الثانية،\r\nوسطر ثان فيها.',
      });
      const id = /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
      await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      expect((await read(`/a/${id}`)).body).toContain(
        '<p>الفقرة الأولى.</p>\n<p>الفقرة الثانية،<br />وسطر ثان فيها.</p>',
      );
    });
  });

  describe('field limits and text cleaning in the editor', () => {
    const autosave = (client: AdminClient, id: string, payload: Record<string, unknown>) =>
      site.app.inject({
        method: 'POST',
        url: `/admin/articles/${id}/autosave`,
        headers: {
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
          'x-csrf-token': client.csrfToken,
        },
        payload: JSON.stringify(payload),
      });

    it('refuses a field over its limit with a message naming the field and the limit', async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      const headline = await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        headline: 'خ'.repeat(301),
      });
      expect(headline.statusCode).toBe(422);
      expect(headline.body).toContain('العنوان طويل جداً: أقصى عدد للأحرف 300.');
      const caption = await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        featuredCaption: 'ت'.repeat(501),
      });
      expect(caption.statusCode).toBe(422);
      expect(caption.body).toContain('التعليق طويل جداً: أقصى عدد للأحرف 500.');
      const saved = await autosave(editor, id, {
        headline: 'عنوان',
        body_html: '<p>نص</p>',
        featuredCredit: 'م'.repeat(201),
      });
      expect(saved.statusCode).toBe(422);
      expect(saved.json()).toEqual({
        error: {
          code: 'ARTICLE_FEATUREDCREDIT_TOO_LONG',
          message: 'المصدر طويل جداً: أقصى عدد للأحرف 200.',
        },
      });
    });

    it('stores one-line fields without control or bidi override characters, and counts the limit after', async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      const res = await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        headline: `\u202E${'خ'.repeat(300)}\u0001\u2069`,
        excerpt: 'موجز\u0008\nثان',
        body_html: '<p>نص\u000C\uFFFE</p>',
        tags: '\u2067حلب\u2069، وسم\u0000',
        seoTitle: 'عنوان\u202D للبحث',
        featuredCaption: 'تعليق\uFFFF',
      });
      expect(res.statusCode).toBe(303);
      const stored = await loadArticle(
        { database: site.database, now: () => NOW },
        id as ArticleId,
      );
      expect(stored).toMatchObject({
        headline: 'خ'.repeat(300),
        excerpt: 'موجز\nثان',
        bodyHtml: '<p>نص</p>',
        tags: ['حلب', 'وسم'],
        seoTitle: 'عنوان للبحث',
        featuredCaption: 'تعليق',
      });
    });

    it('stores section and tag names without bidi overrides or isolates', async () => {
      const deps = { database: site.database, now: () => NOW };
      await createSection(deps, staff.editor, '\u202Eةضاير\u202C');
      expect(await findSection(site.database.db, { slug: 'ةضاير' })).toMatchObject({
        name: 'ةضاير',
      });
      const id = await writeAndSubmit();
      const editor = await as('editor');
      await editor.post(`/admin/articles/${id}`, { ...ARTICLE, tags: '\u2066gnp.exe\u2069' });
      const stored = await loadArticle(deps, id as ArticleId);
      expect(stored.tags).toEqual(['gnp.exe']);
    });

    it('keeps the right-to-left mark in a headline', async () => {
      const id = await writeAndSubmit();
      const editor = await as('editor');
      await editor.post(`/admin/articles/${id}`, { ...ARTICLE, headline: 'قتلى\u200F 12' });
      const stored = await loadArticle(
        { database: site.database, now: () => NOW },
        id as ArticleId,
      );
      expect(stored.headline).toBe('قتلى\u200F 12');
    });
  });

  describe('autosave of a new article', () => {
    it('creates the draft on the first autosave and gives the form its addresses', async () => {
      const author = await as('author');
      const res = await site.app.inject({
        method: 'POST',
        url: '/admin/articles/autosave',
        headers: {
          cookie: [...author.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
          'x-csrf-token': author.csrfToken,
        },
        payload: JSON.stringify({ headline: 'مسودة لم تُحفظ بعد', body_html: '<p>بداية</p>' }),
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        id: string;
        action: string;
        autosaveUrl: string;
        editUrl: string;
      };
      expect(body).toMatchObject({
        action: `/admin/articles/${body.id}`,
        autosaveUrl: `/admin/articles/${body.id}/autosave`,
        editUrl: `/admin/articles/${body.id}/edit`,
        savedTime: '15:00',
      });
      expect((await author.get(body.editUrl)).body).toContain('value="مسودة لم تُحفظ بعد"');
    });
  });
});
