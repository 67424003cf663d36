import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { findViewCount } from '../../src/storage/repositories/articles.repository.js';
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

  describe('view counting', () => {
    it('counts 200 concurrent page views exactly, once flushed, without writing per request', async () => {
      const before = await stored();
      const responses = await Promise.all(
        Array.from({ length: 200 }, () =>
          site.app.inject({ url: `/a/${SEED_ID}`, headers: { 'user-agent': BROWSER } }),
        ),
      );
      expect(responses.every((r) => r.statusCode === 200)).toBe(true);
      expect(await stored()).toBe(before);

      expect(await site.viewCounter.flush()).toBe(200);
      expect(await stored()).toBe((before ?? 0) + 200);
    });

    it.each([
      ['a HEAD request', { method: 'HEAD' as const, headers: { 'user-agent': BROWSER } }],
      [
        'Googlebot',
        {
          headers: {
            'user-agent':
              'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
          },
        },
      ],
      ['a WhatsApp link preview', { headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } }],
      ['curl', { headers: { 'user-agent': 'curl/8.5.0' } }],
      ['no user agent', { headers: {} }],
      ['a Chromium prefetch', { headers: { 'user-agent': BROWSER, 'sec-purpose': 'prefetch' } }],
      ['a Firefox prefetch', { headers: { 'user-agent': BROWSER, 'x-moz': 'prefetch' } }],
    ])('does not count %s', async (_name, request) => {
      const before = await stored();
      const res = await site.app.inject({ url: `/a/${SEED_ID}`, ...request });
      expect(res.statusCode).toBe(200);
      expect(await site.viewCounter.flush()).toBe(0);
      expect(await stored()).toBe(before);
    });

    it('shows the stored count plus the views not yet written', async () => {
      await site.app.inject({ url: `/a/${SEED_ID}`, headers: { 'user-agent': BROWSER } });
      const res = await site.app.inject({
        url: `/a/${SEED_ID}`,
        headers: { 'user-agent': BROWSER },
      });
      expect(res.body).toContain('<bdi>238</bdi> مشاهدة');
    });

    it('does not count views of a missing article', async () => {
      await site.app.inject({ url: '/a/42', headers: { 'user-agent': BROWSER } });
      expect(await site.viewCounter.flush()).toBe(0);
    });
  });
});
