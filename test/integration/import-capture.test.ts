import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles, NO_ARTICLES } from '../../src/importers/import-files.js';
import type { Database } from '../../src/storage/database.js';
import {
  countArticles,
  findArticleById,
} from '../../src/storage/repositories/articles.repository.js';
import { findViewCount } from '../../src/storage/repositories/article-views.repository.js';
import { addViews } from '../../src/storage/repositories/article-views.repository.js';
import type { ArticleId } from '../../src/domain/article-id.js';
import {
  emptyDatabase,
  importInto,
  NOW,
  SEED_HEADLINE,
  SEED_ID,
  seedBytes,
} from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { testFolder } from '../helpers/temp-folder.js';

describeEachDialect((dialect) => {
  const id = (s: string) => s as ArticleId;
  const capture = (text: string) => new TextEncoder().encode(text);
  const paragraph = (topic: string) =>
    `قالت مصادر محلية إن ${topic} شهد تطورات متسارعة خلال الأيام الماضية، وسط ترقب لما ستؤول إليه الأوضاع في المنطقة خلال الأسابيع المقبلة بحسب المراقبين.`;

  /** A capture of our own: its headline and an optional "read also" line. */
  function ownCapture(headline: string, link: string, readAlso?: string): Uint8Array {
    return capture(
      [
        headline,
        '',
        '10:05',
        link,
        '12 مشاهدة',
        '',
        paragraph('الملف الأول'),
        '',
        paragraph('الملف الثاني'),
        '',
        ...(readAlso ? [`اقرأ أيضاً: ${readAlso}`, ''] : []),
        paragraph('الملف الثالث'),
        '',
      ].join('\n'),
    );
  }

  let database: Database;
  beforeEach(async () => {
    database = await emptyDatabase(dialect);
  });
  afterEach(async () => {
    await database.close();
  });

  describe('importing the seed capture', () => {
    it('stores the article with every part of the page', async () => {
      const result = await importInto(database, seedBytes());

      expect(result).toMatchObject({ id: SEED_ID, action: 'created', headline: SEED_HEADLINE });
      const article = await findArticleById(database.db, id(SEED_ID));
      expect(article).toMatchObject({
        id: SEED_ID,
        headline: SEED_HEADLINE,
        viewCount: 236,
        sourceUrl: 'http://anapress.net/a/258871304963183',
        publishedAt: null,
        publishedLocalTime: '11:43',
        byline: null,
      });
      expect(article?.bodyHtml.match(/<p>/g)).toHaveLength(8);
      expect(article?.bodyHtml).toContain('العاصمة الألمانية غداً');
      expect(article?.bodyHtml).not.toMatch(/[\uFEF7\u00A0]/);
      expect(article?.excerpt.startsWith('أعلنت تركيا عن توافق الولايات المتحدة')).toBe(true);
    });

    it('keeps the read-also reference in its place and the eight "more" headlines, unresolved', async () => {
      await importInto(database, seedBytes());
      const related = (await findArticleById(database.db, id(SEED_ID)))?.related ?? [];

      expect(related[0]).toEqual({
        kind: 'read_also',
        headline: 'إدلب.. بين التصعيد الروسي والتصريحات الأمريكية الخجولة',
        afterParagraph: 3,
        target: null,
      });
      expect(related.filter((l) => l.kind === 'more')).toHaveLength(8);
      expect(related[1]?.headline).toBe('واشنطن تؤكد استعدادها لدعم تركيا فيما يخص إدلب');
    });

    it('warns that the date is unknown and never invents one', async () => {
      const result = await importInto(database, seedBytes());
      expect(result.warnings.map((w) => w.code)).toEqual(['CAPTURE_NO_DATE']);
    });

    it('takes the date from the options, in the given time zone', async () => {
      const result = await importInto(database, seedBytes(), {
        date: { year: 2020, month: 1, day: 18 },
        timeZone: 'Asia/Damascus',
      });
      const article = await findArticleById(database.db, id(SEED_ID));
      expect(article?.publishedAt?.toISOString()).toBe('2020-01-18T09:43:00.000Z');
      expect(article?.publishedLocalTime).toBeNull();
      expect(result.warnings).toEqual([]);
    });

    it('updates on a second import and never duplicates', async () => {
      await importInto(database, seedBytes());
      const again = await importInto(database, seedBytes());

      expect(again).toMatchObject({ id: SEED_ID, action: 'updated' });
      expect(await countArticles(database.db)).toBe(1);
      const related = (await findArticleById(database.db, id(SEED_ID)))?.related ?? [];
      expect(related).toHaveLength(9);
    });

    it('never lowers the views counted since the first import', async () => {
      await importInto(database, seedBytes());
      await addViews(database.db, new Map([[id(SEED_ID), 10]]), NOW);
      await importInto(database, seedBytes());
      expect(await findViewCount(database.db, id(SEED_ID))).toBe(246);
    });
  });

  describe('resolving related headlines', () => {
    it('resolves the seed\'s "more" link when its article arrives later, despite spelling differences', async () => {
      await importInto(database, seedBytes());
      // The seed says «واشنطن تؤكد استعدادها لدعم تركيا فيما يخص إدلب»; this one has
      // a damma, a tatweel, a bare alef for إ and a doubled space.
      const headline = 'واشنطن تُؤكد  استعدادها لدعـم تركيا فيما يخص ادلب';
      const later = await importInto(database, ownCapture(headline, 'https://example.net/a/100'));

      expect(later.linksResolvedToIt).toBe(1);
      const more = (await findArticleById(database.db, id(SEED_ID)))?.related.find(
        (l) => l.kind === 'more',
      );
      // Stored as every one-line field is (domain/field-limits.ts cleanLine): one space.
      expect(more?.target).toEqual({ id: '100', headline: headline.replace('  ', ' ') });
    });

    it('resolves a read-also reference at once when its article is already stored', async () => {
      await importInto(database, seedBytes());
      // The seed's headline with hamza dropped, ى for ي, a presentation-form ligature and no spaces around punctuation.
      const result = await importInto(
        database,
        ownCapture(
          'سوريا: تطورات جديدة في الشمال',
          'https://example.net/a/101',
          'توافق امريكي تركي بخصوص وقف اطلاق النار فى \uFE87دلب',
        ),
      );
      const readAlso = (await findArticleById(database.db, id(result.id)))?.related[0];
      expect(readAlso?.target).toEqual({ id: SEED_ID, headline: SEED_HEADLINE });
    });

    it('never links an article to itself', async () => {
      const result = await importInto(
        database,
        ownCapture('خبر يشير إلى نفسه', 'https://example.net/a/102', 'خبر يشير إلى نفسه'),
      );
      expect((await findArticleById(database.db, id(result.id)))?.related[0]?.target).toBeNull();
    });

    it('keeps ids past 2^53 exact', async () => {
      const result = await importInto(
        database,
        ownCapture('خبر بمعرّف طويل', 'https://example.net/a/9007199254740993'),
      );
      expect(result.id).toBe('9007199254740993');
      expect((await findArticleById(database.db, id('9007199254740993')))?.headline).toBe(
        'خبر بمعرّف طويل',
      );
      expect(await findArticleById(database.db, id('9007199254740992'))).toBeNull();
    });
  });

  describe('importing several files', () => {
    it('refuses bad files with a reason, writes nothing for them, and imports the rest', async () => {
      const { truncateSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const dir = testFolder('import');
      const files = {
        empty: join(dir, 'empty.txt'),
        binary: join(dir, 'image.png'),
        latin1: join(dir, 'cp1256.txt'),
        seed: join(dir, 'seed.txt'),
        missing: join(dir, 'missing.txt'),
        huge: join(dir, 'huge.txt'),
      };
      writeFileSync(files.empty, '');
      writeFileSync(
        files.binary,
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      );
      writeFileSync(files.latin1, Buffer.from([0xc7, 0xe1, 0xc3, 0xd3, 0xcf, 0x0a, 0xc7, 0xe1]));
      writeFileSync(files.seed, seedBytes());
      writeFileSync(files.huge, '');
      truncateSync(files.huge, 87_300_000);

      const outcomes = await importFiles(
        { database, now: () => NOW },
        [files.empty, files.binary, files.seed, files.latin1, files.missing, files.huge, dir],
        { timeZone: 'Asia/Damascus' },
      );

      expect(outcomes.map((o) => o.ok)).toEqual([false, false, true, false, false, false, false]);
      expect(outcomes[0]?.line).toMatch(/empty\.txt: refused: .*empty/i);
      expect(outcomes[1]?.line).toBe(
        `${files.binary}: refused: this is a PNG image, not a page capture, an HTML article page, JSON Lines, or a WordPress or Ghost export; nothing was imported`,
      );
      expect(outcomes[2]?.line).toBe(`${files.seed}: created ${SEED_ID} «${SEED_HEADLINE}»`);
      expect(outcomes[2]?.details).toEqual([
        `${files.seed}: warning: The capture shows a publish time, 11:43, but no date, so the date is left empty: give it with --date YYYY-MM-DD.`,
      ]);
      expect(outcomes[2]?.articles).toEqual({ ...NO_ARTICLES, created: 1 });
      expect(outcomes[3]?.line).toMatch(/cp1256\.txt: refused: .*UTF-8/);
      expect(outcomes[4]?.line).toBe(`${files.missing}: refused: no such file`);
      expect(outcomes[5]?.line).toBe(
        `${files.huge}: refused: The file is 87.3 MB; a capture of one article page is at most 2 MB.`,
      );
      expect(outcomes[6]?.line).toBe(`${dir}: refused: this is a folder, not a file`);
      expect(await countArticles(database.db)).toBe(1);
    });
  });

  describe('matching a re-import to what is stored', () => {
    it('refuses a capture whose id belongs to another story, and keeps the stored one whole', async () => {
      await importInto(
        database,
        ownCapture('ارتفاع أسعار النفط', 'https://one.example/story/6488888'),
      );
      const other = ownCapture('افتتاح معرض الكتاب', 'https://two.example/news/6488888');

      await expect(importInto(database, other)).rejects.toThrow(
        'The id 6488888 already belongs to another article («ارتفاع أسعار النفط», from https://one.example/story/6488888); nothing was written.',
      );
      expect((await findArticleById(database.db, id('6488888')))?.headline).toBe(
        'ارتفاع أسعار النفط',
      );
      expect(await countArticles(database.db)).toBe(1);
    });

    it('updates the same story found again at its id with another address', async () => {
      await importInto(
        database,
        ownCapture('ارتفاع أسعار النفط', 'https://one.example/story/6488888'),
      );
      const again = await importInto(
        database,
        ownCapture('ارتفاع اسعار النفط', 'https://one.example/amp/6488888'),
      );
      expect(again).toMatchObject({ id: '6488888', action: 'updated' });
    });

    it('recognises a story imported once without its link when it comes with one', async () => {
      const first = await importInto(
        database,
        capture(
          [
            'وزير التربية يعلن موعد الامتحانات',
            '',
            paragraph('الملف الأول'),
            '',
            paragraph('الملف الثاني'),
          ].join('\n'),
        ),
      );
      const second = await importInto(
        database,
        ownCapture('وزير التربية يعلن موعد الامتحانات', 'https://example.net/a/5550001'),
      );

      expect(second.action).toBe('updated');
      expect(second.id).toBe(first.id);
      expect(second.warnings).toContainEqual({
        code: 'IMPORT_MATCHED_BY_HEADLINE',
        message: `This is the article imported before with the same headline, so it keeps the id ${first.id}.`,
      });
      expect(await countArticles(database.db)).toBe(1);
      expect((await findArticleById(database.db, first.id))?.sourceUrl).toBe(
        'https://example.net/a/5550001',
      );
    });

    it('keeps the stored date when a time-only copy of the article is imported again', async () => {
      await importInto(database, seedBytes(), {
        date: { year: 2020, month: 1, day: 18 },
        timeZone: 'Asia/Damascus',
      });
      const again = await importInto(database, seedBytes());

      expect(again.warnings.map((w) => w.code)).toContain('IMPORT_STORED_DATE_KEPT');
      const article = await findArticleById(database.db, id(SEED_ID));
      expect(article?.publishedAt?.toISOString()).toBe('2020-01-18T09:43:00.000Z');
      expect(article?.publishedLocalTime).toBeNull();
    });
  });
});
