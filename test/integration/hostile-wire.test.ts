/**
 * Hostile input to the wire desk's routes (issue 18): the source form with
 * fields far past their limits and characters XML forbids, ids that are no
 * ids, and a search query of 200,000 characters. Each is refused (or cut and
 * cleaned) with a message, never a server error, and nothing stored is harmed.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { listWireSources } from '../../src/services/wire-sources.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

describeEachDialect((dialect) => {
  let site: TestSite;

  beforeEach(async () => {
    site = await testSite({}, { dialect, demo: false });
    await createStaff(site.database, () => NOW);
  });
  afterEach(async () => {
    await site.close();
  });

  async function administrator(): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    await client.get('/admin/login');
    await client.signIn('administrator@news.example', 'administrator password 1');
    await client.get('/admin/wire/sources');
    return client;
  }

  it('refuses a source with fields far past their limits and forbidden characters, storing nothing', async () => {
    const admin = await administrator();
    const refused = await admin.post('/admin/wire/sources', {
      name: `\u0000${'م'.repeat(20_000)}`,
      agency: `\uFFFE${'و'.repeat(20_000)}`,
      url: `https://agency.example/${'x'.repeat(20_000)}`,
      folder: '',
      sectionSlug: "1' or '1'='1",
      everyMinutes: '9'.repeat(500),
    });
    expect(refused.statusCode).toBe(422);
    for (const field of ['name', 'agency', 'url', 'sectionSlug', 'everyMinutes']) {
      expect(refused.body).toContain(`id="field-${field}-error"`);
    }
    expect(refused.body).not.toContain('\u0000');
    expect(await listWireSources({ database: site.database, now: () => NOW }, null)).toEqual([]);
  });

  it('answers ids that are no ids with 404 and a 200,000-character search with the queue', async () => {
    const admin = await administrator();
    // A source's name is no address: only ids are (the CLI alone removes by name).
    await admin.post('/admin/wire/sources', { name: 'qna', agency: 'قنا', folder: '/tmp' });
    for (const id of ['../../etc/passwd', '1e999', '99999999999999999999999', '-1', 'qna']) {
      const path = encodeURIComponent(id);
      expect((await admin.get(`/admin/wire/items/${path}`)).statusCode).toBe(404);
      expect((await admin.post(`/admin/wire/items/${path}/use`, {})).statusCode).toBe(404);
      expect((await admin.post(`/admin/wire/sources/${path}`, { enabled: 'no' })).statusCode).toBe(
        404,
      );
      const removed = await admin.post(`/admin/wire/sources/${path}/delete`, { confirm: 'yes' });
      expect(removed.statusCode).toBe(404);
    }
    const search = await admin.get(
      `/admin/wire?q=${encodeURIComponent(`\u0000${'الأسد '.repeat(40_000)}`)}&page=1e9&source=x'`,
    );
    expect(search.statusCode).toBe(200);
    expect(search.body).not.toContain('\u0000');
  });
});
