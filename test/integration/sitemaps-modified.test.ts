/**
 * A sitemap's `lastmod` is the article's public modification (issue 19):
 * a silent save does not move it, a correction does; the file's entity tag
 * still follows every save.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import type { DialectName } from '../../src/storage/database.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { plusMinutes } from '../helpers/live-rows.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { SEED_ID, testSite, type TestSite } from '../helpers/site.js';
import { parseXml } from '../helpers/xml.js';

const ORIGIN = 'https://news.example';
const T0 = new Date('2026-11-29T10:00:00.000Z');
const SLUG = 'ارتفاع-أسعار-الخبز';

describeEachDialect((dialect: DialectName) => {
  let site: TestSite;
  let staff: Staff;
  let id: ArticleId;
  const at = (minutes: number) => ({
    database: site.database,
    now: () => plusMinutes(T0, minutes),
  });
  const article = (headline: string) =>
    content([staff.editor.id], { headline, slug: SLUG, tags: [] });
  const lastmods = async () => {
    const month = parseXml((await site.app.inject('/sitemaps/2026-11.xml')).body).urlset.url;
    const index = parseXml((await site.app.inject('/sitemap.xml')).body).sitemapindex.sitemap;
    return {
      article: month.map((u: { lastmod: string }) => u.lastmod),
      index: index.map((s: { loc: string; lastmod: string }) => [s.loc, s.lastmod]),
    };
  };

  beforeAll(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => T0);
    id = await createDraft(at(0), staff.editor);
    await saveArticle(at(0), staff.editor, id, article('ارتفاع أسعار الخبز في دمشق'));
    await moveArticle(at(0), staff.editor, id, 'publish');
  });
  afterAll(async () => {
    await site.close();
  });

  it('gives a new article its publish time', async () => {
    expect(await lastmods()).toEqual({
      article: ['2026-11-29T10:00:00.000Z'],
      index: [
        [`${ORIGIN}/sitemaps/2020-01.xml`, '2020-01-18T09:43:00.000Z'],
        [`${ORIGIN}/sitemaps/2026-11.xml`, '2026-11-29T10:00:00.000Z'],
      ],
    });
  });

  it('keeps lastmod through a silent save, but not the entity tag of the file', async () => {
    const before = await site.app.inject('/sitemaps/2026-11.xml');
    const indexBefore = await site.app.inject('/sitemap.xml');
    await saveArticle(at(60), staff.editor, id, article('ارتفاع أسعار الخبز في دمشق وريفها'));
    expect(await lastmods()).toEqual({
      article: ['2026-11-29T10:00:00.000Z'],
      index: [
        [`${ORIGIN}/sitemaps/2020-01.xml`, '2020-01-18T09:43:00.000Z'],
        [`${ORIGIN}/sitemaps/2026-11.xml`, '2026-11-29T10:00:00.000Z'],
      ],
    });
    const after = await site.app.inject({
      url: '/sitemaps/2026-11.xml',
      headers: { 'if-none-match': String(before.headers.etag) },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers['last-modified']).toBe('Sun, 29 Nov 2026 10:00:00 GMT');
    const index = await site.app.inject({
      url: '/sitemap.xml',
      headers: { 'if-none-match': String(indexBefore.headers.etag) },
    });
    expect(index.statusCode).toBe(304);
  });

  it('moves lastmod, of the article and of its file, with a correction', async () => {
    await saveArticle(at(90), staff.editor, id, article('ارتفاع أسعار الخبز في دمشق وريفها'), {
      note: { kind: 'correction', text: 'ورد في نسخة سابقة أن السعر ارتفع 20%، والصحيح 15%.' },
    });
    expect(await lastmods()).toEqual({
      article: ['2026-11-29T11:30:00.000Z'],
      index: [
        [`${ORIGIN}/sitemaps/2020-01.xml`, '2020-01-18T09:43:00.000Z'],
        [`${ORIGIN}/sitemaps/2026-11.xml`, '2026-11-29T11:30:00.000Z'],
      ],
    });
    const seed = parseXml((await site.app.inject('/sitemaps/2020-01.xml')).body).urlset.url;
    expect(seed[0].loc).toContain(`/a/${SEED_ID}/`);
    expect(seed[0].lastmod).toBe('2020-01-18T09:43:00.000Z');
  });
});
