import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER, SEED_ID, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  beforeEach(async () => {
    site = await testSite({}, { dialect });
  });
  afterEach(async () => {
    await site.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ url, headers: { 'user-agent': BROWSER, ...headers } });

  describe('failures', () => {
    it('answers a database failure with the Arabic 500 page and tells nothing of the cause', async () => {
      await sql`alter table articles rename to articles_gone`.execute(site.database.db);
      for (const url of ['/', `/a/${SEED_ID}`]) {
        const res = await get(url);
        expect(res.statusCode).toBe(500);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('<h1>حدث خطأ</h1>');
        expect(res.body).not.toMatch(/SQLITE|no such table/i);
      }
    });

    it('answers an over-long path parameter with the 404 page, without echoing it', async () => {
      const res = await get(`/a/${'7'.repeat(400)}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('<h1>الصفحة غير موجودة</h1>');
      expect(res.body).not.toContain('7'.repeat(300));
    });
  });

  describe('headers', () => {
    it('does not ask browsers to upgrade a plain-HTTP site to HTTPS', async () => {
      const res = await get(`/a/${SEED_ID}`);
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    });

    it('compresses pages for browsers that accept gzip, and the page is the same', async () => {
      const plain = await get(`/a/${SEED_ID}`, { 'user-agent': 'bot' });
      const gzipped = await get(`/a/${SEED_ID}`, {
        'user-agent': 'bot',
        'accept-encoding': 'gzip',
      });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);
      expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    });

    it('serves the favicon', async () => {
      const res = await get('/favicon.ico');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml');
      expect(res.body).toMatch(/^<svg /);
    });
  });
});
