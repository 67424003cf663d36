import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { importJsonl } from '../../src/importers/jsonl/import-jsonl.js';
import { fillMissingSlugs } from '../../src/services/fill-slugs.js';
import type { Database } from '../../src/storage/database.js';
import {
  countArticles,
  findArticleById,
} from '../../src/storage/repositories/articles.repository.js';
import { emptyDatabase, NOW } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { testFolder } from '../helpers/temp-folder.js';

describeEachDialect((dialect) => {
  let database: Database;
  beforeEach(async () => {
    database = await emptyDatabase(dialect);
  });
  afterEach(async () => {
    await database.close();
  });

  function file(lines: string[]): string {
    const path = join(testFolder('jsonl'), 'articles.jsonl');
    writeFileSync(path, lines.join('\n'));
    return path;
  }
  const line = (over: Record<string, unknown>) =>
    JSON.stringify({
      id: '1000000001',
      title: 'عنوان الخبر',
      body: 'السطر الأول.\nالسطر الثاني.',
      section: 'economy',
      date: '2017-01-25',
      ...over,
    });

  describe('importing JSON Lines', () => {
    it('keeps the id, maps the section to Arabic, dates the day, and makes one paragraph per line', async () => {
      const summary = await importJsonl({ database, now: () => NOW }, file([line({})]), {
        timeZone: 'Africa/Tunis',
      });
      expect(summary).toEqual({ created: 1, updated: 0, skipped: [], warnings: [] });
      const article = await findArticleById(database.db, '1000000001' as ArticleId);
      expect(article).toMatchObject({
        headline: 'عنوان الخبر',
        bodyHtml: '<p>السطر الأول.</p>\n<p>السطر الثاني.</p>',
        section: { name: 'اقتصاد', slug: 'اقتصاد' },
        publishedPrecision: 'day',
      });
      expect(article?.publishedAt?.toISOString()).toBe('2017-01-24T23:00:00.000Z');
    });

    it('reports bad lines by number, skips them, and imports the rest', async () => {
      const summary = await importJsonl(
        { database, now: () => NOW },
        file([
          line({ id: '1' }),
          '{not json',
          line({ id: '3', body: '   ' }),
          JSON.stringify({ id: '4', title: 'بلا نص' }),
          '',
          line({ id: '6', date: '2017-13-45' }),
          line({ id: '7', title: null }),
        ]),
        { timeZone: 'Africa/Tunis' },
      );
      expect(summary.skipped).toEqual([
        { line: 2, reason: 'not valid JSON' },
        { line: 3, reason: 'no body' },
        { line: 4, reason: 'no body' },
      ]);
      expect(summary.warnings).toEqual([
        { line: 6, warning: 'The date 2017-13-45 does not exist, so the date is left empty.' },
        { line: 7, warning: 'The line has no title, so the headline is the start of the body.' },
      ]);
      expect(summary.created).toBe(3);
      expect((await findArticleById(database.db, '7' as ArticleId))?.headline).toBe('السطر الأول.');
    });

    it('skips a line whose headline is over the editor limit, naming the line and the limit, and imports the rest', async () => {
      const summary = await importJsonl(
        { database, now: () => NOW },
        file([
          line({ id: '1' }),
          line({ id: '2', title: 'خ'.repeat(3_000_000) }),
          line({ id: '3', title: 'خ'.repeat(300) }),
          line({ id: '4', section: 'ق'.repeat(61) }),
        ]),
        { timeZone: 'Africa/Tunis' },
      );
      expect(summary.skipped).toEqual([
        { line: 2, reason: 'headline: 3000000 characters, at most 300' },
        { line: 4, reason: 'sectionName: 61 characters, at most 60' },
      ]);
      expect(summary.created).toBe(2);
      expect(await findArticleById(database.db, '2' as ArticleId)).toBeNull();
      expect([
        ...((await findArticleById(database.db, '3' as ArticleId))?.headline ?? ''),
      ]).toHaveLength(300);
    });

    it('stores text without the characters XML forbids, and one-line fields without bidi controls', async () => {
      const summary = await importJsonl(
        { database, now: () => NOW },
        file([
          line({
            id: '1',
            title: '\u202Eعاجل\u0001: \uFFFEخبر\u0008',
            body: 'سطر\u000C أول.\nسطر \uD800ثان.',
            section: '\u2067رياضة\u0000\u2069',
          }),
        ]),
        { timeZone: 'Africa/Tunis' },
      );
      expect(summary.skipped).toEqual([]);
      const article = await findArticleById(database.db, '1' as ArticleId);
      expect(article).toMatchObject({
        headline: 'عاجل: خبر',
        bodyHtml: '<p>سطر أول.</p>\n<p>سطر ثان.</p>',
        excerpt: 'سطر أول.',
        section: { name: 'رياضة', slug: 'رياضة' },
      });
    });

    it('updates the same articles on a second run, never duplicating', async () => {
      const path = file([line({ id: '1' }), line({ id: '2', title: 'خبر ثان' })]);
      await importJsonl({ database, now: () => NOW }, path, { timeZone: 'UTC' });
      const again = await importJsonl({ database, now: () => NOW }, path, { timeZone: 'UTC' });
      expect([again.created, again.updated]).toEqual([0, 2]);
      expect(await countArticles(database.db)).toBe(2);
    });

    // Real headlines of the corpus (Jawhara FM), two of them printed twice on different days.
    it.each([
      [
        'its headline gives the slug, diacritics and punctuation left out',
        [
          {
            id: '11',
            title: 'مخرج "غدوة حيّ" : الفيلم يجمع التشويق و المغامرة و الفرجة و الموسيقى',
          },
        ],
        ['مخرج-غدوة-حي-الفيلم-يجمع-التشويق-و-المغامرة-و-الفرجة-و-الموسيقى'],
      ],
      [
        'a headline printed again gets -2, then -3, as in the newsroom',
        [
          { id: '21', title: 'التوقعات الجوية لليوم السبت' },
          { id: '22', title: 'التوقعات الجوية لليوم السبت', date: '2017-02-04' },
          { id: '23', title: 'التوقعات الجوية لليوم السبت', date: '2017-02-11' },
        ],
        [
          'التوقعات-الجوية-لليوم-السبت',
          'التوقعات-الجوية-لليوم-السبت-2',
          'التوقعات-الجوية-لليوم-السبت-3',
        ],
      ],
      [
        "the line's own slug wins, decoded from percent-encoding",
        [
          {
            id: '31',
            title: 'طقس اليوم الخميس',
            slug: '%D8%B7%D9%82%D8%B3-%D8%A7%D9%84%D8%AE%D9%85%D9%8A%D8%B3',
          },
        ],
        ['طقس-الخميس'],
      ],
      ['a headline without letters or digits gives none', [{ id: '41', title: '!!!' }], [null]],
    ])('gives each article a slug: %s', async (_, lines, slugs) => {
      await importJsonl({ database, now: () => NOW }, file(lines.map((over) => line(over))), {
        timeZone: 'Africa/Tunis',
      });
      const stored = await Promise.all(
        lines.map(async ({ id }) => (await findArticleById(database.db, id as ArticleId))?.slug),
      );
      expect(stored).toEqual(slugs);
    });

    it('keeps a stored slug on a second run, and gives one to an article stored without', async () => {
      const path = file([
        line({ id: '1', title: 'طقس اليوم الخميس' }),
        line({
          id: '2',
          title: 'الانتخابات الفرنسية : فيون وهامون يدعوان أنصارهما إلى التصويت لماكرون',
        }),
      ]);
      await importJsonl({ database, now: () => NOW }, path, { timeZone: 'UTC' });
      await database.db.updateTable('articles').set({ slug: 'طقس' }).where('id', '=', 1).execute();
      await database.db.updateTable('articles').set({ slug: null }).where('id', '=', 2).execute();
      await importJsonl({ database, now: () => NOW }, path, { timeZone: 'UTC' });
      expect((await findArticleById(database.db, '1' as ArticleId))?.slug).toBe('طقس');
      expect((await findArticleById(database.db, '2' as ArticleId))?.slug).toBe(
        'الانتخابات-الفرنسية-فيون-وهامون-يدعوان-أنصارهما-إلى-التصويت-لماكرون',
      );
    });

    it('fills the slugs of articles imported without one (midad fill-slugs), keeping their last change', async () => {
      await importJsonl(
        { database, now: () => NOW },
        file([
          line({ id: '1', title: 'طقس اليوم الخميس' }),
          line({ id: '2', title: 'طقس اليوم الخميس' }),
          line({ id: '3', title: 'التوقعات الجوية لليوم السبت' }),
          line({ id: '4', title: '!!!' }),
        ]),
        { timeZone: 'UTC' },
      );
      await database.db
        .updateTable('articles')
        .set({ slug: null })
        .where('id', 'in', [2, 3, 4])
        .execute();
      const before = (await findArticleById(database.db, '2' as ArticleId))?.updatedAt;
      expect(await fillMissingSlugs(database)).toBe(2);
      const slugs = await Promise.all(
        ['1', '2', '3', '4'].map(
          async (id) => (await findArticleById(database.db, id as ArticleId))?.slug,
        ),
      );
      expect(slugs).toEqual([
        'طقس-اليوم-الخميس',
        'طقس-اليوم-الخميس-2',
        'التوقعات-الجوية-لليوم-السبت',
        null,
      ]);
      expect((await findArticleById(database.db, '2' as ArticleId))?.updatedAt).toEqual(before);
      expect(await fillMissingSlugs(database)).toBe(0);
    });

    it('reports progress in bytes up to the file size', async () => {
      const path = file(Array.from({ length: 1200 }, (_, i) => line({ id: String(i + 1) })));
      const seen: Array<[number, number]> = [];
      await importJsonl({ database, now: () => NOW }, path, {
        timeZone: 'UTC',
        onProgress: (a, b) => void seen.push([a, b]),
      });
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect(seen.at(-1)?.[0]).toBe(seen.at(-1)?.[1]);
    });
  });
});
