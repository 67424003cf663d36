/**
 * The Telegram pages (issue 20) over HTTP: an administrator connects the
 * channel at /admin/telegram (the token is never shown again in full),
 * «تحقق» says in Arabic what it found, an editor posts a published article
 * from its page with «نشر في تيليغرام» and sees its status, and the log
 * lists the post; other roles are refused.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { OutboxWorker } from '../../src/services/outbox-worker.js';
import { telegramSender } from '../../src/services/telegram-sender.js';
import { AdminClient } from '../helpers/admin-client.js';
import { createStaff } from '../helpers/newsroom.js';
import { NOW, SEED_HEADLINE, SEED_ID, testSite, type TestSite } from '../helpers/site.js';
import { FAKE_TOKEN, startFakeBotApi, type FakeBotApi } from '../helpers/telegram-bot-api.js';

let site: TestSite;
let fake: FakeBotApi;

beforeEach(async () => {
  fake = await startFakeBotApi();
  site = await testSite({ MIDAD_TELEGRAM_API: fake.url });
  await createStaff(site.database, () => NOW);
});
afterEach(async () => {
  await site.close();
  await fake.close();
});

async function signedIn(role: string): Promise<AdminClient> {
  const client = new AdminClient(site.app);
  expect((await client.signIn(`${role}@news.example`, `${role} password 1`)).statusCode).toBe(303);
  return client;
}

/** The text of the check's notice, as rendered. */
function checkNotice(html: string): string {
  const m = /<p class="notice[^"]*" role="(?:status|alert)" data-check="[^"]*">([^<]*)<\/p>/.exec(
    html,
  );
  return m?.[1] ?? '';
}

it('an administrator connects the channel, checks it, and reads the log of an editor’s post', async () => {
  const admin = await signedIn('administrator');
  let page = await admin.get('/admin/telegram');
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('href="/admin/telegram"');
  expect(page.body).toContain('غير متصلة: لا يُنشر شيء في تيليغرام حتى تحفظ رمز البوت والقناة.');

  const refused = await admin.post('/admin/telegram', { token: 'abc', chat: '#news' });
  expect(refused.statusCode).toBe(422);
  expect(refused.body).toContain('هذا ليس رمز بوت.');
  expect(refused.body).toContain('أدخل القناة باسمها العام');

  const saved = await admin.post('/admin/telegram', {
    token: FAKE_TOKEN,
    chat: '@midad_news',
    autoBreaking: 'yes',
  });
  expect(saved.statusCode).toBe(303);
  expect(saved.headers.location).toBe('/admin/telegram?notice=saved');
  page = await admin.get('/admin/telegram?notice=saved');
  expect(page.body).toContain('حُفظت إعدادات تيليغرام.');
  expect(page.body).toContain('الرمز المحفوظ: \u20667012345678:…nopq\u2069.');
  expect(page.body).not.toContain(FAKE_TOKEN.split(':')[1]);
  expect(page.body).toMatch(/name="autoBreaking" value="yes" checked/);

  // Saving again with the token left empty keeps it.
  await admin.post('/admin/telegram', { token: '', chat: '@midad_news', autoBreaking: 'yes' });
  let check = await admin.post('/admin/telegram/check');
  expect(check.statusCode).toBe(200);
  expect(checkNotice(check.body)).toBe(
    'الاتصال سليم: البوت \u2066@midad_bot\u2069 («\u2068بوت مداد\u2069») مشرف في القناة ' +
      '«\u2068مداد — الأخبار العاجلة\u2069» ويستطيع النشر فيها.',
  );
  expect(check.body).not.toContain(FAKE_TOKEN.split(':')[1]);

  fake.chats.get('@midad_news')!.bot = { status: 'administrator', can_post_messages: false };
  check = await admin.post('/admin/telegram/check');
  expect(checkNotice(check.body)).toBe(
    'البوت \u2066@midad_bot\u2069 مشرف في القناة \u2066@midad_news\u2069 لكن صلاحية «نشر الرسائل» ' +
      'غير مفعّلة له. فعّلها من إعدادات المشرفين في القناة.',
  );
  fake.chats.get('@midad_news')!.bot = { status: 'administrator', can_post_messages: true };

  // The editor posts the published demo article from its page.
  const editor = await signedIn('editor');
  let edit = await editor.get(`/admin/articles/${SEED_ID}/edit`);
  expect(edit.body).toContain('لم يُنشر هذا المقال في قناة تيليغرام.');
  expect(edit.body).toContain(`action="/admin/articles/${SEED_ID}/telegram"`);
  expect(edit.body).toContain('نشر في تيليغرام</button>');
  const posted = await editor.post(`/admin/articles/${SEED_ID}/telegram`);
  expect(posted.statusCode).toBe(303);
  expect(posted.headers.location).toBe(`/admin/articles/${SEED_ID}/edit?notice=telegram-queued`);
  edit = await editor.get(String(posted.headers.location));
  expect(edit.body).toContain('سيُنشر المقال في قناة تيليغرام خلال ثوانٍ.');
  expect(edit.body).toContain('بانتظار النشر');
  expect(edit.body).not.toContain('نشر في تيليغرام</button>');

  const worker = new OutboxWorker({
    database: site.database,
    now: () => NOW,
    sender: telegramSender({
      database: site.database,
      config: {
        telegramApi: fake.url,
        baseUrl: 'https://news.example',
        host: '127.0.0.1',
        port: 3000,
      },
    }),
  });
  expect(await worker.runOnce()).toBe(1);
  expect(fake.posts()).toHaveLength(1);
  expect(String(fake.posts()[0]!.parsed!.text)).toContain(SEED_HEADLINE);
  edit = await editor.get(`/admin/articles/${SEED_ID}/edit`);
  expect(edit.body).toContain('telegram-status--sent');

  // Pressed again: never posted twice.
  const again = await editor.post(`/admin/articles/${SEED_ID}/telegram`);
  expect(again.headers.location).toBe(`/admin/articles/${SEED_ID}/edit?notice=telegram-already`);
  expect(await worker.runOnce()).toBe(0);

  page = await admin.get('/admin/telegram');
  expect(page.body).toContain(
    `<a href="/admin/articles/${SEED_ID}/edit"><bdi>${SEED_HEADLINE}</bdi></a>`,
  );
  expect(page.body).toContain('telegram-status--sent">نُشر</span>');
});

