import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { verifyWebhook } from '../../src/lib/webhook-signature.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { WebhookDispatcher } from '../../src/services/webhook-dispatcher.js';
import { createWebhook, webhooksOverview } from '../../src/services/webhooks.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

/** A local receiver that answers with the statuses queued in `answers` (then 200). */
interface Receiver {
  url: string;
  received: Array<{ headers: IncomingMessage['headers']; body: string }>;
  answers: number[];
  /** When true, requests get no answer at all. */
  hang: boolean;
  server: Server;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], answers: [], hang: false, server: null! };
  receiver.server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      receiver.received.push({ headers: request.headers, body });
      if (receiver.hang) return;
      response.statusCode = receiver.answers.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks/midad`;
  return receiver;
}

let dir: string;
let database: Database;
let staff: Staff;
let receiver: Receiver;
let clock: Date;
const deps = () => ({ database, now: () => clock });
const dispatcher = (timeoutMs = 2000) =>
  new WebhookDispatcher({ ...deps(), baseUrl: 'https://news.example', timeoutMs });

async function publishArticle(headline = 'وزير "الاقتصاد" & التجارة يعلن خطة'): Promise<ArticleId> {
  const id = await createDraft(deps(), staff.editor);
  await saveArticle(
    deps(),
    staff.editor,
    id,
    content([staff.author.id], { headline, slug: 'خطة' }),
  );
  await moveArticle(deps(), staff.editor, id, 'publish');
  return id;
}

beforeEach(async () => {
  dir = testFolder('hooks');
  database = await openDatabase({ file: join(dir, 'site.db') });
  clock = NOW;
  staff = await createStaff(database, () => clock);
  receiver = await startReceiver();
});
afterEach(async () => {
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
  await database.close();
});

const register = (events = ['article.published', 'article.updated', 'article.unpublished']) =>
  createWebhook(deps(), staff.administrator, { url: receiver.url, events, allowPrivate: true });

describe('publish webhooks', () => {
  it('delivers a signed article.published that the receiver can verify', async () => {
    const { secret } = await register();
    const id = await publishArticle();
    expect(receiver.received).toEqual([]);

    expect(await dispatcher().runOnce()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received as [Receiver['received'][number]];
    expect(headers['content-type']).toBe('application/json');
    expect(headers['midad-event']).toBe('article.published');
    expect(verifyWebhook(secret, body, String(headers['midad-signature']), clock)).toBe(true);
    expect(JSON.parse(body)).toEqual({
      event: 'article.published',
      occurredAt: NOW.toISOString(),
      article: {
        id,
        headline: 'وزير "الاقتصاد" & التجارة يعلن خطة',
        slug: 'خطة',
        path: `/a/${id}/%D8%AE%D8%B7%D8%A9`,
        publishedAt: NOW.toISOString(),
        url: `https://news.example/a/${id}/%D8%AE%D8%B7%D8%A9`,
      },
    });
    const { deliveries } = await webhooksOverview(deps(), staff.administrator);
    expect(deliveries.map((d) => [d.event, d.status, d.attempts, d.lastStatusCode])).toEqual([
      ['article.published', 'delivered', 1, 200],
    ]);
  });

  it('reports updates and unpublishing, only to hooks that asked for them', async () => {
    await register(['article.unpublished']);
    const id = await publishArticle();
    await saveArticle(deps(), staff.editor, id, content([staff.author.id], { headline: 'جديد' }));
    await moveArticle(deps(), staff.editor, id, 'unpublish');
    await dispatcher().runOnce();
    expect(receiver.received.map((r) => JSON.parse(r.body).event)).toEqual(['article.unpublished']);
    expect(JSON.parse(receiver.received[0]!.body).article.headline).toBe('جديد');
  });

  it('retries a failing receiver with exponential back-off until it answers', async () => {
    await register(['article.published']);
    await publishArticle();
    receiver.answers.push(500, 503);
    const send = dispatcher();

    await send.runOnce();
    let [delivery] = (await webhooksOverview(deps(), staff.administrator)).deliveries;
    expect([delivery?.status, delivery?.attempts, delivery?.lastError]).toEqual([
      'pending',
      1,
      'HTTP 500',
    ]);
    expect(delivery?.nextAttemptAt).toEqual(new Date(NOW.getTime() + 30_000));
    expect(await send.runOnce()).toBe(0); // not due yet

    clock = new Date(NOW.getTime() + 30_000);
    await send.runOnce();
    [delivery] = (await webhooksOverview(deps(), staff.administrator)).deliveries;
    expect([delivery?.attempts, delivery?.nextAttemptAt]).toEqual([
      2,
      new Date(clock.getTime() + 60_000),
    ]);

    clock = new Date(clock.getTime() + 60_000);
    await send.runOnce();
    [delivery] = (await webhooksOverview(deps(), staff.administrator)).deliveries;
    expect([delivery?.status, delivery?.attempts, delivery?.lastStatusCode]).toEqual([
      'delivered',
      3,
      200,
    ]);
    expect(receiver.received).toHaveLength(3);
  });

  it('gives up on a delivery a day old', async () => {
    await register(['article.published']);
    await publishArticle();
    receiver.answers.push(...Array.from({ length: 30 }, () => 500));
    const send = dispatcher();
    for (let i = 0; i < 30; i++) {
      await send.runOnce();
      clock = new Date(clock.getTime() + 4 * 60 * 60 * 1000);
    }
    const [delivery] = (await webhooksOverview(deps(), staff.administrator)).deliveries;
    expect(delivery?.status).toBe('failed');
    expect(delivery?.attempts).toBe(receiver.received.length);
    expect((delivery?.finishedAt?.getTime() ?? Infinity) - NOW.getTime()).toBeLessThanOrEqual(
      24 * 60 * 60 * 1000,
    );
  });

  it('never waits for a receiver to publish, and times out one that does not answer', async () => {
    await register(['article.published']);
    receiver.hang = true;
    await publishArticle();
    expect(receiver.received).toEqual([]);

    await dispatcher(300).runOnce();
    const [delivery] = (await webhooksOverview(deps(), staff.administrator)).deliveries;
    expect([delivery?.status, delivery?.lastError]).toEqual(['pending', 'no answer in 300 ms']);
  });

  it('sends after a restart what was queued before it', async () => {
    await register(['article.published']);
    await publishArticle();
    await database.close();

    database = await openDatabase({ file: join(dir, 'site.db') });
    await dispatcher().runOnce();
    expect(receiver.received.map((r) => JSON.parse(r.body).event)).toEqual(['article.published']);
  });

  it.each([
    ['a loopback address', () => receiver.url, 'WEBHOOK_PRIVATE_ADDRESS'],
    ['localhost', () => 'http://localhost:8080/x', 'WEBHOOK_PRIVATE_ADDRESS'],
    ['an IPv6 loopback', () => 'http://[::1]:8080/x', 'WEBHOOK_PRIVATE_ADDRESS'],
    ['a private network address', () => 'https://192.168.1.20/x', 'WEBHOOK_PRIVATE_ADDRESS'],
    [
      'the cloud metadata address',
      () => 'http://169.254.169.254/latest',
      'WEBHOOK_PRIVATE_ADDRESS',
    ],
    ['another scheme', () => 'ftp://example.com/x', 'WEBHOOK_URL_INVALID'],
    ['a URL with a password', () => 'https://u:p@93.184.216.34/x', 'WEBHOOK_URL_INVALID'],
  ])('refuses %s unless private addresses are allowed', async (_name, url, code) => {
    await expect(
      createWebhook(deps(), staff.administrator, {
        url: url(),
        events: ['article.published'],
        allowPrivate: false,
      }),
    ).rejects.toMatchObject({ code });
  });

  it('accepts a public address, and lets only administrators register hooks', async () => {
    await expect(
      createWebhook(deps(), staff.administrator, {
        url: 'https://93.184.216.34/hooks',
        events: ['article.published'],
        allowPrivate: false,
      }),
    ).resolves.toMatchObject({ secret: expect.stringMatching(/^whsec_[\w-]{43}$/) });
    await expect(
      createWebhook(deps(), staff.editor, {
        url: receiver.url,
        events: ['article.published'],
        allowPrivate: true,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
