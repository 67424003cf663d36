import { afterAll, beforeAll, expect, it } from 'vitest';
import { toArticleId } from '../../src/domain/article-id.js';
import { saveImportedArticles } from '../../src/services/save-imported-article.js';
import { startSession } from '../../src/services/sessions.js';
import { AdminClient } from '../helpers/admin-client.js';
import { createStaff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
let editor: AdminClient;
/** An imported article with only what this test needs. */
const imported = (id: string, headline: string, publishedAt: Date) => ({
  id: toArticleId(id),
  headline,
  paragraphs: ['نص الخبر.'],
  readAlso: [],
  moreHeadlines: [],
  byline: null,
  sectionName: null,
  publishedAt,
  publishedPrecision: 'minute' as const,
  publishedLocalTime: null,
  views: 0,
  sourceUrl: null,
  slug: null,
});
const headlines = (html: string) =>
  [...html.matchAll(/class="article-row__headline"[^>]*>([^<]*)</g)].map((m) => m[1]);

beforeAll(async () => {
  site = await testSite({}, { demo: false });
  const deps = { database: site.database, now: () => NOW };
  const staff = await createStaff(site.database, () => NOW);
  await saveImportedArticles(
    deps,
    Array.from({ length: 119 }, (_, i) =>
      imported(String(1000 + i), `خبر رقم ${i + 1}`, new Date(NOW.getTime() - (119 - i) * 60_000)),
    ),
  );
  await saveImportedArticles(deps, [imported('5000', 'الرئيس الأسد يستقبل وفداً', NOW)]);
  editor = new AdminClient(site.app);
  editor.cookies.set('midad_session', await startSession(deps, staff.editor.id));
});
afterAll(() => site.close());

it('pages through every article, 50 at a time', async () => {
  const first = (await editor.get('/admin')).body;
  expect(headlines(first)).toHaveLength(50);
  expect(first).toContain('<a href="/admin?page=2" rel="next">');
  const third = (await editor.get('/admin?page=3')).body;
  expect(headlines(third)).toHaveLength(20);
  expect(third).toContain('<a href="/admin?page=2" rel="prev">');
  expect(third).not.toContain('rel="next"');
});

it('finds a headline whatever its spelling, and keeps the search across pages', async () => {
  expect(headlines((await editor.get(`/admin?q=${encodeURIComponent('الاسد')}`)).body)).toEqual([
    'الرئيس الأسد يستقبل وفداً',
  ]);
  const found = (await editor.get(`/admin?q=${encodeURIComponent('خبر رقم')}`)).body;
  expect(headlines(found)).toHaveLength(50);
  expect(found).toContain(
    `<a href="/admin?q=${encodeURIComponent('خبر رقم').replace(/%20/g, '+')}&amp;page=2" rel="next">`,
  );
});
