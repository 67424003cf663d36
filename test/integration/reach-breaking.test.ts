/**
 * Issue 20 end to end: a reader subscribes to breaking news by push (the
 * subscription API) and by email (the footer form and its confirmation
 * link); an editor marks a published story breaking; the reader receives
 * both, in Arabic, and the story is posted to the site's Telegram channel;
 * one click on the mail's List-Unsubscribe (RFC 8058) stops the mail and
 * nothing else. Real parts: an SMTP server on 127.0.0.1, a push service
 * that checks the VAPID JWT and decrypts the payload, a fake Bot API.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { loadConfig } from '../../src/config/load.js';
import {
  createEditionMailLoader,
  editionMailSite,
  renderEditionMail,
} from '../../src/services/edition-mail.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { chooseBreaking } from '../../src/services/front-page.js';
import { emailSender } from '../../src/services/mail-sender.js';
import { smtpTransport, type MailTransport } from '../../src/services/mail-transport.js';
import { moveArticle } from '../../src/services/move-article.js';
import { OutboxWorker, type OutboxSender } from '../../src/services/outbox-worker.js';
import { ensureVapidKeys } from '../../src/services/push-keys.js';
import { pushSender } from '../../src/services/push-sender.js';
import { telegramSender } from '../../src/services/telegram-sender.js';
import { saveTelegramSettings } from '../../src/services/telegram-settings.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { PushServiceStandIn } from '../helpers/push-service.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { FAKE_TOKEN, startFakeBotApi, type FakeBotApi } from '../helpers/telegram-bot-api.js';

const HEADLINE = 'عاجل: انقطاع الإنترنت عن معظم أنحاء السودان';
const EXCERPT = 'قالت شركات الاتصالات إن الانقطاع بدأ فجر اليوم ولم يُعرف موعد عودة الخدمة.';
const READER = 'reader@example.org';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => smtp.close());

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let push: PushServiceStandIn;
  let telegram: FakeBotApi;
  let transport: MailTransport;
  let mailsBefore: number;
  let section: string;
  const deps = () => ({ database: site.database, now: () => NOW });

  beforeEach(async () => {
    telegram = await startFakeBotApi();
    const env = {
      MIDAD_BASE_URL: 'https://news.example',
      MIDAD_SMTP_URL: smtp.url,
      MIDAD_MAIL_FROM: '"مداد" <news@news.example>',
      MIDAD_TELEGRAM_API: telegram.url,
    };
    site = await testSite(env, { dialect, demo: false, localPushEndpoints: true });
    staff = await createStaff(site.database, () => NOW);
    section = (await ensureSection(site.database.db, { slug: 'sudan', name: 'السودان' }, NOW)).id;
    push = await PushServiceStandIn.start({
      expectedKey: (await ensureVapidKeys(site.database.db)).publicKey,
    });
    transport = smtpTransport(smtp.url);
    mailsBefore = smtp.received.length;
    await saveTelegramSettings(deps(), staff.administrator, {
      token: FAKE_TOKEN,
      chat: '@midad_news',
      autoBreaking: true,
      sectionIds: [],
    });
  });
  afterEach(async () => {
    transport.close();
    await push.close();
    await telegram.close();
    await site.close();
  });

  /** Runs each channel's worker until nothing is due, as `midad serve` does in the background. */
  async function sendEverything(): Promise<void> {
    const config = loadConfig({
      MIDAD_BASE_URL: 'https://news.example',
      MIDAD_TELEGRAM_API: telegram.url,
    });
    const editions = createEditionMailLoader(site.database.db, editionMailSite(config));
    const senders: OutboxSender[] = [
      pushSender({
        database: site.database,
        origin: 'https://news.example',
        subject: 'mailto:desk@news.example',
      }),
      emailSender({
        database: site.database,
        transport,
        origin: 'https://news.example',
        from: '"مداد" <news@news.example>',
        editionMail: async (id) => {
          const edition = await editions(id);
          return edition ? (recipient) => renderEditionMail(edition, recipient) : null;
        },
      }),
      telegramSender({ database: site.database, config, timeoutMs: 2000 }),
    ];
    for (const sender of senders)
      await new OutboxWorker({ database: site.database, now: () => NOW, sender }).runOnce();
  }

  async function publish(headline: string): Promise<ArticleId> {
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

  /** The mails that arrived since the test began, parsed. */
  async function mails(count: number) {
    await smtp.waitFor(mailsBefore + count);
    return Promise.all(smtp.received.slice(mailsBefore).map((m) => m.parse()));
  }

  it('a story marked breaking reaches the reader by push and by email, in Arabic, and the Telegram channel, once; one click stops the mail', async () => {
    // The reader turns on browser alerts…
    const subscription = push.subscribe();
    const subscribed = await site.app.inject({
      method: 'POST',
      url: '/push/subscriptions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ subscription, breaking: true, sections: [] }),
    });
    expect(subscribed.statusCode).toBe(201);
    // … and subscribes to breaking news by email, then follows the confirmation link.
    const form = await site.app.inject({
      method: 'POST',
      url: '/newsletter/subscribe',
      headers: FORM,
      remoteAddress: '203.0.113.9',
      payload: new URLSearchParams({ email: READER, breaking: '1' }).toString(),
    });
    expect(form.statusCode).toBe(200);
    const [confirmation] = await mails(1);
    const token = /newsletter\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(
      confirmation!.text ?? '',
    )![1]!;
    const confirmed = await site.app.inject({
      method: 'POST',
      url: '/newsletter/confirm',
      headers: FORM,
      payload: `token=${token}`,
    });
    expect(confirmed.statusCode).toBe(200);

    // Publishing alone tells nobody who asked only for breaking news.
    const id = await publish(HEADLINE);
    await sendEverything();
    expect(push.received).toEqual([]);
    expect(telegram.posts()).toEqual([]);
    expect(smtp.received.length).toBe(mailsBefore + 1);

    // The editor marks it breaking news, twice: each channel sends once.
    await chooseBreaking(deps(), staff.editor, id, 60);
    await chooseBreaking(deps(), staff.editor, id, 120);
    await sendEverything();
    await sendEverything();

    const path = `/a/${id}`;
    expect(push.received.length).toBe(1);
    expect(push.received[0]!.status).toBe(201);
    expect(push.received[0]!.payload).toMatchObject({
      title: HEADLINE,
      body: EXCERPT,
      lang: 'ar',
      dir: 'rtl',
      tag: `a${id}`,
    });
    expect((push.received[0]!.payload as { url: string }).url).toMatch(
      new RegExp(`^https://news\\.example${path}(/|$)`),
    );

    const [, breaking] = await mails(2);
    expect(smtp.received.length).toBe(mailsBefore + 2);
    expect((breaking!.to as { text: string }).text).toBe(READER);
    expect(breaking!.subject).toContain(HEADLINE);
    expect(breaking!.html).toContain('dir="rtl"');
    expect(breaking!.html).toContain(HEADLINE);
    expect(breaking!.text).toContain(HEADLINE);
    const listUnsubscribe = breaking!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const unsubscribe = /<(https:\/\/news\.example\/newsletter\/unsubscribe\?[^>]+)>/.exec(
      listUnsubscribe,
    )![1]!;
    expect(breaking!.headerLines.find((h) => h.key === 'list-unsubscribe-post')!.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );

    const posts = telegram.posts();
    expect(posts.length).toBe(1);
    expect(posts[0]!.body.chat_id).toBe('@midad_news');
    expect(posts[0]!.parsed!.text.startsWith(HEADLINE)).toBe(true);
    expect(posts[0]!.parsed!.entities[0]).toEqual({
      type: 'bold',
      offset: 0,
      length: HEADLINE.length,
    });
    expect(posts[0]!.parsed!.text).toContain(`https://news.example${path}`);

    // One click (the mail client's POST, RFC 8058 §3.2): no login, no more mail, push untouched.
    const url = new URL(unsubscribe);
    const left = await site.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(left.statusCode).toBe(200);
    const second = await publish('عاجل: عودة جزئية للإنترنت في الخرطوم');
    await chooseBreaking(deps(), staff.editor, second, 60);
    await sendEverything();
    expect(smtp.received.length).toBe(mailsBefore + 2);
    expect(push.received.length).toBe(2);
    expect(telegram.posts().length).toBe(2);
  });
});
