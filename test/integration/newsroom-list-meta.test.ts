/**
 * The newsroom's lists (issue 17, part 9): an imported article's "last
 * change" is the date it was imported until someone edits it here (not
 * the source's date, which an import stores as its last change); no stray
 * `·` without a byline; and counts read as Arabic («لا مقالات», «مقال
 * واحد», «مقالان», …).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toArticleId } from '../../src/domain/article-id.js';
import { loadArticle, saveArticle } from '../../src/services/edit-article.js';
import {
  saveImportedArticles,
  type ImportedArticle,
} from '../../src/services/save-imported-article.js';
import { startSession } from '../../src/services/sessions.js';
import { importSite } from '../../src/services/site-import/import-site.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { MEDIA_LIMITS } from '../helpers/images.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { siteExport, sitePost } from '../helpers/site-export.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

/** An imported article published in 2019, with what this test needs. */
const imported = (id: string, over: Partial<ImportedArticle> = {}): ImportedArticle => ({
  id: toArticleId(id),
  headline: `خبر مستورد ${id}`,
  paragraphs: ['نص الخبر.'],
  readAlso: [],
  moreHeadlines: [],
  byline: null,
  sectionName: null,
  publishedAt: new Date('2019-03-04T08:00:00Z'),
  publishedPrecision: 'minute',
  publishedLocalTime: null,
  views: 0,
  sourceUrl: null,
  slug: null,
  ...over,
});

/** The meta line of the row whose headline is `headline`. */
function metaOf(html: string, headline: string): string {
  const row = html.slice(html.indexOf(`>${headline}</a>`));
  const m = /<span class="article-row__meta">(.*?)<\/span>/.exec(row);
  return m?.[1] ?? '';
}

/** `<time datetime="…">text</time>` with the text left out. */
const times = (meta: string) => meta.replace(/<time datetime="([^"]+)">[^<]*<\/time>/g, '[$1]');

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let now: Date;
  const deps = () => ({ database: site.database, now: () => now });

  beforeEach(async () => {
    now = NOW;
    site = await testSite({}, { demo: false, dialect });
    staff = await createStaff(site.database, () => NOW);
  });
  afterEach(async () => {
    await site.close();
  });

  async function editor(): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    client.cookies.set('midad_session', await startSession(deps(), staff.editor.id));
    return client;
  }

  describe('the newsroom list', () => {
    it('says when an imported article was imported, with no stray separator without a byline', async () => {
      await saveImportedArticles(deps(), [
        imported('701'),
        imported('702', { byline: 'وكالة سانا' }),
      ]);
      const list = (await (await editor()).get('/admin')).body;

      expect(times(metaOf(list, 'خبر مستورد 701'))).toBe('استُورد [2026-11-29T12:00:00.000Z]');
      expect(times(metaOf(list, 'خبر مستورد 702'))).toBe(
        '<bdi>وكالة سانا</bdi> · استُورد [2026-11-29T12:00:00.000Z]',
      );
      expect(list).not.toContain('<span class="article-row__meta"><bdi></bdi>');
    });

    it('says the date of a re-import, then the last change and bylines once the newsroom edits it', async () => {
      await saveImportedArticles(deps(), [imported('703')]);
      now = new Date('2026-12-01T09:00:00Z');
      await saveImportedArticles(deps(), [imported('703', { paragraphs: ['نص مصحح.'] })]);
      const client = await editor();
      expect(times(metaOf((await client.get('/admin')).body, 'خبر مستورد 703'))).toBe(
        'استُورد [2026-12-01T09:00:00.000Z]',
      );

      now = new Date('2026-12-02T10:30:00Z');
      const article = await loadArticle(deps(), toArticleId('703'));
      await saveArticle(deps(), staff.editor, article.id, {
        headline: article.headline,
        excerpt: article.excerpt,
        bodyHtml: article.bodyHtml,
        slug: article.slug,
        seoTitle: '',
        seoDescription: '',
        sectionId: null,
        tags: [],
        authorIds: [staff.author.id],
        featuredMediaId: null,
        featuredCaption: '',
        featuredCredit: '',
      });
      expect(times(metaOf((await client.get('/admin')).body, 'خبر مستورد 703'))).toBe(
        '<bdi>كاتب الأخبار</bdi> · آخر تعديل [2026-12-02T10:30:00.000Z]',
      );
    });

    it('says when a WordPress post was imported, not its date of last edit there', async () => {
      await importSite(
        {
          database: site.database,
          now: () => NOW,
          media: { ...MEDIA_LIMITS, mediaDir: testFolder('list-meta-import') },
        },
        siteExport([sitePost({ key: '123' })]),
        { dryRun: false, images: { uploadsDir: null, fetch: false } },
      );
      const meta = times(metaOf((await (await editor()).get('/admin')).body, 'خبر رقم 123'));
      expect(meta).toMatch(/^<bdi>[^<]+<\/bdi> · استُورد \[2026-11-29T12:00:00.000Z\]$/);
      expect(meta).not.toContain('2021-01-04');
    });

    it("says a newsroom article's bylines and last change", async () => {
      const client = await editor();
      await client.get('/admin/articles/new');
      const res = await client.post('/admin/articles', {
        headline: 'خبر من غرفة الأخبار',
        body_html: '<p>نص.</p>',
      });
      expect(res.statusCode).toBe(303);
      expect(times(metaOf((await client.get('/admin')).body, 'خبر من غرفة الأخبار'))).toBe(
        '<bdi>محرر الصفحة الأولى</bdi> · آخر تعديل [2026-11-29T12:00:00.000Z]',
      );
    });
  });

  describe('counts', () => {
    it('reads the number of articles of a section as Arabic: none, one, two', async () => {
      await ensureSection(site.database.db, { slug: 'رياضة', name: 'رياضة' }, NOW);
      await saveImportedArticles(deps(), [
        imported('801', { sectionName: 'اقتصاد' }),
        imported('802', { sectionName: 'سياسة' }),
        imported('803', { sectionName: 'سياسة' }),
      ]);
      const page = (await (await editor()).get('/admin/sections')).body;
      const countOf = (name: string) =>
        new RegExp(`<strong>${name}</strong></a><span>([^<]*)</span>`).exec(page)?.[1];
      expect(countOf('رياضة')).toBe('لا مقالات');
      expect(countOf('اقتصاد')).toBe('مقال واحد');
      expect(countOf('سياسة')).toBe('مقالان');
      expect(page).not.toMatch(/\d مقال</);
    });
  });
});
