/**
 * The newsroom's account forms (issue 17, part 9): the set-up, adding a
 * user, a user's row and one's own account say every error at once, each
 * next to its field (aria-invalid, aria-describedby) and in a summary
 * above the form; adding a user says who was added; a refusal is never
 * drawn as a success.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { testSite, type TestSite } from '../helpers/site.js';

const OWNER = {
  displayName: 'رئيسة التحرير',
  email: 'owner@news.example',
  password: 'a long owner passphrase',
};

/** The element with `id="<id>"`, as rendered (its start tag). */
function startTag(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  if (at === -1) return '';
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

/** The error summary above a form, as rendered. */
function summary(html: string): string {
  const at = html.indexOf('<div class="error-summary"');
  return at === -1 ? '' : html.slice(at, html.indexOf('</div>', at) + '</div>'.length);
}

describeEachDialect((dialect) => {
  let site: TestSite;
  beforeEach(async () => {
    site = await testSite({}, { demo: false, dialect });
  });
  afterEach(async () => {
    await site.close();
  });

  async function setUp(): Promise<AdminClient> {
    const owner = new AdminClient(site.app);
    await owner.get('/admin/setup');
    expect((await owner.post('/admin/setup', OWNER)).statusCode).toBe(303);
    return owner;
  }

  describe('the set-up form', () => {
    it('says every error at once, next to each field and in a summary linked to the fields', async () => {
      const visitor = new AdminClient(site.app);
      await visitor.get('/admin/setup');
      const res = await visitor.post('/admin/setup', {
        displayName: '   ',
        email: 'not an address',
        password: 'short',
      });

      expect(res.statusCode).toBe(422);
      expect(summary(res.body)).toBe(
        '<div class="error-summary" role="alert" aria-labelledby="field-error-summary">' +
          '<p class="error-summary__title" id="field-error-summary">لم يُحفظ شيء. صحّح ما يلي ثم أرسل النموذج مجدداً:</p>' +
          '<ul>' +
          '<li><a href="#field-displayName">اكتب اسماً من حرف واحد إلى 120 حرفاً.</a></li>' +
          '<li><a href="#field-email">هذا ليس عنوان بريد إلكتروني صحيحاً.</a></li>' +
          '<li><a href="#field-password">كلمة المرور قصيرة: عشرة أحرف على الأقل.</a></li>' +
          '</ul></div>',
      );
      for (const [name, message] of [
        ['displayName', 'اكتب اسماً من حرف واحد إلى 120 حرفاً.'],
        ['email', 'هذا ليس عنوان بريد إلكتروني صحيحاً.'],
        ['password', 'كلمة المرور قصيرة: عشرة أحرف على الأقل.'],
      ]) {
        const input = startTag(res.body, `field-${name}`);
        expect(input).toContain('aria-invalid="true"');
        expect(input).toMatch(new RegExp(`aria-describedby="[^"]*field-${name}-error"`));
        expect(res.body).toContain(
          `<p class="field__error" id="field-${name}-error">${message}</p>`,
        );
      }
      expect(res.body).toContain('value="not an address"');
    });

    it('says the errors in English for an English newsroom', async () => {
      const visitor = new AdminClient(site.app);
      await visitor.get('/admin/setup');
      await visitor.post('/admin/language', { lang: 'en', back: '/admin/setup' });
      const res = await visitor.post('/admin/setup', {
        displayName: 'Owner',
        email: 'owner@news.example',
        password: 'owner@news.example',
      });
      expect(res.statusCode).toBe(422);
      expect(summary(res.body)).toContain(
        'Nothing was saved. Correct the following, then send the form again:',
      );
      expect(summary(res.body).match(/<li>/g)).toHaveLength(1);
      expect(startTag(res.body, 'field-displayName')).not.toContain('aria-invalid');
    });
  });

  describe('adding a user', () => {
    it('says every error at once, an unknown role by name, and adds nobody', async () => {
      const owner = await setUp();
      const res = await owner.post('/admin/users', {
        displayName: '',
        email: OWNER.email,
        role: 'boss',
        password: 'short',
      });

      expect(res.statusCode).toBe(422);
      expect(summary(res.body)).toBe(
        '<div class="error-summary" role="alert" aria-labelledby="field-error-summary">' +
          '<p class="error-summary__title" id="field-error-summary">لم يُحفظ شيء. صحّح ما يلي ثم أرسل النموذج مجدداً:</p>' +
          '<ul>' +
          '<li><a href="#field-displayName">اكتب اسماً من حرف واحد إلى 120 حرفاً.</a></li>' +
          '<li><a href="#field-email">يوجد مستخدم بهذا البريد الإلكتروني.</a></li>' +
          '<li><a href="#field-role">«boss» ليس دوراً في غرفة الأخبار: اختر واحداً من مساهم أو كاتب أو محرر أو مدير.</a></li>' +
          '<li><a href="#field-password">كلمة المرور قصيرة: عشرة أحرف على الأقل.</a></li>' +
          '</ul></div>',
      );
      expect(startTag(res.body, 'field-role')).toBe(
        '<select name="role" id="field-role" aria-invalid="true" aria-describedby="field-role-error">',
      );
      expect(res.body).toContain(
        '<p class="field__error" id="field-role-error">«boss» ليس دوراً في غرفة الأخبار: اختر واحداً من مساهم أو كاتب أو محرر أو مدير.</p>',
      );
      expect(res.body).not.toContain('notice--success');
      expect((await owner.get('/admin/users')).body.match(/class="user-list__item"/g)).toHaveLength(
        1,
      );
    });

    it('says when no role was chosen', async () => {
      const owner = await setUp();
      const res = await owner.post('/admin/users', {
        displayName: 'سامر الحلبي',
        email: 'samer@news.example',
        password: 'a long enough password',
      });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(
        '<p class="field__error" id="field-role-error">لم يُختر دور: اختر واحداً من مساهم أو كاتب أو محرر أو مدير.</p>',
      );
    });

    it('says who was added: name, e-mail address and role, in English too', async () => {
      const owner = await setUp();
      await owner.post('/admin/language', { lang: 'en', back: '/admin/users' });
      const add = await owner.post('/admin/users', {
        displayName: 'سامر الحلبي',
        email: 'Samer@News.example',
        role: 'editor',
        password: 'a long enough password',
      });
      expect(add.statusCode).toBe(303);
      const page = await owner.get(String(add.headers.location));
      expect(page.body).toContain(
        '<p class="notice notice--success" role="status">\u2068سامر الحلبي\u2069 (\u2068samer@news.example\u2069) was added as Editor.</p>',
      );
      const id = /user=(\d+)/.exec(String(add.headers.location))?.[1];
      expect(page.body).toContain(`<li class="user-list__item" id="user-${id}">`);
      // The name of a user who is not there is never made up.
      const other = await owner.get('/admin/users?notice=user-added&user=999');
      expect(other.body).not.toContain('class="notice');
    });
  });

  describe("a user's row", () => {
    it('says a refusal in the error style, next to the row, never in the success style', async () => {
      const owner = await setUp();
      const list = (await owner.get('/admin/users')).body;
      const id = /action="\/admin\/users\/(\d+)\/deactivate"/.exec(list)?.[1];

      const res = await owner.post(`/admin/users/${id}/deactivate`, { confirm: 'yes' });

      expect(res.statusCode).toBe(422);
      const message = 'هذا هو المدير الوحيد النشط؛ عيّن مديراً آخر أولاً.';
      expect(res.body).toContain(`<p class="notice notice--error" role="alert">${message}</p>`);
      expect(res.body).toContain(`<p class="field__error" id="user-${id}-error">${message}</p>`);
      expect(res.body).not.toContain('notice--success');
      expect(res.body).not.toContain('class="form-error"');
    });

    it('ties a refused new password to its field', async () => {
      const owner = await setUp();
      const list = (await owner.get('/admin/users')).body;
      const id = /action="\/admin\/users\/(\d+)\/password"/.exec(list)?.[1];

      const res = await owner.post(`/admin/users/${id}/password`, { password: 'short' });

      expect(res.statusCode).toBe(422);
      expect(startTag(res.body, `password-${id}`)).toContain(
        `aria-invalid="true" aria-describedby="password-${id}-error"`,
      );
      expect(res.body).toContain(
        `<p class="field__error" id="password-${id}-error">كلمة المرور قصيرة: عشرة أحرف على الأقل.</p>`,
      );
      expect(res.body).toContain(
        '<p class="notice notice--error" role="alert">كلمة المرور قصيرة: عشرة أحرف على الأقل.</p>',
      );
    });

    it('says a change that was made in the success style', async () => {
      const owner = await setUp();
      const page = await owner.get('/admin/users?notice=user-updated');
      expect(page.body).toContain(
        '<p class="notice notice--success" role="status">حُفظ التغيير.</p>',
      );
    });
  });

  describe('one’s own account', () => {
    it('says a wrong current password and a refused new one at once', async () => {
      const owner = await setUp();
      await owner.get('/admin/account');
      const res = await owner.post('/admin/account/password', {
        current: 'not my password',
        password: 'short',
      });
      expect(res.statusCode).toBe(422);
      expect(summary(res.body)).toContain(
        '<li><a href="#field-current">كلمة المرور الحالية غير صحيحة.</a></li>' +
          '<li><a href="#field-password">كلمة المرور قصيرة: عشرة أحرف على الأقل.</a></li>',
      );
      expect(startTag(res.body, 'field-current')).toContain('aria-invalid="true"');
      expect(startTag(res.body, 'field-password')).toContain('aria-invalid="true"');
    });
  });
});
