import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { findViewCount } from '../../src/storage/repositories/article-views.repository.js';
import { BROWSER, SEED_ID, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  const seed = SEED_ID as ArticleId;
  let site: TestSite;
  beforeEach(async () => {
    site = await testSite({}, { dialect });
  });
  afterEach(async () => {
    await site.close();
  });

  const stored = () => findViewCount(site.database.db, seed);

  /** A view beacon, as reader.js sends it, from `visitor` (an address). */
  const beacon = (
    id: string,
    headers: Record<string, string> = { 'user-agent': BROWSER },
    visitor = '203.0.113.7',
  ) => site.app.inject({ method: 'POST', url: `/views/${id}`, headers, remoteAddress: visitor });

  describe('view counting', () => {
    it('counts 200 concurrent beacons from 200 readers exactly, once flushed, without writing per request', async () => {
      const before = await stored();
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          beacon(SEED_ID, { 'user-agent': BROWSER }, `198.51.100.${i}`),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(200).fill(204));
      expect(responses.every((r) => r.body === '')).toBe(true);
      expect(await stored()).toBe(before);

      expect(await site.viewCounter.flush()).toBe(200);
      expect(await stored()).toBe((before ?? 0) + 200);
    });

    it('takes 60 beacons a minute from one address, and answers the rest 429 without counting them', async () => {
      const statuses = [];
      for (let i = 0; i < 70; i++) {
        statuses.push(
          (await beacon(SEED_ID, { 'user-agent': `${BROWSER} script/${i}` })).statusCode,
        );
      }
      expect(statuses).toEqual([...Array(60).fill(204), ...Array(10).fill(429)]);
      expect(await site.viewCounter.flush()).toBe(60);
    });

    it('counts a reader once in 30 minutes, however often the page is reloaded', async () => {
      await beacon(SEED_ID);
      await beacon(SEED_ID);
      await beacon(SEED_ID, { 'user-agent': `${BROWSER} other-browser` });
      await beacon(SEED_ID, { 'user-agent': BROWSER }, '203.0.113.8');
      expect(await site.viewCounter.flush()).toBe(3);
    });

    it('counts a page served from the page cache: the beacon, not the render, counts', async () => {
      const first = await site.app.inject({
        url: `/a/${SEED_ID}`,
        headers: { 'user-agent': BROWSER },
      });
      const second = await site.app.inject({
        url: `/a/${SEED_ID}`,
        headers: { 'user-agent': BROWSER },
      });
      expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
      expect(second.body).toContain(`data-view-beacon="/views/${SEED_ID}"`);
      expect(await site.viewCounter.flush()).toBe(0);
      await beacon(SEED_ID, { 'user-agent': BROWSER }, '192.0.2.1');
      await beacon(SEED_ID, { 'user-agent': BROWSER }, '192.0.2.2');
      expect(await site.viewCounter.flush()).toBe(2);
    });

    it.each([
      [
        'Googlebot',
        {
          'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        },
      ],
      ['a WhatsApp link preview', { 'user-agent': 'WhatsApp/2.23.20.0 A' }],
      ['curl', { 'user-agent': 'curl/8.5.0' }],
      ['no user agent', {}],
      ['a Chromium prefetch', { 'user-agent': BROWSER, 'sec-purpose': 'prefetch' }],
      ['a Firefox prefetch', { 'user-agent': BROWSER, 'x-moz': 'prefetch' }],
    ])('does not count %s', async (_name, headers: Record<string, string>) => {
      const before = await stored();
      const res = await beacon(SEED_ID, headers);
      expect(res.statusCode).toBe(204);
      expect(await site.viewCounter.flush()).toBe(0);
      expect(await stored()).toBe(before);
    });

    it('does not count a GET or HEAD of the beacon (a link, a crawler, a prefetch)', async () => {
      for (const method of ['GET', 'HEAD'] as const) {
        const res = await site.app.inject({
          method,
          url: `/views/${SEED_ID}`,
          headers: { 'user-agent': BROWSER },
        });
        // The beacon is POST only (RFC 9110 §15.5.6: 405 with Allow).
        expect([res.statusCode, res.headers.allow]).toEqual([405, 'POST']);
      }
      expect(await site.viewCounter.flush()).toBe(0);
    });

    it('shows the stored count plus the views not yet written', async () => {
      await beacon(SEED_ID, { 'user-agent': BROWSER }, '192.0.2.1');
      await beacon(SEED_ID, { 'user-agent': BROWSER }, '192.0.2.2');
      const res = await site.app.inject({
        url: `/a/${SEED_ID}`,
        headers: { 'user-agent': BROWSER },
      });
      expect(res.body).toContain('<bdi>238</bdi> مشاهدة');
    });

    it("logs no line of a beacon or an event stream at info: not the reader's address, not what they read", async () => {
      const logs: string[] = [];
      const logged = await testSite({ MIDAD_VIEW_BEACONS_PER_MINUTE: '1' }, { dialect, logs });
      try {
        const send = () =>
          logged.app.inject({
            method: 'POST',
            url: `/views/${SEED_ID}`,
            headers: {
              'user-agent': BROWSER,
              'content-type': 'application/x-www-form-urlencoded',
            },
            payload: 'r=https%3A%2F%2Fwww.google.com%2F',
            remoteAddress: '203.0.113.7',
          });
        // A counted beacon, then one past the limit (refused with 429).
        expect([(await send()).statusCode, (await send()).statusCode]).toEqual([204, 429]);
        const reader = { headers: { 'user-agent': BROWSER }, remoteAddress: '203.0.113.7' };
        // The event streams' routes: an article that was never live, a visitor not signed in.
        const live = await logged.app.inject({ url: `/live/${SEED_ID}/events`, ...reader });
        const dashboard = await logged.app.inject({ url: '/admin/live/events', ...reader });
        expect([live.statusCode, dashboard.statusCode]).toEqual([404, 303]);
        // Pages are still logged (so logging is on), without the reader's address; the
        // newsroom's requests with theirs.
        const page = await logged.app.inject({
          url: `/a/${SEED_ID}`,
          headers: { 'user-agent': BROWSER },
          remoteAddress: '192.0.2.50',
        });
        expect(page.statusCode).toBe(200);
        const search = await logged.app.inject({ url: '/search?q=%D8%AD%D9%84%D8%A8', ...reader });
        const signIn = await logged.app.inject({ url: '/admin/login', ...reader });
        expect([search.statusCode, signIn.statusCode]).toEqual([200, 303]);

        expect(logs.filter((line) => /\/views\/|\/live\/|"reqId":"req-[1-4]"/.test(line))).toEqual(
          [],
        );
        expect(logs.filter((line) => line.includes('"reqId":"req-5"'))).toEqual([
          expect.stringContaining(
            `"req":{"method":"GET","url":"/a/${SEED_ID}","host":"localhost:80"},"msg":"incoming request"`,
          ),
          expect.stringContaining('"res":{"statusCode":200},"responseTime":'),
        ]);
        expect(logs.filter((line) => line.includes('"reqId":"req-6"'))[0]).toContain(
          '"req":{"method":"GET","url":"/search?q=%D8%AD%D9%84%D8%A8","host":"localhost:80"},',
        );
        expect(logs.filter((line) => line.includes('"reqId":"req-7"'))[0]).toContain(
          '"req":{"method":"GET","url":"/admin/login","host":"localhost:80","remoteAddress":"203.0.113.7"},',
        );
        expect(logs.filter((line) => /192\.0\.2\.50/.test(line))).toEqual([]);
      } finally {
        await logged.close();
      }
    });

    it('does not count views of a missing article or of a malformed id', async () => {
      expect((await beacon('42')).statusCode).toBe(204);
      expect((await beacon('0x10')).statusCode).toBe(204);
      expect(await site.viewCounter.flush()).toBe(0);
    });
  });
});
