/**
 * Web push (issue 20), on both engines: the subscription API's answers
 * and refusals; an article's alert reaching each subscriber exactly once
 * through a local push service that verifies the VAPID JWT (RFC 8292) and
 * decrypts the payload (RFC 8291); 410 forgetting a subscription; 429
 * retried after Retry-After; the daily cap; who may send an alert by hand.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { canonicalArticlePath } from '../../src/domain/article-path.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { chooseBreaking } from '../../src/services/front-page.js';
import { moveArticle } from '../../src/services/move-article.js';
import { OutboxWorker } from '../../src/services/outbox-worker.js';
import {
  PUSH_DAILY_CAP_SETTING,
  pushAlertPanel,
  reachOverview,
  sendPushAlertNow,
} from '../../src/services/push-alerts.js';
import { ensureVapidKeys } from '../../src/services/push-keys.js';
import { pushSender } from '../../src/services/push-sender.js';
import { subscribeToPush } from '../../src/services/push-subscriptions.js';
import { outboxCounts } from '../../src/storage/repositories/outbox.repository.js';
import { findPushAlertByArticle } from '../../src/storage/repositories/push-alerts.repository.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { setSetting } from '../../src/storage/repositories/settings.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { PushServiceStandIn } from '../helpers/push-service.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const ORIGIN = 'https://news.example';
const HEADLINE = 'عاجل: زلزال بقوة 6 درجات يضرب جنوب تركيا';
const EXCERPT = 'أعلنت هيئة الكوارث أن الزلزال وقع فجراً، ولم ترد أنباء عن ضحايا حتى الآن.';

/** A valid subscription body for the API (an https endpoint never sent to). */
function apiBody(endpoint: string, over: Record<string, unknown> = {}) {
  return {
    subscription: {
      endpoint,
      keys: {
        // A P-256 point (uncompressed, 65 bytes) and a 16-byte secret.
        p256dh:
          'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
      },
    },
    breaking: true,
    sections: [],
    ...over,
  };
}

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let clock: Date;
  let service: PushServiceStandIn;
  let sectionId: string;
  const deps = () => ({ database: site.database, now: () => clock });

  beforeEach(async () => {
    clock = NOW;
    site = await testSite({}, { dialect, demo: false, now: () => clock });
    staff = await createStaff(site.database, () => NOW);
    sectionId = (await ensureSection(site.database.db, { slug: 'economy', name: 'اقتصاد' }, NOW))
      .id;
    service = await PushServiceStandIn.start({
      expectedKey: (await ensureVapidKeys(site.database.db)).publicKey,
    });
  });
  afterEach(async () => {
    await service.close();
    await site.close();
  });

  async function publish(headline: string, section: string | null): Promise<ArticleId> {
    const id = await createDraft(deps(), staff.editor);
    await saveArticle(
      deps(),
      staff.editor,
      id,
      content([staff.editor.id], { headline, excerpt: EXCERPT, sectionId: section }),
    );
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }

  async function subscribe(choices: { breaking: boolean; sections: string[] }) {
    const subscription = service.subscribe();
    await subscribeToPush(
      { ...deps(), allowLocalHttp: true },
      { subscription, breaking: choices.breaking, sections: choices.sections },
    );
    return subscription;
  }

  function worker() {
    return new OutboxWorker({
      database: site.database,
      now: () => clock,
      sender: pushSender({
        database: site.database,
        origin: ORIGIN,
        subject: 'mailto:desk@news.example',
      }),
    });
  }

  async function slugOf(id: string): Promise<string | null> {
    const row = await site.database.db
      .selectFrom('articles')
      .select('slug')
      .where('id', '=', BigInt(id))
      .executeTakeFirstOrThrow();
    return row.slug;
  }

  it('the subscription API: key, 201 then 200, refusals with exact codes, delete 204', async () => {
    const inject = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      site.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', ...headers },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
    const key = await site.app.inject({ method: 'GET', url: '/push/public-key' });
    expect(key.statusCode).toBe(200);
    expect(key.headers['cache-control']).toBe('public, max-age=3600');
    expect(key.json()).toEqual({ publicKey: (await ensureVapidKeys(site.database.db)).publicKey });
    expect(Buffer.from(key.json<{ publicKey: string }>().publicKey, 'base64url').length).toBe(65);

    const endpoint = 'https://push.example/send/abc';
    const first = await inject('/push/subscriptions', apiBody(endpoint, { sections: [sectionId] }));
    expect([first.statusCode, first.json()]).toEqual([201, { ok: true }]);
    const again = await inject('/push/subscriptions', apiBody(endpoint, { breaking: false }));
    expect([again.statusCode, again.json()]).toEqual([200, { ok: true }]);
    const rows = await site.database.db.selectFrom('push_subscriptions').selectAll().execute();
    expect(rows.map((r) => [r.endpoint, Number(r.breaking)])).toEqual([[endpoint, 0]]);
    expect(
      await site.database.db.selectFrom('push_subscription_sections').selectAll().execute(),
    ).toEqual([]);

    const refusals: Array<[unknown, number, string]> = [
      ['{not json', 400, 'PUSH_SUBSCRIPTION_INVALID'],
      [{ subscription: 'x' }, 400, 'PUSH_SUBSCRIPTION_INVALID'],
      [apiBody('http://push.example/x'), 400, 'PUSH_ENDPOINT_INVALID'],
      [apiBody('http://127.0.0.1:9/x'), 400, 'PUSH_ENDPOINT_INVALID'],
      [apiBody(`https://push.example/${'x'.repeat(1000)}`), 400, 'PUSH_ENDPOINT_INVALID'],
      [
        { subscription: { endpoint, keys: { p256dh: 'AAAA', auth: 'tBHItJI5svbpez7KI4CCXg' } } },
        400,
        'PUSH_KEYS_INVALID',
      ],
      [
        apiBody(endpoint, {
          subscription: { ...apiBody(endpoint).subscription, keys: { p256dh: 'x', auth: 'y' } },
        }),
        400,
        'PUSH_KEYS_INVALID',
      ],
      [apiBody(endpoint, { sections: ['999999'] }), 400, 'PUSH_SECTION_UNKNOWN'],
      [apiBody(endpoint, { sections: ['abc'] }), 400, 'PUSH_SUBSCRIPTION_INVALID'],
      [apiBody(endpoint, { breaking: 'yes' }), 400, 'PUSH_SUBSCRIPTION_INVALID'],
      [{ ...apiBody(endpoint), padding: 'x'.repeat(9000) }, 413, 'PUSH_BODY_TOO_LARGE'],
    ];
    for (const [body, status, code] of refusals) {
      const res = await inject('/push/subscriptions', body);
      expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([
        status,
        code,
      ]);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/[\u0600-\u06FF]/);
    }
    const wrongType = await inject('/push/subscriptions', 'x', { 'content-type': 'text/plain' });
    expect([
      wrongType.statusCode,
      wrongType.json<{ error: { code: string } }>().error.code,
    ]).toEqual([400, 'PUSH_SUBSCRIPTION_INVALID']);

    const gone = await inject('/push/subscriptions/delete', { endpoint });
    expect([gone.statusCode, gone.body]).toEqual([204, '']);
    expect(await site.database.db.selectFrom('push_subscriptions').selectAll().execute()).toEqual(
      [],
    );
    expect((await inject('/push/subscriptions/delete', { endpoint })).statusCode).toBe(204);
    const badDelete = await inject('/push/subscriptions/delete', { endpoint: 'ftp://x' });
    expect(badDelete.json<{ error: { code: string } }>().error.code).toBe('PUSH_ENDPOINT_INVALID');
  });

  it('publishing then flagging breaking, twice, reaches each subscriber exactly once, decrypted exactly', async () => {
    const wantsBreaking = await subscribe({ breaking: true, sections: [] });
    const follower = await subscribe({ breaking: false, sections: [sectionId] });
    const both = await subscribe({ breaking: true, sections: [sectionId] });
    const neither = await subscribe({ breaking: false, sections: [] });
    const id = await publish(HEADLINE, sectionId);
    // Published: the section's followers only.
    expect(
      await outboxCounts(site.database.db, {
        channel: 'push',
        subjectKind: 'article',
        subjectId: id,
      }),
    ).toEqual({ pending: 2, sent: 0, failed: 0, gone: 0 });
    expect(await worker().runOnce()).toBe(2);
    clock = new Date(NOW.getTime() + 60_000);
    await chooseBreaking(deps(), staff.editor, id, 60);
    await chooseBreaking(deps(), staff.editor, id, 0);
    await chooseBreaking(deps(), staff.editor, id, 120);
    expect(await worker().runOnce()).toBe(1);
    expect(await worker().runOnce()).toBe(0);

    expect(service.received.map((r) => r.problem ?? null)).toEqual([null, null, null]);
    expect(service.receivedBy(wantsBreaking).length).toBe(1);
    expect(service.receivedBy(follower).length).toBe(1);
    expect(service.receivedBy(both).length).toBe(1);
    expect(service.receivedBy(neither).length).toBe(0);
    const slug = await slugOf(id);
    const expected = {
      title: HEADLINE,
      body: EXCERPT,
      url: `${ORIGIN}${canonicalArticlePath(id, slug)}`,
      icon: `${ORIGIN}/assets/icon-192.png`,
      image: null,
      tag: `a${id}`,
      lang: 'ar',
      dir: 'rtl',
      timestamp: NOW.getTime(),
    };
    for (const s of [wantsBreaking, follower, both])
      expect(service.receivedBy(s)[0]!.payload).toEqual(expected);
    const [late] = service.receivedBy(wantsBreaking);
    const [early] = service.receivedBy(follower);
    expect([early!.headers.urgency, late!.headers.urgency]).toEqual(['normal', 'high']);
    expect(late!.headers.topic).toBe(`a${id}`);
    expect(late!.headers.ttl).toBe('86400');
    expect(late!.claims).toMatchObject({ aud: service.origin, sub: 'mailto:desk@news.example' });
    expect(await findPushAlertByArticle(site.database.db, id)).toMatchObject({
      reason: 'breaking',
      title: HEADLINE,
      sent: 3,
      failed: 0,
      gone: 0,
    });
  });

  it('410 deletes the subscription; 429 is retried after Retry-After; other 4xx fail', async () => {
    const expired = await subscribe({ breaking: true, sections: [] });
    const busy = await subscribe({ breaking: true, sections: [] });
    const refused = await subscribe({ breaking: true, sections: [] });
    service.answer(expired, { status: 410 });
    service.answer(busy, { status: 429, retryAfter: '120', times: 1 });
    service.answer(refused, { status: 413 });
    const id = await publish(HEADLINE, null);
    await chooseBreaking(deps(), staff.editor, id, 60);
    expect(await worker().runOnce()).toBe(3);
    const ends = await site.database.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .orderBy('id')
      .execute();
    expect(ends.map((e) => e.endpoint)).toEqual([busy.endpoint, refused.endpoint]);
    const subject = { channel: 'push', subjectKind: 'article', subjectId: id } as const;
    expect(await outboxCounts(site.database.db, subject)).toEqual({
      pending: 1,
      sent: 0,
      failed: 1,
      gone: 1,
    });
    clock = new Date(NOW.getTime() + 119_000);
    expect(await worker().runOnce()).toBe(0);
    clock = new Date(NOW.getTime() + 121_000);
    expect(await worker().runOnce()).toBe(1);
    expect(service.receivedBy(busy).map((r) => r.status)).toEqual([429, 201]);
    expect(await findPushAlertByArticle(site.database.db, id)).toMatchObject({
      sent: 1,
      failed: 1,
      gone: 1,
    });
  });

  it('the daily cap refuses a manual alert, and limits a breaking flag to the section', async () => {
    const wantsBreaking = await subscribe({ breaking: true, sections: [] });
    const follower = await subscribe({ breaking: false, sections: [sectionId] });
    await setSetting(site.database.db, PUSH_DAILY_CAP_SETTING, '1');
    const first = await publish('الخبر الأول', null);
    expect(await sendPushAlertNow(deps(), staff.editor, first)).toBe(1);
    await expect(sendPushAlertNow(deps(), staff.editor, first)).rejects.toMatchObject({
      code: 'PUSH_ALERT_ALREADY_SENT',
    });
    const second = await publish('الخبر الثاني', null);
    const refusal = sendPushAlertNow(deps(), staff.editor, second);
    await expect(refusal).rejects.toMatchObject({ code: 'PUSH_DAILY_CAP', details: { cap: 1 } });
    await expect(refusal).rejects.toSatisfy(
      (e: { toUserMessage(): string }) =>
        e.toUserMessage() ===
        'لم يُرسل التنبيه: بُلغ الحد اليومي للتنبيهات (1 في 24 ساعة). يمكن للمدير تغيير الحد من صفحة «الوصول إلى القرّاء».',
    );
    const third = await publish('الخبر الثالث', sectionId);
    await chooseBreaking(deps(), staff.editor, third, 60);
    await worker().runOnce();
    expect(
      service.receivedBy(wantsBreaking).map((r) => (r.payload as { title: string }).title),
    ).toEqual(['الخبر الأول']);
    expect(service.receivedBy(follower).map((r) => (r.payload as { title: string }).title)).toEqual(
      ['الخبر الثالث'],
    );
    // A day later the cap allows one more.
    clock = new Date(NOW.getTime() + 24 * 3600_000 + 1000);
    expect(await sendPushAlertNow(deps(), staff.editor, second)).toBe(1);
  });

  it('only editors and administrators send an alert by hand; the editor page shows its counts', async () => {
    await subscribe({ breaking: true, sections: [] });
    const id = await publish(HEADLINE, null);
    await expect(sendPushAlertNow(deps(), staff.author, id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const author = new AdminClient(site.app);
    await author.post('/admin/login', {
      email: 'author@news.example',
      password: 'author password 1',
    });
    await author.get(`/admin/articles/${id}/edit`);
    expect((await author.post(`/admin/articles/${id}/push-alert`)).statusCode).toBe(403);

    const editor = new AdminClient(site.app);
    await editor.post('/admin/login', {
      email: 'editor@news.example',
      password: 'editor password 1',
    });
    const page = await editor.get(`/admin/articles/${id}/edit`);
    expect(page.body).toContain('إرسال تنبيه');
    expect(page.body).toContain('لم يُرسل تنبيه عن هذا الخبر بعد.');
    const sent = await editor.post(`/admin/articles/${id}/push-alert`);
    expect([sent.statusCode, sent.headers.location]).toEqual([
      303,
      `/admin/articles/${id}/edit?notice=push-queued#push-alert`,
    ]);
    await worker().runOnce();
    const after = await editor.get(`/admin/articles/${id}/edit?notice=push-queued`);
    expect(after.body).toContain('وُضع التنبيه في قائمة الإرسال');
    expect(after.body).toContain('أُرسل يدوياً');
    expect(after.body).toMatch(/data-count="sent"><dt>وصل<\/dt><dd>1<\/dd>/);
    expect(after.body).not.toContain(`action="/admin/articles/${id}/push-alert"`);
    const twice = await editor.post(`/admin/articles/${id}/push-alert`);
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('أُرسل تنبيه هذا الخبر من قبل');
    await setSetting(site.database.db, PUSH_DAILY_CAP_SETTING, '1');
    const other = await publish('خبر آخر بعد بلوغ الحد', null);
    expect((await editor.get(`/admin/articles/${other}/edit`)).body).toContain(
      'بُلغ الحد اليومي للتنبيهات العاجلة (1 في 24 ساعة): لا يُرسل تنبيه عاجل أو يدوي',
    );
    const reach = await editor.get('/admin/reach');
    expect(reach.statusCode).toBe(200);
    expect(reach.body).not.toContain('action="/admin/reach/cap"');
    const admin = new AdminClient(site.app);
    await admin.post('/admin/login', {
      email: 'administrator@news.example',
      password: 'administrator password 1',
    });
    await admin.get('/admin/reach');
    expect((await admin.post('/admin/reach/cap', { cap: 'كثير' })).statusCode).toBe(422);
    const saved = await admin.post('/admin/reach/cap', { cap: '3' });
    expect([saved.statusCode, saved.headers.location]).toEqual([
      303,
      '/admin/reach?notice=cap-saved',
    ]);
    expect((await admin.get('/admin/reach')).body).toContain('value="3"');
  });
  async function login(who: 'editor' | 'administrator'): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    await client.post('/admin/login', {
      email: `${who}@news.example`,
      password: `${who} password 1`,
    });
    return client;
  }

  it('an alert queued to no subscriber does not use up the daily cap, and the panel says it reached no one', async () => {
    const flagged = await publish('خبر عاجل بلا مشتركين', null);
    await chooseBreaking(deps(), staff.editor, flagged, 60);
    const first = await publish('الخبر الأول', null);
    const second = await publish('الخبر الثاني', null);
    expect(await sendPushAlertNow(deps(), staff.editor, first)).toBe(0);
    expect(await sendPushAlertNow(deps(), staff.editor, second)).toBe(0);
    expect(await pushAlertPanel(deps(), first)).toMatchObject({ cap: 5, used: 0 });
    expect(await reachOverview(deps())).toMatchObject({ cap: 5, used: 0 });
    const editor = await login('editor');
    const page = (await editor.get(`/admin/articles/${first}/edit`)).body;
    expect(page).toContain('لم يصل التنبيه إلى أحد: لا مشتركين في تنبيهات المتصفح بعد.');
    expect(page).toContain('لم يُرسل أي تنبيه من أصل 5 في آخر 24 ساعة');
    // It may go out once someone subscribes; then it counts.
    expect(page).toContain(`action="/admin/articles/${first}/push-alert"`);
    const reader = await subscribe({ breaking: true, sections: [] });
    expect(await sendPushAlertNow(deps(), staff.editor, first)).toBe(1);
    await expect(sendPushAlertNow(deps(), staff.editor, first)).rejects.toMatchObject({
      code: 'PUSH_ALERT_ALREADY_SENT',
    });
    await worker().runOnce();
    expect(service.receivedBy(reader).map((r) => (r.payload as { title: string }).title)).toEqual([
      'الخبر الأول',
    ]);
    expect(await pushAlertPanel(deps(), first)).toMatchObject({ used: 1 });
    const after = (await editor.get(`/admin/articles/${first}/edit`)).body;
    expect(after).not.toContain('لم يصل التنبيه إلى أحد');
    expect(after).toContain('أُرسل تنبيه واحد من أصل 5 في آخر 24 ساعة');
  });

  it('with the cap reached the send button is disabled with the reason beside it; a cap lowered below the sent alerts reads as reached', async () => {
    await subscribe({ breaking: true, sections: [] });
    await setSetting(site.database.db, PUSH_DAILY_CAP_SETTING, '3');
    const editor = await login('editor');
    const sent: ArticleId[] = [];
    for (const headline of ['الأول', 'الثاني', 'الثالث']) {
      const id = await publish(headline, null);
      sent.push(id);
      if (sent.length === 2) {
        const two = (await editor.get(`/admin/articles/${id}/edit`)).body;
        expect(two).toContain(
          'أُرسل تنبيه واحد من أصل 3 في آخر 24 ساعة (الحد اليومي للتنبيهات العاجلة).',
        );
      }
      if (headline === 'الثاني') await chooseBreaking(deps(), staff.editor, id, 60);
      else await sendPushAlertNow(deps(), staff.editor, id);
    }
    expect((await editor.get(`/admin/articles/${sent[1]}/edit`)).body).toContain(
      '<p>أُرسل تنبيهاً عاجلاً — ',
    );
    const waiting = await publish('الرابع', null);
    const capped = (await editor.get(`/admin/articles/${waiting}/edit`)).body;
    expect(capped).toMatch(
      /<button type="submit" class="button" disabled aria-describedby="push-alert-cap-reached">إرسال تنبيه<\/button><p class="push-alert__why" id="push-alert-cap-reached">بُلغ الحد اليومي للتنبيهات العاجلة \(3 في 24 ساعة\): لا يُرسل /,
    );
    expect(capped).not.toContain('بُلغ الحد اليومي للتنبيهات العاجلة (3 في 24 ساعة).');
    await setSetting(site.database.db, PUSH_DAILY_CAP_SETTING, '1');
    const lowered = (await editor.get(`/admin/articles/${waiting}/edit`)).body;
    expect(lowered).toContain('بُلغ الحد اليومي للتنبيهات العاجلة (1 في 24 ساعة): لا يُرسل');
    expect(lowered).not.toContain('3 من 1');
    expect((await editor.get('/admin/reach')).body).toContain(
      'بُلغ الحد اليومي للتنبيهات العاجلة (1 في 24 ساعة).',
    );
    await setSetting(site.database.db, PUSH_DAILY_CAP_SETTING, '20');
    expect((await editor.get('/admin/reach')).body).toContain(
      'أُرسل 3 تنبيهات من أصل 20 في آخر 24 ساعة',
    );
    await setSetting(site.database.db, PUSH_DAILY_CAP_SETTING, '5');
    const open = (await editor.get(`/admin/articles/${waiting}/edit`)).body;
    expect(open).toContain('أُرسل 3 تنبيهات من أصل 5 في آخر 24 ساعة');
    expect(open).not.toContain('disabled aria-describedby="push-alert-cap-reached"');
  });

  it('a bad cap shows the error summary at the top and the error under the field', async () => {
    const admin = await login('administrator');
    await admin.get('/admin/reach');
    for (const cap of ['-1', 'abc', '100000']) {
      const page = await admin.post('/admin/reach/cap', { cap });
      expect(page.statusCode).toBe(422);
      expect(page.body).toMatch(
        /<div class="error-summary" role="alert" aria-labelledby="field-error-summary">.*<a href="#field-cap">اكتب عدداً صحيحاً من 0 إلى 100.<\/a>/s,
      );
      expect(page.body.indexOf('class="error-summary"')).toBeLessThan(
        page.body.indexOf('action="/admin/reach/cap"'),
      );
      expect(page.body).toContain(`value="${cap}"`);
    }
  });

  it('the reach page shows the Telegram channel beside its name and a dash for its subscribers', async () => {
    await setSetting(site.database.db, 'telegram.chat', '@midad_news');
    await setSetting(site.database.db, 'telegram.chatTitle', 'أخبار مداد');
    const page = (await (await login('administrator')).get('/admin/reach')).body;
    const row = /<tr data-channel="telegram">(.*?)<\/tr>/s.exec(page)?.[1] ?? '';
    expect(row).toMatch(
      /^<th scope="row">قناة تيليغرام<br\/><small class="reach-table__chat"><bdi>أخبار مداد<\/bdi><\/small><\/th><td><span aria-hidden="true">—<\/span><span class="visually-hidden">لا يُحصى مشتركو القناة هنا<\/span><\/td>/,
    );
  });
});
