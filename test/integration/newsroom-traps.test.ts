/**
 * Issue 17, parts 7–9: the newsroom traps a new user fell into, over HTTP
 * on both engines. The breaking-news control opens on the article's state
 * and changes it only when told (and says so when it cancels); a refused
 * publish names the image without alt text, which the editor can give for
 * the featured image; the featured-image picker shows thumbnails; bylines
 * keep the order they are given in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { loadArticle } from '../../src/services/edit-article.js';
import { EDITOR_MEDIA_LIMIT } from '../../src/services/editor-page.js';
import { startSession } from '../../src/services/sessions.js';
import { insertMedia } from '../../src/storage/repositories/media.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { makeImage } from '../helpers/images.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const FSI = '\u2068';
const PDI = '\u2069';

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let mediaDir: string;

  async function as(role: keyof Staff): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    client.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now: () => NOW }, staff[role].id),
    );
    await client.get('/admin/account');
    return client;
  }

  beforeEach(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'midad-traps-'));
    site = await testSite({ MIDAD_MEDIA_DIR: mediaDir }, { dialect });
    staff = await createStaff(site.database, () => NOW);
  });
  afterEach(async () => {
    await site.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const ARTICLE = { headline: 'انقطاع الكهرباء عن حلب', body_html: '<p>نص الخبر.</p>' };

  async function create(client: AdminClient, form: Record<string, string | string[]> = {}) {
    await client.get('/admin/articles/new');
    const res = await client.post('/admin/articles', { ...ARTICLE, ...form });
    expect(res.statusCode).toBe(303);
    return /\/admin\/articles\/(\d+)\/edit/.exec(String(res.headers.location))?.[1] ?? '';
  }

  async function upload(client: AdminClient, name: string): Promise<string> {
    const res = await client.postFile(
      '/admin/api/media',
      { name, bytes: await makeImage('jpeg', 800, 600) },
      { csrf: 'header' },
    );
    expect(res.statusCode).toBe(201);
    return String(JSON.parse(res.body).item.id);
  }

  const stored = (id: string) =>
    loadArticle({ database: site.database, now: () => NOW }, id as ArticleId);
  const breakingSelect = (html: string) =>
    /<select id="breaking-hours" name="hours">([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';

  describe('breaking news (part 7)', () => {
    it('opens on the current state: «keep, until …» selected, a separate cancel option', async () => {
      const editor = await as('editor');
      const id = await create(editor);
      const set = await editor.post(`/admin/articles/${id}/breaking`, { hours: '3' });
      expect(set.headers.location).toBe(`/admin/articles/${id}/edit?notice=breaking-set`);
      const page = (await editor.get(String(set.headers.location))).body;
      expect(page).toContain('صار المقال عاجلاً حتى');
      const options = breakingSelect(page);
      expect(options).toMatch(
        /^<option value="keep" selected>يبقى عاجلاً حتى 18:00 \(دون تغيير\)<\/option><option value="0">إلغاء وسم العاجل<\/option><option value="1">عاجل لمدة ساعة واحدة من الآن<\/option><option value="3">عاجل لمدة 3 ساعات من الآن<\/option>/,
      );
      expect(options).not.toContain('ليس عاجلاً');
    });

    it('keeps the flag when «تطبيق» is pressed untouched (or with no choice sent), and says nothing changed', async () => {
      const editor = await as('editor');
      const id = await create(editor);
      await editor.post(`/admin/articles/${id}/breaking`, { hours: '3' });
      const until = (await stored(id)).breakingUntil;
      expect(until).toEqual(new Date(NOW.getTime() + 3 * 3600_000));
      for (const form of [{ hours: 'keep' }, {}] as Record<string, string>[]) {
        const res = await editor.post(`/admin/articles/${id}/breaking`, form);
        expect(res.headers.location).toBe(`/admin/articles/${id}/edit?notice=breaking-unchanged`);
        expect((await stored(id)).breakingUntil).toEqual(until);
        const page = (await editor.get(String(res.headers.location))).body;
        expect(page).toContain('لم يتغيّر وسم العاجل.');
        expect(page).not.toContain('حُفظ المقال.');
      }
    });

    it('cancels only when the editor chooses to, and says «أُلغي وسم العاجل.»', async () => {
      const editor = await as('editor');
      const id = await create(editor);
      await editor.post(`/admin/articles/${id}/breaking`, { hours: '3' });
      const res = await editor.post(`/admin/articles/${id}/breaking`, { hours: '0' });
      expect(res.headers.location).toBe(`/admin/articles/${id}/edit?notice=breaking-cancelled`);
      expect((await stored(id)).breakingUntil).toBeNull();
      const page = (await editor.get(String(res.headers.location))).body;
      expect(page).toContain('أُلغي وسم العاجل.');
      expect(breakingSelect(page)).toMatch(
        /^<option value="keep" selected>ليس عاجلاً<\/option><option value="1">عاجل لمدة ساعة واحدة<\/option>/,
      );
      expect(breakingSelect(page)).not.toContain('value="0"');
    });

    it('changes nothing when «0» is sent for an article that is not breaking', async () => {
      const editor = await as('editor');
      const id = await create(editor);
      const res = await editor.post(`/admin/articles/${id}/breaking`, { hours: '0' });
      expect(res.headers.location).toBe(`/admin/articles/${id}/edit?notice=breaking-unchanged`);
      expect((await stored(id)).breakingUntil).toBeNull();
    });
  });

  describe('images without alt text (part 8)', () => {
    it('names the featured image when it blocks publishing, and the editor can describe it', async () => {
      const editor = await as('editor');
      const mediaId = await upload(editor, 'photo.jpg');
      const id = await create(editor, { featuredMediaId: mediaId });
      const refused = await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(
        `كل صورة تحتاج إلى نص بديل (وصف) قبل النشر. الصورة الرئيسية (${FSI}photo.jpg${PDI}) بلا نص بديل: اكتب وصفها في حقل «النص البديل للصورة الرئيسية» تحت الصورة ثم احفظ المقال.`,
      );
      const saved = await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        featuredMediaId: mediaId,
        featuredAlt: 'محطة كهرباء حلب الحرارية',
        featuredCaption: 'محطة حلب',
        featuredCredit: 'رويترز',
      });
      expect(saved.statusCode).toBe(303);
      const items = JSON.parse((await editor.get('/admin/api/media')).body).items;
      expect(items[0]).toMatchObject({ id: mediaId, alt: 'محطة كهرباء حلب الحرارية' });
      expect(await stored(id)).toMatchObject({
        featuredCaption: 'محطة حلب',
        featuredCredit: 'رويترز',
      });
      const published = await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      expect(published.statusCode).toBe(303);
      expect((await stored(id)).status).toBe('published');
    });

    it('saves what was typed before «نشر الآن» (the publishing buttons send the article form), even when the publish is refused', async () => {
      const editor = await as('editor');
      const mediaId = await upload(editor, 'photo.jpg');
      const id = await create(editor, { featuredMediaId: mediaId });
      const refused = await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        featuredMediaId: mediaId,
        featuredCaption: 'محطة حلب',
        move: 'publish',
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('الصورة الرئيسية');
      expect(await stored(id)).toMatchObject({ status: 'draft', featuredCaption: 'محطة حلب' });
      const published = await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        featuredMediaId: mediaId,
        featuredAlt: 'محطة كهرباء حلب الحرارية',
        featuredCaption: 'محطة حلب',
        featuredCredit: 'رويترز',
        move: 'publish',
      });
      expect(published.statusCode).toBe(303);
      expect(published.headers.location).toBe(
        `/admin/articles/${id}/edit?notice=moved&status=published`,
      );
      expect(await stored(id)).toMatchObject({ status: 'published', featuredCredit: 'رويترز' });
      const items = JSON.parse((await editor.get('/admin/api/media')).body).items;
      expect(items[0]).toMatchObject({ id: mediaId, alt: 'محطة كهرباء حلب الحرارية' });
    });

    it('names a body image by its place and file name', async () => {
      const editor = await as('editor');
      const described = await upload(editor, 'map.jpg');
      const bare = await upload(editor, 'خريطة-حلب.jpg');
      const id = await create(editor, {
        body_html: `<p>نص.</p><figure><img src="/media/${described}/w640.webp" alt="خريطة"></figure><figure><img src="/media/${bare}/w640.webp" alt=""></figure>`,
      });
      const refused = await editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(
        `كل صورة تحتاج إلى نص بديل (وصف) قبل النشر. الصورة 2 في نص المقال (${FSI}خريطة-حلب.jpg${PDI}) بلا نص بديل: انقر عليها في المحرر واختر «النص البديل».`,
      );
    });

    it('lets a writer fill in a blank alt of a colleague’s image, but not replace a given one', async () => {
      const editor = await as('editor');
      const blank = await upload(editor, 'blank.jpg');
      const given = await upload(editor, 'given.jpg');
      await editor.post(`/admin/media/${given}`, { alt: 'وصف المحرر', caption: '', credit: '' });
      const author = await as('author');
      const id = await create(author, { featuredMediaId: blank, featuredAlt: 'وصف الكاتب' });
      expect(JSON.parse((await author.get('/admin/api/media')).body).items).toContainEqual(
        expect.objectContaining({ id: blank, alt: 'وصف الكاتب' }),
      );
      const refused = await author.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        featuredMediaId: given,
        featuredAlt: 'وصف آخر',
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(
        '<p class="field__error" id="field-featuredAlt-error">لا يغيّر النص البديل لهذه الصورة إلا من رفعها أو محرّر.</p>',
      );
      expect(refused.body).toContain('value="وصف آخر"');
    });

    it('offers the featured image by thumbnail, not by file name and number', async () => {
      const editor = await as('editor');
      const mediaId = await upload(editor, 'photo.jpg');
      const id = await create(editor, { featuredMediaId: mediaId });
      const page = (await editor.get(`/admin/articles/${id}/edit`)).body;
      expect(page).toContain(
        `<input type="radio" name="featuredMediaId" value="${mediaId}" checked data-alt/><img src="/media/${mediaId}/w320.webp" alt width="800" height="600" loading="lazy" decoding="async"/><span class="visually-hidden">photo.jpg</span>`,
      );
      expect(page).not.toContain('(#');
      expect(page).toContain('<label for="field-featuredAlt">النص البديل للصورة الرئيسية</label>');
    });
    it('still offers, checked, an article’s featured image older than the newest images of the picker', async () => {
      const editor = await as('editor');
      const old = await upload(editor, 'old.jpg');
      const id = await create(editor, { featuredMediaId: old });
      for (let i = 0; i < EDITOR_MEDIA_LIMIT; i++) {
        await insertMedia(
          site.database.db,
          {
            uploadedBy: staff.editor.id,
            originalName: `new-${i}.jpg`,
            mime: 'image/jpeg',
            width: 800,
            height: 600,
            bytes: 1000,
            widths: [320, 640, 800],
            originalFile: 'original.jpg',
          },
          NOW,
        );
      }
      const page = (await editor.get(`/admin/articles/${id}/edit`)).body;
      expect(page).toContain(`name="featuredMediaId" value="${old}" checked`);
      expect(page.match(/name="featuredMediaId" value="\d+"/g)).toHaveLength(
        EDITOR_MEDIA_LIMIT + 1,
      );
    });
  });

  describe('bylines (part 9)', () => {
    it('keeps the order given, lead author first, from one list per place (no JavaScript)', async () => {
      const editor = await as('editor');
      const id = await create(editor, {
        authorIds: [staff.author.id, '', staff.editor.id],
      });
      expect((await stored(id)).authorIds).toEqual([staff.author.id, staff.editor.id]);
      await editor.post(`/admin/articles/${id}`, {
        ...ARTICLE,
        authorIds: [staff.editor.id, staff.author.id, ''],
      });
      expect((await stored(id)).authorIds).toEqual([staff.editor.id, staff.author.id]);
      const page = (await editor.get(`/admin/articles/${id}/edit`)).body;
      expect(page).toContain('<label for="field-byline-1">الاسم 1 في التوقيع</label>');
      const slot = (n: number) =>
        new RegExp(`<select id="field-byline-${n}" name="authorIds">[\\s\\S]*?</select>`).exec(
          page,
        )?.[0] ?? '';
      expect(slot(1)).toContain(`<option value="${staff.editor.id}" selected>`);
      expect(slot(2)).toContain(`<option value="${staff.author.id}" selected>`);
      expect(slot(3)).toContain('<option value>—</option>');
      expect(slot(3)).not.toContain('selected');
      expect(slot(4)).toContain('<option value>—</option>');
      expect(page).not.toContain('multiple');
    });
  });
});
