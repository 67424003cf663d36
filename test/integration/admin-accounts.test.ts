import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSite } from '../../src/services/site-import/import-site.js';
import { AdminClient } from '../helpers/admin-client.js';
import { MEDIA_LIMITS } from '../helpers/images.js';
import { siteExport, sitePost } from '../helpers/site-export.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  beforeEach(async () => {
    site = await testSite({}, { demo: false, dialect });
  });
  afterEach(async () => {
    await site.close();
  });

  const OWNER = {
    displayName: 'رئيسة التحرير',
    email: 'owner@news.example',
    password: 'a long owner passphrase',
  };

  async function setUp(): Promise<AdminClient> {
    const owner = new AdminClient(site.app);
    await owner.get('/admin/setup');
    const res = await owner.post('/admin/setup', OWNER);
    expect(res.statusCode).toBe(303);
    return owner;
  }

  describe('first-run set-up', () => {
    it('sends the first visitor of /admin to the set-up, and only while no user exists', async () => {
      const visitor = new AdminClient(site.app);
      expect((await visitor.get('/admin')).headers.location).toBe('/admin/setup');
      expect((await visitor.get('/admin/login')).headers.location).toBe('/admin/setup');
      const form = await visitor.get('/admin/setup');
      expect(form.statusCode).toBe(200);
      expect(form.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl"/);
      expect(form.body).toContain('<h1>إعداد غرفة الأخبار</h1>');

      await setUp();
      expect((await visitor.get('/admin/setup')).headers.location).toBe('/admin/login');
      const again = await visitor.post('/admin/setup', { ...OWNER, email: 'intruder@x.org' });
      expect(again.headers.location).toBe('/admin/login');
    });

    it('is offered after an import, whose authors cannot sign in, until the owner exists', async () => {
      const report = await importSite(
        {
          database: site.database,
          now: () => NOW,
          media: { ...MEDIA_LIMITS, mediaDir: testFolder('setup-after-import') },
        },
        siteExport([sitePost({ key: '123' })]),
        { dryRun: false, images: { uploadsDir: null, fetch: false } },
      );
      expect(report.authors).toEqual({ created: 2, existing: 0 });
      const visitor = new AdminClient(site.app);
      expect((await visitor.get('/admin')).headers.location).toBe('/admin/setup');
      expect((await visitor.get('/admin/login')).headers.location).toBe('/admin/setup');
      expect((await visitor.get('/admin/setup')).statusCode).toBe(200);

      const owner = await setUp();
      expect((await owner.get('/admin')).statusCode).toBe(200);
      expect((await visitor.get('/admin/setup')).headers.location).toBe('/admin/login');
      const again = await visitor.post('/admin/setup', { ...OWNER, email: 'intruder@x.org' });
      expect(again.headers.location).toBe('/admin/login');
    });

    it('signs the owner in as an administrator with a secure-by-default cookie', async () => {
      const owner = new AdminClient(site.app);
      await owner.get('/admin/setup');
      const res = await owner.post('/admin/setup', OWNER);
      const cookie = res.cookies.find((c) => c.name === 'midad_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/admin' });
      const home = await owner.get('/admin');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('أهلاً رئيسة التحرير.');
      expect(home.body).toContain('<a href="/admin/users">المستخدمون</a>');
    });

    it('shows each form error next to its field and keeps what was typed', async () => {
      const visitor = new AdminClient(site.app);
      await visitor.get('/admin/setup');
      const res = await visitor.post('/admin/setup', { ...OWNER, password: 'short' });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('كلمة المرور قصيرة: عشرة أحرف على الأقل.');
      expect(res.body).toContain('value="owner@news.example"');
      expect(res.body).not.toContain('value="short"');
    });
  });

  describe('sign-in and sign-out', () => {
    it('signs in, goes back to the page asked for, and signs out', async () => {
      await setUp();
      const editor = new AdminClient(site.app);
      expect((await editor.get('/admin/users')).headers.location).toBe(
        '/admin/login?next=%2Fadmin%2Fusers',
      );
      await editor.get('/admin/login?next=%2Fadmin%2Fusers');
      const res = await editor.post('/admin/login', { ...OWNER, next: '/admin/users' });
      expect(res.headers.location).toBe('/admin/users');
      expect((await editor.get('/admin/users')).statusCode).toBe(200);

      expect((await editor.post('/admin/logout')).headers.location).toBe('/admin/login');
      expect((await editor.get('/admin/users')).statusCode).toBe(303);
    });

    it('never sends a signed-in user to another site', async () => {
      await setUp();
      const user = new AdminClient(site.app);
      await user.get('/admin/login');
      for (const next of [
        'https://evil.example/',
        '//evil.example',
        '/admin/../x',
        '/\\evil.example',
      ]) {
        const res = await user.post('/admin/login', { ...OWNER, next });
        expect(res.headers.location).toMatch(/^\/admin/);
        expect(res.headers.location).not.toContain('evil');
        await user.post('/admin/logout');
      }
    });

    it('refuses a wrong password in Arabic, and locks the account after five failures', async () => {
      await setUp();
      const guesser = new AdminClient(site.app);
      await guesser.get('/admin/login');
      const wrong = await guesser.post('/admin/login', {
        email: OWNER.email,
        password: 'not the password',
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
      for (let i = 0; i < 4; i++)
        await guesser.post('/admin/login', { email: OWNER.email, password: 'nope nope nope' });
      const locked = await guesser.post('/admin/login', OWNER);
      expect(locked.statusCode).toBe(429);
      expect(locked.body).toContain('محاولات دخول فاشلة كثيرة. حاول مجدداً بعد 15 دقيقة.');

      await guesser.post('/admin/language', { lang: 'en', back: '/admin/login' });
      const lockedInEnglish = await guesser.post('/admin/login', OWNER);
      expect(lockedInEnglish.statusCode).toBe(429);
      expect(lockedInEnglish.body).toContain('Too many failed sign-ins. Try again in 15 minutes.');
    });
  });

  describe('CSRF protection', () => {
    it('refuses a form without a valid token and changes nothing', async () => {
      await setUp();
      const owner = new AdminClient(site.app);
      await owner.get('/admin/login');
      await owner.signIn(OWNER.email, OWNER.password);
      const forged = await owner.post('/admin/users', {
        _csrf: 'forged',
        displayName: 'دخيل',
        email: 'x@evil.example',
        role: 'administrator',
        password: 'a long enough password',
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.body).toContain('انتهت صلاحية النموذج. أعد تحميل الصفحة وحاول مجدداً.');
      expect((await owner.get('/admin/users')).body).not.toContain('x@evil.example');
    });
  });

  describe('user management', () => {
    it('lets an administrator add, deactivate, reactivate and reset a user, who then signs in', async () => {
      const owner = await setUp();
      const add = await owner.post('/admin/users', {
        displayName: 'Reuters (UK)',
        email: 'Writer@News.example',
        role: 'author',
        password: 'first password here',
      });
      const id = /^\/admin\/users\?notice=user-added&user=(\d+)#user-\1$/.exec(
        String(add.headers.location),
      )?.[1];
      expect(id).toBeDefined();
      const list = (await owner.get(String(add.headers.location))).body;
      expect(list).toContain('<bdi>Reuters (UK)</bdi>');
      expect(list).toContain('writer@news.example');
      expect(list).toContain(
        '<p class="notice notice--success" role="status">أُضيف المستخدم \u2068Reuters (UK)\u2069 (\u2068writer@news.example\u2069) بدور كاتب.</p>',
      );

      const writer = new AdminClient(site.app);
      await writer.get('/admin/login');
      expect(
        (await writer.signIn('writer@news.example', 'first password here')).headers.location,
      ).toBe('/admin');

      await owner.post(`/admin/users/${id}/deactivate`);
      expect((await writer.get('/admin')).headers.location).toBe('/admin/login');
      expect((await writer.signIn('writer@news.example', 'first password here')).statusCode).toBe(
        401,
      );

      await owner.post(`/admin/users/${id}/reactivate`);
      await owner.post(`/admin/users/${id}/password`, { password: 'second password here' });
      expect((await writer.signIn('writer@news.example', 'first password here')).statusCode).toBe(
        401,
      );
      expect((await writer.signIn('writer@news.example', 'second password here')).statusCode).toBe(
        303,
      );
    });

    it('refuses to deactivate the last administrator, with the reason', async () => {
      const owner = await setUp();
      const list = (await owner.get('/admin/users')).body;
      const id = /action="\/admin\/users\/(\d+)\/deactivate"/.exec(list)?.[1];
      const res = await owner.post(`/admin/users/${id}/deactivate`, { confirm: 'yes' });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('هذا هو المدير الوحيد النشط؛ عيّن مديراً آخر أولاً.');
    });

    it('answers an unknown or malformed user id without a server error', async () => {
      const owner = await setUp();
      expect((await owner.post('/admin/users/999/deactivate')).statusCode).toBe(422);
      expect((await owner.post('/admin/users/abc/deactivate')).statusCode).toBe(422);
    });
  });

  describe('language', () => {
    it('switches the newsroom to English, left to right, and back', async () => {
      const owner = await setUp();
      await owner.get('/admin');
      const res = await owner.post('/admin/language', { lang: 'en', back: '/admin/users' });
      expect(res.headers.location).toBe('/admin/users');
      const page = await owner.get('/admin/users');
      expect(page.body).toMatch(/^<!doctype html><html lang="en" dir="ltr"/);
      expect(page.body).toContain('<h1>Users</h1>');
      await owner.post('/admin/language', { lang: 'ar', back: '/admin' });
      expect((await owner.get('/admin')).body).toMatch(/<html lang="ar" dir="rtl"/);
    });
  });
});
