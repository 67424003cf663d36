/**
 * Unpublished work leaks nothing: a section, tag or author whose articles
 * are all drafts, pending, scheduled, unpublished or archived answers 404,
 * like one that does not exist, on its page and its feeds (issue 13, item 8).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApiKey } from '../../src/services/api-keys.js';
import { startSession } from '../../src/services/sessions.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { BROWSER, NOW, testSite, type TestSite } from '../helpers/site.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let editor: AdminClient;
  let sectionId: string;

  const SECTION = encodeURIComponent('تحقيقات');
  const TAG = encodeURIComponent('صفقة-سرية');
  const AUTHOR = encodeURIComponent('كاتب-الأخبار');
  const URLS = [
    `/section/${SECTION}`,
    `/tag/${TAG}`,
    `/author/${AUTHOR}`,
    ...['rss.xml', 'atom.xml', 'feed.json'].flatMap((file) => [
      `/section/${SECTION}/${file}`,
      `/tag/${TAG}/${file}`,
      `/author/${AUTHOR}/${file}`,
    ]),
  ];
  const statuses = async () =>
    Promise.all(
      URLS.map(async (url) => {
        const res = await site.app.inject({ url, headers: { 'user-agent': BROWSER } });
        return `${res.statusCode} ${url}`;
      }),
    );
  const all = (status: number) => URLS.map((url) => `${status} ${url}`);

  beforeEach(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => NOW);
    sectionId = (await ensureSection(site.database.db, { slug: 'تحقيقات', name: 'تحقيقات' }, NOW))
      .id;
    editor = new AdminClient(site.app);
    editor.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now: () => NOW }, staff.editor.id),
    );
    await editor.get('/admin/account');
  });
  afterEach(async () => {
    await site.close();
  });

  async function embargoed(): Promise<string> {
    const created = await editor.post('/admin/articles', {
      headline: 'وثائق عن صفقة لم تُعلن بعد',
      body_html: '<p>نص التحقيق.</p>',
      tags: 'صفقة سرية',
      sectionId,
      authorIds: staff.author.id,
    });
    expect(created.statusCode).toBe(303);
    return /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
  }
  const move = async (id: string, fields: Record<string, string>) =>
    expect((await editor.post(`/admin/articles/${id}/move`, fields)).statusCode).toBe(303);

  it('answers 404 for the section, tag and author of a draft or scheduled article', async () => {
    const id = await embargoed();
    expect(await statuses()).toEqual(all(404));
    await move(id, { move: 'schedule', scheduledAt: '2026-12-30T10:00' });
    expect(await statuses()).toEqual(all(404));
  });

  it('answers 200 once the article is published, and 404 again once it is unpublished or archived', async () => {
    const id = await embargoed();
    await move(id, { move: 'publish' });
    expect(await statuses()).toEqual(all(200));
    await move(id, { move: 'unpublish' });
    expect(await statuses()).toEqual(all(404));
    await move(id, { move: 'publish' });
    expect(await statuses()).toEqual(all(200));
    await move(id, { move: 'archive' });
    expect(await statuses()).toEqual(all(404));
  });

  it('leaves a draft-only tag and section out of the Content API, and refuses them and an author without a byline as filters, like unknown ones', async () => {
    await embargoed();
    const { key } = await createApiKey(
      { database: site.database, now: () => NOW },
      staff.administrator,
      'تطبيق',
    );
    const api = (url: string) =>
      site.app.inject({ url, headers: { authorization: `Bearer ${key}` } });
    const tags = (await api('/api/content/v1/tags')).json() as { tags: Array<{ slug: string }> };
    expect(tags.tags.map((t) => t.slug)).not.toContain('صفقة-سرية');
    const sections = (await api('/api/content/v1/sections')).json() as {
      sections: Array<{ slug: string }>;
    };
    expect(sections.sections.map((t) => t.slug)).not.toContain('تحقيقات');
    for (const [kind, slug] of [
      ['tag', TAG],
      ['section', SECTION],
      ['author', AUTHOR],
    ]) {
      const [unknown, draftOnly] = await Promise.all([
        api(`/api/content/v1/articles?${kind}=${encodeURIComponent('لا-وجود-له')}`),
        api(`/api/content/v1/articles?${kind}=${slug}`),
      ]);
      expect([kind, draftOnly.statusCode, draftOnly.json()]).toEqual([
        kind,
        unknown.statusCode,
        unknown.json(),
      ]);
    }
  });
});
