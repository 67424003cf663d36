import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser, setUpOwner } from '../../src/services/accounts.js';
import { AdminClient } from '../helpers/admin-client.js';
import { HTML_PAGE, SHELL_SCRIPT, makeImage } from '../helpers/images.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  let mediaDir: string;

  const PASSWORD = 'a long test passphrase';
  const OWNER = { email: 'owner@news.example', displayName: 'رئيسة التحرير' };
  const SAMER = { email: 'samer@news.example', displayName: 'سامر' };
  const LINA = { email: 'lina@news.example', displayName: 'لينا' };

  async function start(env: Record<string, string> = {}): Promise<void> {
    site = await testSite({ MIDAD_MEDIA_DIR: mediaDir, ...env }, { demo: false, dialect });
    const deps = { database: site.database, now: () => NOW };
    await setUpOwner(deps, { ...OWNER, password: PASSWORD });
    await createUser(deps, { ...SAMER, password: PASSWORD, role: 'contributor' });
    await createUser(deps, { ...LINA, password: PASSWORD, role: 'contributor' });
  }

  async function signedIn(who: { email: string }): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    await client.get('/admin/login');
    expect((await client.signIn(who.email, PASSWORD)).statusCode).toBe(303);
    await client.get('/admin/media');
    return client;
  }

  beforeEach(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'midad-media-'));
  });
  afterEach(async () => {
    await site.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  describe('the media library page', () => {
    it('shows an Arabic, right-to-left upload form that works without JavaScript', async () => {
      await start();
      const samer = await signedIn(SAMER);
      const page = await samer.get('/admin/media');
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl"/);
      expect(page.body).toContain('<a href="/admin/media">الوسائط</a>');
      expect(page.body).toContain('<h1>مكتبة الوسائط</h1>');
      expect(page.body).toContain(
        `<form method="post" action="/admin/media?_csrf=${encodeURIComponent(samer.csrfToken)}" enctype="multipart/form-data" class="media-upload">`,
      );
      expect(page.body).toContain(
        '<input id="media-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required',
      );
      expect(page.body).toContain(
        'صورة JPEG أو PNG أو WebP أو AVIF، حجمها 10 ميغابايت على الأكثر. تُحذف منها بيانات الموقع والكاميرا.',
      );
      expect(page.body).toContain('<p>لا توجد صور في المكتبة بعد.</p>');
    });

    it('uploads from the form, then shows the image with responsive thumbnails and its details form', async () => {
      await start();
      const samer = await signedIn(SAMER);
      const res = await samer.postFile('/admin/media', {
        name: 'حلب.jpg',
        bytes: await makeImage('jpeg', 1000, 600),
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/media?notice=media-uploaded#media-1');

      const page = (await samer.get('/admin/media?notice=media-uploaded')).body;
      expect(page).toContain(
        '<p class="notice notice--success" role="status">رُفعت الصورة. أضف نصها البديل أدناه.</p>',
      );
      expect(page).toContain(
        '<img src="/media/1/w960.webp" srcset="/media/1/w320.webp 320w, /media/1/w640.webp 640w, /media/1/w960.webp 960w, /media/1/w1000.webp 1000w" sizes="(min-width: 36rem) 16rem, 100vw" width="1000" height="600" alt loading="lazy" decoding="async" class="media-card__image"/>',
      );
      expect(page).toContain('<bdi>حلب.jpg</bdi>');
      expect(page).toContain('1000 × 600 بكسل');
      expect(page).toContain('<a href="/media/1/original.jpg">الملف الأصلي</a>');
      expect(page).toContain('<p class="media-card__flag">بلا نص بديل بعد</p>');
      expect(page).toContain(
        '<form method="post" action="/admin/media/1" class="media-card__form">',
      );
      expect(page).toContain('<label for="media-1-alt">النص البديل</label>');
    });

    it('saves alt text, caption and credit, and then no longer flags the image', async () => {
      await start();
      const samer = await signedIn(SAMER);
      await samer.postFile('/admin/media', {
        name: 'a.png',
        bytes: await makeImage('png', 50, 40),
      });
      const res = await samer.post('/admin/media/1', {
        alt: 'دخان فوق إدلب',
        caption: 'إدلب صباح اليوم',
        credit: 'مداد',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/media?notice=media-updated#media-1');
      const page = (await samer.get('/admin/media?notice=media-updated')).body;
      expect(page).toContain('حُفظت تفاصيل الصورة.');
      expect(page).toContain('>دخان فوق إدلب</textarea>');
      expect(page).toContain('value="مداد"');
      expect(page).not.toContain('بلا نص بديل بعد');
    });

    it("refuses a contributor changing another user's image, and shows it read-only", async () => {
      await start();
      const samer = await signedIn(SAMER);
      await samer.postFile('/admin/media', {
        name: 'a.jpg',
        bytes: await makeImage('jpeg', 50, 40),
      });

      const lina = await signedIn(LINA);
      const page = (await lina.get('/admin/media')).body;
      expect(page).not.toContain('action="/admin/media/1"');
      expect(page).toContain('لا يغيّر تفاصيل هذه الصورة إلا من رفعها أو محرّر.');

      const res = await lina.post('/admin/media/1', { alt: 'تخريب', caption: '', credit: '' });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain(
        '<p class="form-error" role="alert">لا يغيّر تفاصيل هذه الصورة إلا من رفعها أو محرّر.</p>',
      );
      expect((await lina.get('/admin/media')).body).not.toContain('تخريب');

      const owner = await signedIn(OWNER);
      expect(
        (await owner.post('/admin/media/1', { alt: 'خريطة', caption: '', credit: '' })).statusCode,
      ).toBe(303);
      expect((await owner.get('/admin/media')).body).toContain('>خريطة</textarea>');
    });

    it('shows a field error for alt text that is too long, keeping what was typed', async () => {
      await start();
      const samer = await signedIn(SAMER);
      await samer.postFile('/admin/media', {
        name: 'a.jpg',
        bytes: await makeImage('jpeg', 50, 40),
      });
      const res = await samer.post('/admin/media/1', {
        alt: 'ب'.repeat(401),
        caption: 'ت',
        credit: '',
      });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(
        '<p class="field__error" id="media-1-alt-error">النص البديل طويل جداً: 400 حرف على الأكثر.</p>',
      );
      expect(res.body).toContain(`>${'ب'.repeat(401)}</textarea>`);
    });

    it('shows what a refused upload really is, in the admin’s language, and keeps no file', async () => {
      await start();
      const samer = await signedIn(SAMER);
      const res = await samer.postFile('/admin/media', { name: 'photo.jpg', bytes: SHELL_SCRIPT });
      expect(res.statusCode).toBe(415);
      expect(res.body).toContain(
        '<p class="form-error" role="alert">هذا الملف ليس صورة JPEG أو PNG أو WebP أو AVIF، بل محتواه من نوع text/x-shellscript.</p>',
      );
      // The page's language switch comes back to the library, not to the URL with the token.
      expect(res.body).toContain('<input type="hidden" name="back" value="/admin/media"/>');
      expect(await readdir(mediaDir)).toEqual([]);

      await samer.post('/admin/language', { lang: 'en', back: '/admin/media' });
      const english = await samer.postFile('/admin/media', { name: 'photo.jpg', bytes: HTML_PAGE });
      expect(english.body).toMatch(/^<!doctype html><html lang="en" dir="ltr"/);
      expect(english.body).toContain(
        'This file is not a JPEG, PNG, WebP or AVIF image: its content is text/html.',
      );
    });

    it('refuses an upload without the CSRF token, and a visitor, before reading the file', async () => {
      await start();
      const samer = await signedIn(SAMER);
      const bytes = await makeImage('jpeg', 50, 40);
      const forged = await samer.postFile(
        '/admin/media',
        { name: 'a.jpg', bytes },
        { csrf: 'none' },
      );
      expect(forged.statusCode).toBe(403);
      const visitor = new AdminClient(site.app);
      const anonymous = await visitor.postFile('/admin/media', { name: 'a.jpg', bytes });
      expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/admin/login']);
      expect(await readdir(mediaDir)).toEqual([]);
    });

    it('does not take the token from the query string of a form that is not multipart', async () => {
      await start();
      const samer = await signedIn(SAMER);
      await samer.postFile('/admin/media', {
        name: 'a.jpg',
        bytes: await makeImage('jpeg', 50, 40),
      });
      const res = await site.app.inject({
        method: 'POST',
        url: `/admin/media/1?_csrf=${encodeURIComponent(samer.csrfToken)}`,
        headers: {
          cookie: [...samer.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'alt=x&caption=&credit=',
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('the editor’s media API', () => {
    it('lists images newest first in the shape the editor reads', async () => {
      await start();
      const samer = await signedIn(SAMER);
      expect(JSON.parse((await samer.get('/admin/api/media')).body)).toEqual({
        items: [],
        next: null,
      });
      await samer.postFile('/admin/media', {
        name: 'a.jpg',
        bytes: await makeImage('jpeg', 1200, 800),
      });
      await samer.postFile('/admin/media', {
        name: 'b.png',
        bytes: await makeImage('png', 300, 200),
      });
      await samer.post('/admin/media/1', { alt: 'خريطة إدلب', caption: '', credit: '' });

      const res = await samer.get('/admin/api/media');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(res.body)).toEqual({
        items: [
          { id: '2', url: '/media/2/w300.webp', alt: '', name: 'b.png', width: 300, height: 200 },
          {
            id: '1',
            url: '/media/1/w960.webp',
            alt: 'خريطة إدلب',
            name: 'a.jpg',
            width: 1200,
            height: 800,
          },
        ],
        next: null,
      });
    });

    it('uploads with the token in the x-csrf-token header and answers the new item', async () => {
      await start();
      const samer = await signedIn(SAMER);
      const res = await samer.postFile(
        '/admin/api/media',
        { name: 'ورقة.webp', bytes: await makeImage('webp', 1600, 900), type: 'image/webp' },
        { csrf: 'header' },
      );
      expect(res.statusCode).toBe(201);
      expect(JSON.parse(res.body)).toEqual({
        item: {
          id: '1',
          url: '/media/1/w960.webp',
          alt: '',
          name: 'ورقة.webp',
          width: 1600,
          height: 900,
        },
      });
      expect((await readdir(join(mediaDir, '1'))).sort()).toEqual([
        'original.jpg',
        'w1280.webp',
        'w1600.webp',
        'w320.webp',
        'w640.webp',
        'w960.webp',
      ]);
    });

    it('answers refusals as JSON with a code and a message in the admin’s language', async () => {
      await start({ MIDAD_UPLOAD_MAX_BYTES: '2048' });
      const samer = await signedIn(SAMER);
      const post = (name: string, bytes: Uint8Array) =>
        samer.postFile('/admin/api/media', { name, bytes }, { csrf: 'header' });

      const html = await post('page.jpg', HTML_PAGE);
      expect([html.statusCode, JSON.parse(html.body)]).toEqual([
        415,
        {
          error: {
            code: 'UPLOAD_NOT_AN_IMAGE',
            message: 'هذا الملف ليس صورة JPEG أو PNG أو WebP أو AVIF، بل محتواه من نوع text/html.',
          },
        },
      ]);

      const noisy = await sharp(randomBytes(60 * 60 * 3), {
        raw: { width: 60, height: 60, channels: 3 },
      })
        .png()
        .toBuffer();
      expect(noisy.length).toBeGreaterThan(2048);
      const tooLarge = await post('big.png', noisy);
      expect([tooLarge.statusCode, JSON.parse(tooLarge.body)]).toEqual([
        413,
        { error: { code: 'UPLOAD_TOO_LARGE', message: 'الملف كبير جداً: الحد الأقصى 2 كيلوبايت.' } },
      ]);

      const whole = await makeImage('jpeg', 120, 80);
      const cut = await post('cut.jpg', whole.subarray(0, Math.floor(whole.length * 0.6)));
      expect([cut.statusCode, JSON.parse(cut.body)]).toEqual([
        422,
        {
          error: {
            code: 'UPLOAD_CORRUPT_IMAGE',
            message: 'تعذّرت قراءة الصورة: الملف تالف أو ناقص.',
          },
        },
      ]);

      await samer.post('/admin/language', { lang: 'en', back: '/admin/media' });
      const missing = await post('empty.jpg', new Uint8Array());
      expect([missing.statusCode, JSON.parse(missing.body)]).toEqual([
        400,
        { error: { code: 'UPLOAD_MISSING', message: 'Choose an image file to upload.' } },
      ]);
      expect(await readdir(mediaDir)).toEqual([]);
    });

    it('refuses an API upload without the header token', async () => {
      await start();
      const samer = await signedIn(SAMER);
      const res = await samer.postFile(
        '/admin/api/media',
        { name: 'a.jpg', bytes: await makeImage('jpeg', 50, 40) },
        { csrf: 'none' },
      );
      expect(res.statusCode).toBe(403);
      expect(await readdir(mediaDir)).toEqual([]);
    });
  });

  describe('public media files', () => {
    it('serves variants and originals with their type, cached as immutable', async () => {
      await start();
      const samer = await signedIn(SAMER);
      await samer.postFile('/admin/media', {
        name: 'a.jpg',
        bytes: await makeImage('jpeg', 700, 350),
      });
      const visitor = new AdminClient(site.app);

      const variant = await site.app.inject({ method: 'GET', url: '/media/1/w320.webp' });
      expect(variant.statusCode).toBe(200);
      expect(variant.headers['content-type']).toBe('image/webp');
      expect(variant.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(variant.headers['x-content-type-options']).toBe('nosniff');
      const meta = await sharp(variant.rawPayload).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 160]);
      expect(Number(variant.headers['content-length'])).toBe(variant.rawPayload.length);

      const original = await visitor.get('/media/1/original.jpg');
      expect([original.statusCode, original.headers['content-type']]).toEqual([200, 'image/jpeg']);
      const head = await site.app.inject({ method: 'HEAD', url: '/media/1/w700.webp' });
      expect(head.statusCode).toBe(200);
    });

    it.each([
      '/media/1/w960.webp',
      '/media/1/original.png',
      '/media/1/original.gif',
      '/media/1/w320.png',
      '/media/2/w320.webp',
      '/media/abc/w320.webp',
      '/media/01/w320.webp',
      '/media/1/..%2F..%2Fmidad.db',
      '/media/1',
      '/media/.incoming-x/w320.webp',
    ])('answers %s with the 404 page', async (url) => {
      await start();
      const samer = await signedIn(SAMER);
      await samer.postFile('/admin/media', {
        name: 'a.jpg',
        bytes: await makeImage('jpeg', 700, 350),
      });
      const res = await site.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    });
  });
});
