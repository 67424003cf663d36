/**
 * `midad serve` posts to the Telegram channel (issue 20): the worker
 * started with the server sends what publishing queued, to the fake Bot
 * API named by MIDAD_TELEGRAM_API, and stops with the server. Needs dist/
 * (`npm run build`).
 */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { importDemoContent } from '../../src/importers/demo-content.js';
import { postToTelegram } from '../../src/services/telegram-posts.js';
import { saveTelegramSettings } from '../../src/services/telegram-settings.js';
import { openDatabase } from '../../src/storage/database.js';
import { createStaff } from '../helpers/newsroom.js';
import { startServe, stopServe } from '../helpers/serve-process.js';
import { NOW, SEED_HEADLINE, SEED_ID } from '../helpers/site.js';
import { FAKE_TOKEN, startFakeBotApi, type FakeBotApi } from '../helpers/telegram-bot-api.js';
import { testFolder } from '../helpers/temp-folder.js';

let fake: FakeBotApi | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

it('the server’s worker posts the queued article once, and stops with the server', async () => {
  fake = await startFakeBotApi();
  const dbFile = join(testFolder('telegram-serve'), 'midad.db');
  const database = await openDatabase({ file: dbFile });
  const staff = await createStaff(database, () => NOW);
  await importDemoContent({ database, now: () => NOW });
  const deps = { database, now: () => new Date(), config: { telegramApi: fake.url } };
  await saveTelegramSettings(deps, staff.administrator, {
    token: FAKE_TOKEN,
    chat: '@midad_news',
    autoBreaking: true,
    sectionIds: [],
  });
  expect(await postToTelegram(deps, staff.editor, SEED_ID as never)).toBe('queued');
  await database.close();

  const server = await startServe(['--db', dbFile], {
    MIDAD_TELEGRAM_API: fake.url,
    MIDAD_BASE_URL: 'https://news.example',
  });
  const deadline = Date.now() + 15_000;
  while (fake.posts().length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await stopServe(server)).toBe(0);
  expect(fake.posts()).toHaveLength(1);
  const [post] = fake.posts();
  expect(post!.token).toBe(FAKE_TOKEN);
  expect(post!.parsed!.text.startsWith(`${SEED_HEADLINE}\n\n`)).toBe(true);
  expect(post!.parsed!.text.endsWith(`\n\nhttps://news.example/a/${SEED_ID}`)).toBe(true);
  expect(server.output()).not.toContain(FAKE_TOKEN.split(':')[1]);
});
