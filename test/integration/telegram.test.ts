/**
 * The Telegram channel (issue 20), against a local fake Bot API
 * (test/helpers/telegram-bot-api.ts) that parses the HTML as Telegram
 * does, on both engines: the connection check says what is wrong;
 * breaking news and the chosen sections' articles are posted once, with
 * the exact caption and entities; an editor posts by hand; 429 waits for
 * retry_after; refusals are kept for the log; two workers never post one
 * article twice.
 */
import { createServer } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { setBreaking } from '../../src/services/front-page.js';
import { moveArticle } from '../../src/services/move-article.js';
import { OutboxWorker } from '../../src/services/outbox-worker.js';
import {
  postToTelegram,
  recentTelegramPosts,
  telegramPostState,
} from '../../src/services/telegram-posts.js';
import { telegramSender } from '../../src/services/telegram-sender.js';
import {
  checkTelegramConnection,
  saveTelegramSettings,
  telegramSettingsView,
} from '../../src/services/telegram-settings.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { getSetting } from '../../src/storage/repositories/settings.repository.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW } from '../helpers/site.js';
import { FAKE_TOKEN, startFakeBotApi, type FakeBotApi } from '../helpers/telegram-bot-api.js';

/** The URL of a local port nothing listens on. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describeEachDialect((dialect) => {
  let database: TestDatabase;
  let staff: Staff;
  let fake: FakeBotApi;
  let clock: Date;
  let politics: string;
  let sport: string;
  const deps = () => ({
    database,
    now: () => clock,
    config: { telegramApi: fake.url },
  });
  const sender = (api = fake.url) =>
    telegramSender({
      database,
      config: { telegramApi: api, baseUrl: 'https://news.example', host: '127.0.0.1', port: 3000 },
      timeoutMs: 2000,
    });
  const worker = (api?: string) =>
    new OutboxWorker({ database, now: () => clock, sender: sender(api) });

  const connect = (over: Partial<Parameters<typeof saveTelegramSettings>[2]> = {}) =>
    saveTelegramSettings(deps(), staff.administrator, {
      token: FAKE_TOKEN,
      chat: '@midad_news',
      autoBreaking: true,
      sectionIds: [politics],
      ...over,
    });

  async function publish(over: Parameters<typeof content>[1] = {}): Promise<ArticleId> {
    const id = await createDraft(deps(), staff.editor);
    await saveArticle(deps(), staff.editor, id, content([staff.author.id], over));
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    clock = NOW;
    staff = await createStaff(database, () => clock);
    fake = await startFakeBotApi();
    politics = (await ensureSection(database.db, { slug: 'politics', name: 'سياسة' }, NOW)).id;
    sport = (await ensureSection(database.db, { slug: 'sport', name: 'رياضة' }, NOW)).id;
  });
  afterEach(async () => {
    await fake.close();
    await database.close();
  });

  it('the check says what is wrong, in order: nothing saved, the token, the channel, the bot’s rights', async () => {
    const check = () => checkTelegramConnection(deps(), staff.administrator);
    expect(await check()).toEqual({ ok: false, problem: 'not-set', detail: '' });

    await connect({ token: '7012345678:AAWrongTokenWrongTokenWrongToken_xx' });
    expect(await check()).toEqual({
      ok: false,
      problem: 'token',
      detail: 'Unauthorized',
      chat: '@midad_news',
    });

    await connect({ chat: '@no_such_channel' });
    expect(await check()).toEqual({
      ok: false,
      problem: 'chat-not-found',
      detail: 'Bad Request: chat not found',
      botUsername: 'midad_bot',
      chat: '@no_such_channel',
    });

    const channel = fake.chats.get('@midad_news')!;
    await connect();
    for (const [bot, problem] of [
      [{ status: 'left' }, 'bot-not-member'],
      [{ status: 'member' }, 'not-admin'],
      [{ status: 'administrator', can_post_messages: false }, 'cannot-post'],
    ] as const) {
      channel.bot = bot;
      expect(await check()).toEqual({
        ok: false,
        problem,
        detail: '',
        botUsername: 'midad_bot',
        chat: '@midad_news',
      });
    }
    fake.chats.set('@a_person', {
      id: 42,
      type: 'private',
      username: 'a_person',
      bot: { status: 'member' },
    });
    await connect({ chat: '@a_person' });
    expect((await check()) as { problem: string }).toMatchObject({ problem: 'chat-private' });

    channel.bot = { status: 'administrator', can_post_messages: true };
    await connect({ chat: 'https://t.me/midad_news' });
    expect(await check()).toEqual({
      ok: true,
      botName: 'بوت مداد',
      botUsername: 'midad_bot',
      chatTitle: 'مداد — الأخبار العاجلة',
    });
    expect(await getSetting(database.db, 'telegram.chatTitle')).toBe('مداد — الأخبار العاجلة');
    expect(fake.calls.slice(-3).map((c) => [c.method, c.body])).toEqual([
      ['getMe', {}],
      ['getChat', { chat_id: '@midad_news' }],
      ['getChatMember', { chat_id: '@midad_news', user_id: 7012345678 }],
    ]);
    // The token is in the URL only, and the page sees it masked.
    expect((await telegramSettingsView(deps(), staff.administrator)).maskedToken).toBe(
      '7012345678:…nopq',
    );

    // The API out of reach: a closed port.
    const offline = await checkTelegramConnection(
      { ...deps(), config: { telegramApi: await closedPortUrl() } },
      staff.administrator,
    );
    expect(offline).toEqual({
      ok: false,
      problem: 'network',
      detail: 'network: ECONNREFUSED',
      chat: '@midad_news',
    });
  });

  it('an editor cannot change the connection', async () => {
    await connect();
    await expect(
      saveTelegramSettings(deps(), staff.editor, {
        token: '',
        chat: '@midad_news',
        autoBreaking: true,
        sectionIds: [],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      saveTelegramSettings(deps(), staff.administrator, {
        token: 'not a token',
        chat: '#news',
        autoBreaking: true,
        sectionIds: ['999999'],
      }),
    ).rejects.toMatchObject({
      problems: [
        { code: 'TELEGRAM_TOKEN_INVALID', field: 'token' },
        { code: 'TELEGRAM_CHAT_INVALID', field: 'chat' },
        { code: 'SECTION_NOT_FOUND', field: 'sections' },
      ],
    });
  });

  it('breaking news is posted once, as a photo with the exact caption and entities', async () => {
    await connect({ sectionIds: [] });
    const id = await publish({
      headline: 'زلزال بقوة 6 درجات يضرب جنوب تركيا',
      excerpt: 'شعر به سكان حلب وإدلب، ولا أنباء عن ضحايا حتى الآن.',
      sectionId: sport,
    });
    expect(await worker().runOnce()).toBe(0);
    const media = await database.db
      .insertInto('media')
      .values({
        uploaded_by: BigInt(staff.editor.id),
        original_name: 'quake.jpg',
        mime: 'image/jpeg',
        width: 1600,
        height: 900,
        bytes: 1000,
        widths: '[320,640,960,1280,1600]',
        original_file: 'original.jpg',
        created_at: NOW.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('articles')
      .set({ featured_media_id: BigInt(String(media.id)) })
      .where('id', '=', BigInt(id))
      .execute();

    await setBreaking(deps(), staff.editor, id, 60);
    await setBreaking(deps(), staff.editor, id, 120);
    expect(await worker().runOnce()).toBe(1);
    expect(await worker().runOnce()).toBe(0);

    const link = `https://news.example/a/${id}`;
    expect(fake.posts().map((c) => [c.method, c.body])).toEqual([
      [
        'sendPhoto',
        {
          chat_id: '@midad_news',
          photo: `https://news.example/media/${String(media.id)}/w960.webp`,
          caption:
            '<b>زلزال بقوة 6 درجات يضرب جنوب تركيا</b>\n\n' +
            'شعر به سكان حلب وإدلب، ولا أنباء عن ضحايا حتى الآن.\n\n' +
            `<a href="${link}">${link}</a>`,
          parse_mode: 'HTML',
        },
      ],
    ]);
    const text =
      'زلزال بقوة 6 درجات يضرب جنوب تركيا\n\nشعر به سكان حلب وإدلب، ولا أنباء عن ضحايا حتى الآن.\n\n' +
      link;
    expect(fake.posts()[0]!.parsed).toEqual({
      text,
      entities: [
        { type: 'bold', offset: 0, length: 34 },
        { type: 'text_link', offset: text.length - link.length, length: link.length, url: link },
      ],
    });
    expect((await telegramPostState(deps(), id)).post).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      reason: 'breaking',
    });
  });

  it('a chosen section’s article is posted when published, another section’s is not', async () => {
    await connect({ autoBreaking: false });
    const posted = await publish({ headline: 'البرلمان يقر الموازنة', sectionId: politics });
    const skipped = await publish({ headline: 'المنتخب يفوز بالكأس', sectionId: sport });
    await setBreaking(deps(), staff.editor, skipped, 60);
    expect(await worker().runOnce()).toBe(1);
    const link = `https://news.example/a/${posted}`;
    expect(fake.posts().map((c) => [c.method, c.body])).toEqual([
      [
        'sendMessage',
        {
          chat_id: '@midad_news',
          // The standfirst left empty is the body's first sentence (services/edit-article.ts).
          text:
            '<b>البرلمان يقر الموازنة</b>\n\n' +
            'أعلنت شركة Apple يوم 12 مارس عن iPhone 15 الجديد.\n\n' +
            `<a href="${link}">${link}</a>`,
          parse_mode: 'HTML',
        },
      ],
    ]);
    expect((await telegramPostState(deps(), skipped)).post).toBeNull();
    // Why it was posted, for the editor's panel: its section.
    expect((await telegramPostState(deps(), posted)).post?.reason).toBe('section');
    // Marked breaking once posted: nothing more is queued, and the reason stays.
    await setBreaking(deps(), staff.editor, posted, 60);
    expect(await worker().runOnce()).toBe(0);
    expect(fake.posts()).toHaveLength(1);
    expect((await telegramPostState(deps(), posted)).post?.reason).toBe('section');
  });

  it('an editor posts by hand once; an author may not; a failed post can be posted again', async () => {
    await connect({ sectionIds: [] });
    const id = await publish({ headline: 'افتتاح معرض الكتاب', sectionId: sport });
    await expect(postToTelegram(deps(), staff.author, id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const channel = fake.chats.get('@midad_news')!;
    channel.bot = { status: 'member' };
    expect(await postToTelegram(deps(), staff.editor, id)).toBe('queued');
    expect(await postToTelegram(deps(), staff.editor, id)).toBe('already');
    expect(await worker().runOnce()).toBe(1);
    expect((await telegramPostState(deps(), id)).post).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '403 Forbidden: bot is not a member of the channel chat',
      reason: 'manual',
    });
    channel.bot = { status: 'administrator', can_post_messages: true };
    expect(await postToTelegram(deps(), staff.editor, id)).toBe('queued');
    expect(await worker().runOnce()).toBe(1);
    expect(await postToTelegram(deps(), staff.editor, id)).toBe('already');
    expect(fake.posts()).toHaveLength(1);
    const log = await recentTelegramPosts(deps(), staff.administrator);
    expect(log.map((p) => [p.articleId, p.headline, p.status])).toEqual([
      [id, 'افتتاح معرض الكتاب', 'sent'],
    ]);
    const draft = await createDraft(deps(), staff.editor);
    await expect(postToTelegram(deps(), staff.editor, draft)).rejects.toMatchObject({
      code: 'TELEGRAM_NOT_PUBLISHED',
    });
  });

  it('429 waits for retry_after; a network failure is retried without the token in the log', async () => {
    await connect();
    const id = await publish({ headline: 'عاجل', sectionId: politics });
    fake.force('sendMessage', {
      status: 429,
      description: 'Too Many Requests: retry after 7',
      retry_after: 7,
    });
    expect(await worker().runOnce()).toBe(1);
    expect((await telegramPostState(deps(), id)).post).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: '429 Too Many Requests: retry after 7',
      nextAttemptAt: new Date(NOW.getTime() + 7000),
    });
    clock = new Date(NOW.getTime() + 6999);
    expect(await worker().runOnce()).toBe(0);
    clock = new Date(NOW.getTime() + 7000);
    expect(await worker().runOnce()).toBe(1);
    expect(fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(2);
    expect(fake.posts()).toHaveLength(1);

    const other = await publish({ headline: 'خبر ثان', sectionId: politics });
    expect(await worker(await closedPortUrl()).runOnce()).toBe(1);
    const post = (await telegramPostState(deps(), other)).post!;
    expect(post).toMatchObject({ status: 'pending', attempts: 1 });
    expect(post.lastError).toBe('network: ECONNREFUSED');
    expect(post.lastError).not.toContain(FAKE_TOKEN.split(':')[1]);
  });

  it('escapes <, & and > in a headline and keeps the Arabic text intact', async () => {
    await connect();
    const headline = 'أرباح «س&ص» ترتفع <50%> في الربع الثالث';
    const id = await publish({
      headline,
      excerpt: 'كلمة '.repeat(120).trim(),
      sectionId: politics,
    });
    await database.db
      .insertInto('media')
      .values({
        uploaded_by: BigInt(staff.editor.id),
        original_name: 'a.png',
        mime: 'image/png',
        width: 800,
        height: 600,
        bytes: 10,
        widths: '[320,640,800]',
        original_file: 'original.png',
        created_at: NOW.toISOString(),
      })
      .execute();
    const mediaId = (await database.db.selectFrom('media').select('id').executeTakeFirstOrThrow())
      .id;
    await database.db
      .updateTable('articles')
      .set({ featured_media_id: BigInt(String(mediaId)) })
      .where('id', '=', BigInt(id))
      .execute();
    expect(await worker().runOnce()).toBe(1);
    const [call] = fake.posts();
    expect(call!.body.photo).toBe(`https://news.example/media/${String(mediaId)}/w800.webp`);
    expect(String(call!.body.caption)).toContain(
      '<b>أرباح «س&amp;ص» ترتفع &lt;50%&gt; في الربع الثالث</b>',
    );
    const parsed = call!.parsed!;
    expect(parsed.text).toBe(
      `${headline}\n\n${'كلمة '.repeat(120).trim()}\n\nhttps://news.example/a/${id}`,
    );
    expect(parsed.entities[0]).toEqual({ type: 'bold', offset: 0, length: headline.length });
  });

  it('posts the text alone when Telegram cannot fetch the photo', async () => {
    await connect();
    const id = await publish({ headline: 'صورة لا تصل', sectionId: politics });
    const media = await database.db
      .insertInto('media')
      .values({
        uploaded_by: BigInt(staff.editor.id),
        original_name: 'x.jpg',
        mime: 'image/jpeg',
        width: 640,
        height: 480,
        bytes: 10,
        widths: '[320,640]',
        original_file: 'original.jpg',
        created_at: NOW.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('articles')
      .set({ featured_media_id: BigInt(String(media.id)) })
      .where('id', '=', BigInt(id))
      .execute();
    fake.force('sendPhoto', {
      status: 400,
      description: 'Bad Request: failed to get HTTP URL content',
    });
    expect(await worker().runOnce()).toBe(1);
    expect(fake.calls.map((c) => c.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(fake.calls[0]!.body.photo).toBe(
      `https://news.example/media/${String(media.id)}/w640.webp`,
    );
    expect(fake.posts().map((c) => c.method)).toEqual(['sendMessage']);
    expect((await telegramPostState(deps(), id)).post).toMatchObject({ status: 'sent' });
  });

  it('two workers at once never post an article twice', async () => {
    await connect();
    const ids: ArticleId[] = [];
    for (let i = 1; i <= 6; i++)
      ids.push(await publish({ headline: `خبر رقم ${i}`, sectionId: politics }));
    const [a, b] = [worker(), worker()];
    const attempts = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(attempts[0] + attempts[1]).toBe(6);
    expect(await worker().runOnce()).toBe(0);
    const posted = fake.posts().map((c) => String(c.body.text).match(/\/a\/(\d+)"/)?.[1]);
    expect(posted.sort()).toEqual([...ids].sort());
  });
});