it('only administrators reach the settings; authors cannot post', async () => {
  const editor = await signedIn('editor');
  expect((await editor.get('/admin/telegram')).statusCode).toBe(403);
  expect((await editor.post('/admin/telegram/check')).statusCode).toBe(403);
  const author = await signedIn('author');
  expect((await author.post(`/admin/articles/${SEED_ID}/telegram`)).statusCode).toBe(403);
});

it('posting by hand without a connected channel says so', async () => {
  const editor = await signedIn('editor');
  const edit = await editor.get(`/admin/articles/${SEED_ID}/edit`);
  expect(edit.body).toContain('لا قناة تيليغرام موصولة.');
  expect(edit.body).not.toContain('نشر في تيليغرام</button>');
  const res = await editor.post(`/admin/articles/${SEED_ID}/telegram`);
  expect(res.statusCode).toBe(422);
  expect(res.body).toContain('لا قناة تيليغرام موصولة: يربطها مدير الموقع من صفحة تيليغرام.');
});

function telegramWorker(): OutboxWorker {
  return new OutboxWorker({
    database: site.database,
    now: () => NOW,
    sender: telegramSender({
      database: site.database,
      config: {
        telegramApi: fake.url,
        baseUrl: 'https://news.example',
        host: '127.0.0.1',
        port: 3000,
      },
    }),
  });
}

/** The rendered explanation of a failed post: the Arabic sentence, then Telegram's raw reason. */
const failure = (arabic: string, raw: string) =>
  `<span class="telegram-failure"><span class="telegram-reason">${arabic}</span> ` +
  `<small class="telegram-error"><bdi dir="ltr">${raw}</bdi></small></span>`;

it('a failed post is explained in Arabic, with Telegram’s reason after it, in the log and on the editor’s page', async () => {
  const admin = await signedIn('administrator');
  await admin.post('/admin/telegram', {
    token: FAKE_TOKEN,
    chat: '@midad_news',
    autoBreaking: 'yes',
  });
  fake.chats.get('@midad_news')!.bot = { status: 'left' };
  const editor = await signedIn('editor');
  await editor.post(`/admin/articles/${SEED_ID}/telegram`);
  expect(await telegramWorker().runOnce()).toBe(1);

  const notMember = failure(
    'البوت ليس عضواً في القناة: أضفه إليها مشرفاً مع صلاحية نشر الرسائل.',
    '403 Forbidden: bot is not a member of the channel chat',
  );
  expect((await admin.get('/admin/telegram')).body).toContain(notMember);
  let edit = await editor.get(`/admin/articles/${SEED_ID}/edit`);
  expect(edit.body).toContain(notMember);
  expect(edit.body).not.toContain('telegram-once');

  // The token revoked: posted again by hand, refused with 401.
  fake.chats.get('@midad_news')!.bot = { status: 'administrator', can_post_messages: true };
  fake.token = '7012345678:AAAnotherTokenAnotherToken_abcdefg';
  await editor.post(`/admin/articles/${SEED_ID}/telegram`);
  expect(await telegramWorker().runOnce()).toBe(1);
  const revoked = failure(
    'رفض تيليغرام رمز البوت: انسخه من جديد من \u2066@BotFather\u2069 واحفظه.',
    '401 Unauthorized',
  );
  expect((await admin.get('/admin/telegram')).body).toContain(revoked);
  edit = await editor.get(`/admin/articles/${SEED_ID}/edit`);
  expect(edit.body).toContain(revoked);
});

it('marking a posted article breaking posts nothing more, and its page says when and why it was posted', async () => {
  const admin = await signedIn('administrator');
  await admin.post('/admin/telegram', {
    token: FAKE_TOKEN,
    chat: '@midad_news',
    autoBreaking: 'yes',
  });
  const editor = await signedIn('editor');
  await editor.post(`/admin/articles/${SEED_ID}/telegram`);
  expect(await telegramWorker().runOnce()).toBe(1);

  const marked = await editor.post(`/admin/articles/${SEED_ID}/breaking`, { hours: '1' });
  expect(marked.statusCode).toBe(303);
  expect(await telegramWorker().runOnce()).toBe(0);
  expect(fake.posts()).toHaveLength(1);

  const edit = await editor.get(`/admin/articles/${SEED_ID}/edit`);
  expect(edit.body).toContain('telegram-status--sent">نُشر</span>');
  expect(edit.body).toContain(`<time datetime="${NOW.toISOString()}"`);
  expect(edit.body).toContain('<p class="telegram-why">نشره محرر بزر «نشر في تيليغرام».</p>');
  expect(edit.body).toContain(
    '<p class="field__hint telegram-once">لا يُنشر المقال في القناة إلا مرة واحدة، ' +
      'فلن يُنشر مجدداً إن عُلِّم عاجلاً أو عُدِّل.</p>',
  );
  expect(edit.body).not.toContain('نشر في تيليغرام</button>');
});
