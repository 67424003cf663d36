/**
 * Hostile input to the two forms this issue added, the writer's profile
 * (`/admin/account/profile`) and the front-page settings (`/admin/front-page`):
 * ids that are not ids, lists far past their limits, text past its limit and
 * characters XML forbids. Each is refused (or cleaned) with a message, never
 * a server error, and nothing stored is harmed.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getSiteHeader } from '../../src/services/front-page-settings.js';
import { findAuthorProfile } from '../../src/storage/repositories/users.repository.js';
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

  async function signedIn(role: 'author' | 'administrator'): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    await client.get('/admin/login');
    expect((await client.signIn(`${role}@news.example`, `${role} password 1`)).statusCode).toBe(
      303,
    );
    return client;
  }

  it('refuses a profile with a photo id that is no id and a huge link, and cleans forbidden characters out of the bio', async () => {
    const author = await signedIn('author');
    await author.get('/admin/account');
    const refused = await author.post('/admin/account/profile', {
      photoMediaId: "1' or '1'='1",
      bio: 'نبذة',
      'link-website': `https://a.example/${'x'.repeat(200_000)}`,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('الصورة المختارة ليست في مكتبة الوسائط.');
    expect(refused.body).toContain('الرابط طويل جداً: 500 حرف على الأكثر.');
    const before = await findAuthorProfile(site.database.db, { slug: 'كاتب-الأخبار' });
    expect(before?.bio).toBe('');

    const saved = await author.post('/admin/account/profile', {
      photoMediaId: '',
      bio: 'سطر\u0000 أول\uFFFE\u001B',
    });
    expect(saved.statusCode).toBe(303);
    const after = await findAuthorProfile(site.database.db, { slug: 'كاتب-الأخبار' });
    expect(after?.bio).toBe('سطر أول');
  });

  it('refuses front-page settings with ids that are no ids and lists far past their limits, keeping the stored ones', async () => {
    const admin = await signedIn('administrator');
    await admin.get('/admin/front-page');
    const refused = await admin.post('/admin/front-page', {
      logo: '../../etc/passwd',
      menu: Array.from({ length: 5_000 }, (_, i) => String(i + 1)),
      opinion: '-1',
      'secondary-1': `\u0000${'خبر '.repeat(50_000)}`,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="fp-logo-error"');
    expect(refused.body).toContain('id="fp-menu-error"');
    expect(refused.body).toContain('id="fp-opinion-error"');
    expect(refused.body).toContain('id="fp-secondary-1-error"');
    expect(refused.body).not.toContain('\u0000');
    expect((await getSiteHeader({ database: site.database })).menu).toEqual([]);
  });
});
