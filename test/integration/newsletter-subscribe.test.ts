/**
 * Subscribing to the email newsletter (issue 20), as a reader does it:
 * the footer form, the confirmation mail as a real SMTP server receives
 * it (parsed with mailparser), its link (a button page, then the POST;
 * expired after 48 h), the same answer for an address that subscribes
 * already, the trap field, the limits per email and per client address,
 * one-click unsubscribe (RFC 8058) and the preferences page, on both
 * engines.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { DialectName } from '../../src/storage/database.js';
import { forgetUnconfirmed } from '../../src/services/newsletter-subscribers.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CONFIRM_LINK = /https:\/\/news\.example\/newsletter\/confirm\?token=([A-Za-z0-9_-]{43})/;

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => smtp.close());

describeEachDialect((dialect: DialectName) => {
  let site: TestSite;
  let clock: Date;
  let mailsBefore: number;
  beforeEach(async () => {
    clock = NOW;
    site = await testSite(
      { MIDAD_SMTP_URL: smtp.url, MIDAD_MAIL_FROM: '"مداد" <news@news.example>' },
      { dialect, now: () => clock, demo: false },
    );
    mailsBefore = smtp.received.length;
  });
  afterEach(async () => site.close());

  const subscribe = (fields: Record<string, string>, ip = '203.0.113.7') =>
    site.app.inject({
      method: 'POST',
      url: '/newsletter/subscribe',
      headers: FORM,
      remoteAddress: ip,
      payload: new URLSearchParams(fields).toString(),
    });
  /** The stored row of `email`, its 0/1 columns as numbers (SQLite reads bigints). */
  const row = async (email: string) => {
    const r = await site.database.db
      .selectFrom('newsletter_subscribers')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return r && { ...r, digest: Number(r.digest), breaking: Number(r.breaking) };
  };
  /** The mails that arrived in this test, parsed. */
  const mails = async (n: number) => {
    await smtp.waitFor(mailsBefore + n);
    return Promise.all(smtp.received.slice(mailsBefore).map((m) => m.parse()));
  };

  it('the footer of every page carries the form; the confirmation mail is Arabic, RTL, with both parts and a link', async () => {
    const home = await site.app.inject({ url: '/' });
    expect(home.body).toContain('action="/newsletter/subscribe"');
    expect(home.body).toContain('النشرة اليومية');
    expect(home.body).toContain('الأخبار العاجلة');
    expect(home.body).toContain('name="website"');

    const email = `reader-${dialect}@example.org`;
    const answer = await subscribe({
      email: ` Reader-${dialect}@Example.ORG `,
      digest: '1',
      breaking: '1',
      website: '',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toContain('تحقّق من بريدك');
    expect(answer.body).toContain(`أرسلنا إلى \u2068${email}\u2069 رسالة`);

    const [mail] = await mails(1);
    expect(mail!.subject).toBe('أكِّد اشتراكك في نشرة مداد');
    expect(mail!.from!.value[0]).toEqual({ address: 'news@news.example', name: 'مداد' });
    expect((mail!.to as { value: Array<{ address: string }> }).value[0]!.address).toBe(email);
    expect(mail!.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail!.html).toContain('تأكيد الاشتراك');
    expect(mail!.text).toContain('يعمل هذا الرابط يومين فقط.');
    const token = CONFIRM_LINK.exec(mail!.text!)![1]!;
    // It names the lists chosen; the text part has no button, so it says to open the link.
    expect(mail!.text).toBe(
      [
        'مداد',
        '',
        'طُلب بهذا العنوان الاشتراك في النشرة اليومية وتنبيهات الأخبار العاجلة من موقع مداد. افتح الرابط التالي لتأكيده:',
        '',
        `https://news.example/newsletter/confirm?token=${token}`,
        '',
        'يعمل هذا الرابط يومين فقط.',
        'إن لم تطلب ذلك، فتجاهل هذه الرسالة ولن يصلك منّا شيء.',
        '',
      ].join('\n'),
    );
    expect(mail!.html).toContain(
      '>طُلب بهذا العنوان الاشتراك في النشرة اليومية وتنبيهات الأخبار العاجلة من موقع مداد. اضغط الزر لتأكيده:</p>',
    );
    expect(mail!.html).toContain(`https://news.example/newsletter/confirm?token=${token}`);

    const stored = await row(email);
    expect(stored).toMatchObject({ status: 'pending', digest: 1, breaking: 1, token });
    expect(new Date(stored!.confirm_expires_at!).toISOString()).toBe('2026-12-01T12:00:00.000Z');

    // Opening the link confirms nothing (link scanners open every link): its button does.
    const opened = await site.app.inject({ url: `/newsletter/confirm?token=${token}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    expect(opened.body).toContain('تأكيد الاشتراك');
    expect((await row(email))!.status).toBe('pending');
    const confirmed = await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${token}`,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain(`اشتراك \u2068${email}\u2069 في النشرة البريدية مؤكَّد الآن`);
    expect((await row(email))!.status).toBe('active');

    // The Content API has no subscribers: not in its document, not in what it serves.
    const openapi = await site.app.inject({ url: '/api/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    expect(openapi.body).not.toMatch(/newsletter|subscriber/i);
  });

  it('an address that subscribes already gets the same answer, and a mail with its preferences link instead', async () => {
    const fresh = await subscribe({ email: 'a@example.org', digest: '1', breaking: '1' });
    const [first] = await mails(1);
    const token = CONFIRM_LINK.exec(first!.text!)![1]!;
    await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${token}`,
    });

    const again = await subscribe({ email: 'a@example.org', digest: '1', breaking: '1' });
    expect(again.statusCode).toBe(fresh.statusCode);
    expect(again.body).toBe(fresh.body);
    const [, second] = await mails(2);
    expect(second!.subject).toBe('أنت مشترك في نشرة مداد');
    expect(second!.text).toContain(`https://news.example/newsletter/preferences?token=${token}`);
    expect((await row('a@example.org'))!.status).toBe('active');
  });

  it('a confirmation link older than 48 hours has expired: a new request sends a new one', async () => {
    await subscribe({ email: 'late@example.org', digest: '1' });
    const [mail] = await mails(1);
    const token = CONFIRM_LINK.exec(mail!.text!)![1]!;
    clock = new Date(NOW.getTime() + 48 * 3600_000);
    const opened = await site.app.inject({ url: `/newsletter/confirm?token=${token}` });
    expect(opened.statusCode).toBe(410);
    expect(opened.body).toContain('انتهت صلاحية الرابط');
    const posted = await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${token}`,
    });
    expect(posted.statusCode).toBe(410);
    expect((await row('late@example.org'))!.status).toBe('pending');

    await subscribe({ email: 'late@example.org', digest: '1' });
    const [, renewed] = await mails(2);
    const fresh = CONFIRM_LINK.exec(renewed!.text!)![1]!;
    expect(fresh).not.toBe(token);
    // The old mail's link no longer works at all: only the new mail confirms.
    const stale = await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${token}`,
    });
    expect(stale.statusCode).toBe(404);
    expect((await row('late@example.org'))!.status).toBe('pending');
    const ok = await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${fresh}`,
    });
    expect(ok.statusCode).toBe(200);
    expect(await row('late@example.org')).toMatchObject({
      status: 'active',
      digest: 1,
      breaking: 0,
    });
  });

  it('forgets an address nobody confirmed a week after its link expired, not a former subscriber', async () => {
    await subscribe({ email: 'never@example.org', digest: '1' });
    await subscribe({ email: 'former@example.org', digest: '1' });
    const [, mail] = await mails(2);
    const token = CONFIRM_LINK.exec(mail!.text!)![1]!;
    await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${token}`,
    });
    await site.app.inject({
      method: 'POST',
      url: `/newsletter/unsubscribe?token=${token}`,
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    });
    const deps = { database: site.database, now: () => clock };
    clock = new Date(NOW.getTime() + (48 + 7 * 24) * 3600_000);
    expect(await forgetUnconfirmed(deps)).toBe(0);
    clock = new Date(clock.getTime() + 1);
    expect(await forgetUnconfirmed(deps)).toBe(1);
    expect(await row('never@example.org')).toBeUndefined();
    expect((await row('former@example.org'))!.status).toBe('unsubscribed');
  });

  it('a filled trap field, a bad address or no box ticked send nothing', async () => {
    const trapped = await subscribe({
      email: 'bot@example.org',
      digest: '1',
      website: 'http://spam',
    });
    expect(trapped.statusCode).toBe(200);
    expect(trapped.body).toContain('تحقّق من بريدك');
    const bad = await subscribe({ email: 'not an address', digest: '1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('هذا ليس عنوان بريد إلكتروني صحيحاً');
    expect(bad.body).toContain('value="not an address"');
    const none = await subscribe({ email: 'x@example.org' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('اختر النشرة اليومية أو الأخبار العاجلة، أو كليهما.');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.length).toBe(mailsBefore);
    expect(await row('bot@example.org')).toBeUndefined();
  });

  it('three mails a day at most to one address; ten requests an hour at most from one client', async () => {
    for (let i = 0; i < 4; i += 1) {
      const answer = await subscribe(
        { email: 'flood@example.org', digest: '1' },
        `198.51.100.${i}`,
      );
      expect(answer.statusCode).toBe(200);
    }
    await mails(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.length - mailsBefore).toBe(3);

    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push(
        (await subscribe({ email: `p${i}@example.org`, digest: '1' }, '192.0.2.9')).statusCode,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
    const refused = await subscribe({ email: 'p99@example.org', digest: '1' }, '192.0.2.9');
    expect(refused.body).toContain('أرسلتَ طلبات كثيرة في وقت قصير.');
  });

  it('unsubscribes in one click (RFC 8058 POST), records the edition, and subscribes again', async () => {
    await subscribe({ email: 'leave@example.org', digest: '1', breaking: '1' });
    const [mail] = await mails(1);
    const token = CONFIRM_LINK.exec(mail!.text!)![1]!;
    await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${token}`,
    });
    const url = `/newsletter/unsubscribe?token=${token}&e=77`;

    const opened = await site.app.inject({ url });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain(
      'اضغط الزر لإلغاء اشتراك \u2068leave@example.org\u2069 في النشرة البريدية.',
    );
    expect(opened.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect((await row('leave@example.org'))!.status).toBe('active');

    const oneClick = await site.app.inject({
      method: 'POST',
      url,
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('أُلغي اشتراكك');
    const left = await row('leave@example.org');
    expect(left!.status).toBe('unsubscribed');
    expect(String(left!.unsubscribed_edition_id)).toBe('77');
    expect(new Date(left!.unsubscribed_at!).toISOString()).toBe(NOW.toISOString());
    // Twice is not an error (a mail program may retry).
    expect(
      (
        await site.app.inject({
          method: 'POST',
          url,
          headers: FORM,
          payload: 'List-Unsubscribe=One-Click',
        })
      ).statusCode,
    ).toBe(200);

    // «تراجعتُ، أعِد اشتراكي»: the token may be an old or forwarded mail's, so it only sends a
    // new confirmation (double opt-in again) with a new token; the old links stop working.
    const back = await site.app.inject({
      method: 'POST',
      url: '/newsletter/resubscribe',
      headers: FORM,
      payload: `token=${token}`,
    });
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain(
      '<p>أرسلنا إلى \u2068leave@example.org\u2069 رسالة فيها رابط لتأكيد اشتراكك من جديد. افتحه خلال يومين لتعود النشرة إليك.</p>',
    );
    expect(await row('leave@example.org')).toMatchObject({
      status: 'pending',
      digest: 1,
      breaking: 1,
    });
    const [, again] = await mails(2);
    expect(again!.subject).toBe('أكِّد اشتراكك في نشرة مداد');
    expect((again!.to as { value: Array<{ address: string }> }).value[0]!.address).toBe(
      'leave@example.org',
    );
    const fresh = CONFIRM_LINK.exec(again!.text!)![1]!;
    expect(fresh).not.toBe(token);
    expect((await row('leave@example.org'))!.token).toBe(fresh);
    for (const stale of [
      site.app.inject({ url: `/newsletter/unsubscribe?token=${token}` }),
      site.app.inject({ url: `/newsletter/preferences?token=${token}` }),
      site.app.inject({ url: `/newsletter/confirm?token=${token}` }),
      site.app.inject({
        method: 'POST',
        url: '/newsletter/confirm',
        headers: FORM,
        payload: `token=${token}`,
      }),
      site.app.inject({
        method: 'POST',
        url: '/newsletter/resubscribe',
        headers: FORM,
        payload: `token=${token}`,
      }),
    ]) {
      expect((await stale).statusCode).toBe(404);
    }
    expect((await row('leave@example.org'))!.status).toBe('pending');
    await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${fresh}`,
    });
    expect((await row('leave@example.org'))!.status).toBe('active');

    const unknown = await site.app.inject({
      method: 'POST',
      url: '/newsletter/unsubscribe?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('the preferences page changes what an address receives; both off unsubscribes', async () => {
    await subscribe({ email: 'prefs@example.org', digest: '1', breaking: '1' });
    const [mail] = await mails(1);
    const token = CONFIRM_LINK.exec(mail!.text!)![1]!;
    await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${token}`,
    });
    const page = await site.app.inject({ url: `/newsletter/preferences?token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('اختر ما يصل إلى \u2068prefs@example.org\u2069:');
    const saved = await site.app.inject({
      method: 'POST',
      url: '/newsletter/preferences',
      headers: FORM,
      payload: `token=${token}&digest=1`,
    });
    expect(saved.body).toContain('حُفظت اختياراتك.');
    expect(await row('prefs@example.org')).toMatchObject({
      status: 'active',
      digest: 1,
      breaking: 0,
    });
    const off = await site.app.inject({
      method: 'POST',
      url: '/newsletter/preferences',
      headers: FORM,
      payload: `token=${token}`,
    });
    expect(off.body).toContain('أُلغي اشتراكك');
    expect((await row('prefs@example.org'))!.status).toBe('unsubscribed');
  });

  it('one list chosen: the confirmation names only it', async () => {
    await subscribe({ email: 'one@example.org', breaking: '1' });
    const [mail] = await mails(1);
    expect(mail!.text!.split('\n')[2]).toBe(
      'طُلب بهذا العنوان الاشتراك في تنبيهات الأخبار العاجلة من موقع مداد. افتح الرابط التالي لتأكيده:',
    );
  });

  it('a former subscriber who signs up again gets a new token: an old newsletter cannot confirm it', async () => {
    await subscribe({ email: 'back@example.org', digest: '1' });
    const [first] = await mails(1);
    const old = CONFIRM_LINK.exec(first!.text!)![1]!;
    const post = (url: string, payload: string) =>
      site.app.inject({ method: 'POST', url, headers: FORM, payload });
    await post('/newsletter/confirm', `token=${old}`);
    await post(`/newsletter/unsubscribe?token=${old}`, 'List-Unsubscribe=One-Click');
    expect((await row('back@example.org'))!.status).toBe('unsubscribed');

    await subscribe({ email: 'back@example.org', digest: '1', breaking: '1' });
    const [, second] = await mails(2);
    const fresh = CONFIRM_LINK.exec(second!.text!)![1]!;
    expect(fresh).not.toBe(old);
    expect((await post('/newsletter/confirm', `token=${old}`)).statusCode).toBe(404);
    expect((await post('/newsletter/resubscribe', `token=${old}`)).statusCode).toBe(404);
    expect(await row('back@example.org')).toMatchObject({ status: 'pending', token: fresh });
    expect((await post('/newsletter/confirm', `token=${fresh}`)).statusCode).toBe(200);
    expect(await row('back@example.org')).toMatchObject({
      status: 'active',
      digest: 1,
      breaking: 1,
      token: fresh,
    });
    // Active: a new request changes nothing, its token kept.
    await subscribe({ email: 'back@example.org', digest: '1' });
    const [, , third] = await mails(3);
    expect(third!.text).toContain(`https://news.example/newsletter/preferences?token=${fresh}`);
    expect((await row('back@example.org'))!.token).toBe(fresh);
  });

  it('/alerts shows the newsletter form once (in the page, not again in the footer)', async () => {
    const alerts = await site.app.inject({ url: '/alerts' });
    expect(alerts.statusCode).toBe(200);
    expect(alerts.body.split('action="/newsletter/subscribe"').length - 1).toBe(1);
    expect(alerts.body).toContain('id="alerts-newsletter-email"');
    expect(alerts.body).not.toContain('id="newsletter-email"');
    const home = await site.app.inject({ url: '/' });
    expect(home.body.split('action="/newsletter/subscribe"').length - 1).toBe(1);
    expect(home.body).toContain('id="newsletter-email"');
  });
});

it('without MIDAD_SMTP_URL the footer has no form and the route says mail is not set up', async () => {
  const site = await testSite({}, { demo: false });
  try {
    expect((await site.app.inject({ url: '/' })).body).not.toContain('/newsletter/subscribe');
    const answer = await site.app.inject({
      method: 'POST',
      url: '/newsletter/subscribe',
      headers: FORM,
      payload: 'email=a%40example.org&digest=1',
    });
    expect(answer.statusCode).toBe(503);
    expect(answer.body).toContain('النشرة البريدية غير مفعّلة في هذا الموقع بعد.');
  } finally {
    await site.close();
  }
});
