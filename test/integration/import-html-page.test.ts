/**
 * `midad import` of saved article pages (HTML) and of captures in a legacy
 * Arabic encoding, through importFiles and the CLI, on both engines.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { ArticleId } from '../../src/domain/article-id.js';
import { importFiles } from '../../src/importers/import-files.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { findIdentityBySourceUrl } from '../../src/storage/repositories/article-imports.repository.js';
import {
  countArticles,
  findArticleById,
} from '../../src/storage/repositories/articles.repository.js';
import type { Db } from '../../src/storage/db.js';
import { describeEachDialect, openTestDatabase } from '../helpers/dialects.js';
import {
  NEWS_SITE_MORE_HEADLINES,
  NEWS_SITE_PARAGRAPHS,
  NEWS_SITE_READ_ALSO,
} from '../fixtures/html-pages/news-site-article.js';
import { NOW } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

const PAGES = 'test/fixtures/html-pages';
const UTF8_PAGE = `${PAGES}/utf8-article.html`;
const WINDOWS_PAGE = `${PAGES}/windows-1256-article.html`;
const JSON_LD_PAGE = `${PAGES}/json-ld-article.html`;
const NEWS_SITE_PAGE = `${PAGES}/news-site-article.html`;
const id = (s: string) => s as ArticleId;
const SOUQ_URL = 'https://shamal-news.example/news/48213-souq-al-hal';
const SCHOOL_URL = 'http://shamal-news.example/news.php?id=20345';
const LIBRARY_URL = 'https://wadi.example/culture/2025/01/library-hours-7741';

/** The id the database gave the article imported from `url` (a saved page's number is not ours). */
async function idOf(db: Db, url: string): Promise<ArticleId> {
  const stored = await findIdentityBySourceUrl(db, url);
  if (stored === null) throw new Error(`no article from ${url}`);
  return stored.id;
}

/** `text` in windows-1256, by inverting its decoder over the 256 byte values. */
function windows1256(text: string): Uint8Array {
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const char = new TextDecoder('windows-1256').decode(new Uint8Array([byte]));
    if (!table.has(char)) table.set(char, byte);
  }
  return new Uint8Array([...text].map((char) => table.get(char) ?? 0x3f));
}

const CAPTURE_HEADLINE = 'بلدية حلب تبدأ ترميم سور القلعة الشمالي';
const CAPTURE_PARAGRAPHS = [
  'بدأت ورشات بلدية حلب صباح اليوم أعمال ترميم الجزء الشمالي من سور القلعة، بعد أن تضرر خلال الأمطار الغزيرة التي شهدتها المدينة في الشتاء الماضي.',
  'وقال المهندس المشرف على الأعمال إن الترميم سيستمر ثلاثة أشهر، وإن الزوار يستطيعون دخول القلعة من البوابة الرئيسية طوال مدة العمل.',
];
/** A capture of our own, as an old Windows tool saves it: windows-1256, CRLF. */
const CAPTURE = windows1256(
  [
    CAPTURE_HEADLINE,
    '',
    '2024-05-02 09:30',
    'https://halab.example/a/5501',
    '',
    ...CAPTURE_PARAGRAPHS.flatMap((p) => [p, '']),
  ].join('\r\n'),
);
/** Too little text for detection to be certain: «الخبر» in windows-1256. */
const SHORT_CAPTURE = windows1256('الخبر\r\n\r\nنص قصير');

describeEachDialect((dialect) => {
  let database: Database;
  let dir: string;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    dir = testFolder('html-page');
  });
  afterEach(async () => {
    await database.close();
  });

  const importAll = (files: string[], encoding: string | null = null) =>
    importFiles({ database, now: () => NOW }, files, { timeZone: 'Asia/Damascus', encoding });

  it('imports the three saved pages with their metadata and nothing of the page around the text', async () => {
    const outcomes = await importAll([UTF8_PAGE, WINDOWS_PAGE, JSON_LD_PAGE]);
    const [souqId, schoolId, libraryId] = [
      await idOf(database.db, SOUQ_URL),
      await idOf(database.db, SCHOOL_URL),
      await idOf(database.db, LIBRARY_URL),
    ];
    expect(outcomes.map((o) => [o.ok, o.line, o.details])).toEqual([
      [
        true,
        `${UTF8_PAGE}: created ${souqId} «افتتاح سوق الهال الجديد في حلب بعد سنوات من التأجيل»`,
        [],
      ],
      [
        true,
        `${WINDOWS_PAGE}: created ${schoolId} «عودة الدوام إلى مدارس ريف إدلب بعد أسبوع من الفيضانات»`,
        [],
      ],
      [
        true,
        `${JSON_LD_PAGE}: created ${libraryId} «مكتبة حلب العامة تمدد ساعات عملها إلى التاسعة مساءً طوال الشتاء»`,
        [],
      ],
    ]);
    expect(await countArticles(database.db)).toBe(3);
    // The database chose the ids: the pages' numbers are not ours.
    expect([souqId, schoolId, libraryId]).not.toContain('48213');

    const souq = await findArticleById(database.db, souqId);
    expect(souq).toMatchObject({
      headline: 'افتتاح سوق الهال الجديد في حلب بعد سنوات من التأجيل',
      byline: 'سمر الأحمد',
      sourceUrl: 'https://shamal-news.example/news/48213-souq-al-hal',
      publishedPrecision: 'minute',
    });
    expect(souq?.publishedAt?.toISOString()).toBe('2024-03-12T07:15:00.000Z');
    expect(souq?.section?.name).toBe('اقتصاد');
    expect(souq?.bodyHtml.match(/<p>/g)).toHaveLength(4);
    expect(souq?.bodyHtml).not.toMatch(
      /الرئيسية|شارك|التعليقات|جميع الحقوق|ذات صلة|ارتفاع أسعار الخضار/u,
    );

    const library = await findArticleById(database.db, libraryId);
    expect(library?.byline).toBe('ليلى حداد، عمر النجار');
    expect(library?.publishedAt?.toISOString()).toBe('2025-01-20T16:45:00.000Z');
    expect(library?.related).toEqual([
      {
        kind: 'read_also',
        headline: 'معرض الكتاب في حلب يستقبل عشرين ألف زائر',
        afterParagraph: 5,
        target: null,
      },
    ]);
    expect(library?.bodyHtml).not.toMatch(/تابعونا|المكتبة العامة تفتح مساءً/u);

    const school = await findArticleById(database.db, schoolId);
    expect(school?.sourceUrl).toBe('http://shamal-news.example/news.php?id=20345');
    expect(school?.publishedAt?.toISOString()).toBe('2009-11-05T06:30:00.000Z');
    expect(school?.bodyHtml).toBe(
      [
        '<p>عاد الطلاب صباح اليوم إلى مدارسهم في عدد من قرى ريف إدلب الغربي، بعد أسبوع من التوقف بسبب الفيضانات التي غمرت الطرق الزراعية وعدداً من الصفوف في المدارس القريبة من مجرى النهر.</p>',
        '<p>وقال مدير التربية في المحافظة إن فرق الصيانة أنهت تجفيف الصفوف المتضررة وإصلاح أبوابها ونوافذها، وإن المدارس الثلاث التي ما زالت مغلقة ستفتح أبوابها مطلع الأسبوع القادم.</p>',
        '<p>وأضاف أن المديرية ستعوض الطلاب عن الدروس التي فاتتهم بحصص إضافية أيام السبت حتى نهاية الفصل الدراسي الأول.</p>',
      ].join('\n'),
    );
  });

  it("imports a news site's article page: its 8 paragraphs only, its read-also box and more-news list as related links, no byline", async () => {
    const [outcome] = await importAll([NEWS_SITE_PAGE]);
    const [articleId] = (await database.db.selectFrom('articles').select('id').execute()).map(
      (row) => String(row.id) as ArticleId,
    );
    expect([outcome?.ok, outcome?.line, outcome?.details]).toEqual([
      true,
      `${NEWS_SITE_PAGE}: created ${articleId} «توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب»`,
      [],
    ]);
    const article = await findArticleById(database.db, articleId ?? id('0'));
    expect(article).toMatchObject({
      headline: 'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
      byline: null,
      publishedPrecision: 'minute',
    });
    expect(article?.publishedAt?.toISOString()).toBe('2020-01-18T09:43:00.000Z');
    expect(article?.bodyHtml).toBe(NEWS_SITE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n'));
    expect(article?.related).toEqual([
      { kind: 'read_also', headline: NEWS_SITE_READ_ALSO, afterParagraph: 3, target: null },
      ...NEWS_SITE_MORE_HEADLINES.map((headline) => ({
        kind: 'more',
        headline,
        afterParagraph: null,
        target: null,
      })),
    ]);
  });

  it('updates the same page on a second import, never duplicating it', async () => {
    await importAll([UTF8_PAGE]);
    const [again] = await importAll([UTF8_PAGE]);
    expect(again?.line).toBe(
      `${UTF8_PAGE}: updated ${await idOf(database.db, SOUQ_URL)} «افتتاح سوق الهال الجديد في حلب بعد سنوات من التأجيل»`,
    );
    expect(await countArticles(database.db)).toBe(1);
  });

  it('refuses a page whose bytes break the encoding named, writing nothing', async () => {
    const [outcome] = await importAll([WINDOWS_PAGE], 'utf-8');
    expect(outcome?.ok).toBe(false);
    expect(outcome?.line).toMatch(
      new RegExp(
        `^${WINDOWS_PAGE}: refused: The bytes are not valid utf-8: byte 0x[0-9A-F]{2} at offset \\d+ cannot be read\\.$`,
      ),
    );
    expect(await countArticles(database.db)).toBe(0);
  });

  it('reads a windows-1256 capture when it is named, or when detection is certain; refuses a short one', async () => {
    const capture = join(dir, 'capture.txt');
    writeFileSync(capture, CAPTURE);
    const short = join(dir, 'short.txt');
    writeFileSync(short, SHORT_CAPTURE);

    const detected = await importAll([capture]);
    expect(detected[0]?.line).toBe(`${capture}: created 5501 «${CAPTURE_HEADLINE}»`);
    expect(detected[0]?.details).toEqual([
      `${capture}: warning: The file is not UTF-8; it was read as windows-1256, which its Arabic text shows for certain.`,
    ]);
    const article = await findArticleById(database.db, id('5501'));
    expect(article?.bodyHtml).toBe(CAPTURE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n'));

    const named = await importAll([capture, short], 'windows-1256');
    expect(named.map((o) => o.line)).toEqual([
      `${capture}: updated 5501 «${CAPTURE_HEADLINE}»`,
      `${short}: refused: No article body was found in the file: it has no paragraphs of prose.`,
    ]);
    expect(named[0]?.details).toEqual([]);

    const refused = await importAll([short]);
    expect(refused[0]?.line).toBe(
      `${short}: refused: The file is not valid UTF-8 (byte 0xC7 at offset 0, line 1); it may be in a legacy encoding such as windows-1256.`,
    );
    expect(await countArticles(database.db)).toBe(1);
  });
});

describe('midad import --encoding (CLI)', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describeEachDialect((dialect) => {
    /** The database flags of a fresh database of `dialect`, and the database to look at after. */
    async function target(): Promise<{
      flags: string[];
      open: () => Promise<Database>;
      drop: () => Promise<void>;
    }> {
      if (dialect === 'sqlite') {
        const file = join(testFolder('html-cli'), 'site.db');
        return { flags: ['--db', file], open: () => openDatabase({ file }), drop: async () => {} };
      }
      const database = await openTestDatabase('postgres');
      return {
        flags: ['--database', database.url ?? ''],
        open: async () => ({ ...database, close: async () => {} }),
        drop: () => database.close(),
      };
    }

    it('imports HTML pages and a windows-1256 capture named with --encoding', async () => {
      const { flags, open, drop } = await target();
      try {
        const capture = join(testFolder('html-cli'), 'capture.txt');
        writeFileSync(capture, CAPTURE);
        const status = await run([
          'import',
          ...flags,
          '--tz',
          'Asia/Damascus',
          '--encoding',
          'cp1256',
          capture,
        ]);
        expect(err).toEqual([]);
        expect(status).toBe(0);
        expect(out).toEqual([
          `${capture}: created 5501 «${CAPTURE_HEADLINE}»`,
          'Articles: 1 created, 0 updated.',
        ]);
        out.length = 0;

        expect(
          await run(['import', ...flags, '--tz', 'Asia/Damascus', UTF8_PAGE, JSON_LD_PAGE]),
        ).toBe(0);
        const database = await open();
        try {
          const souqId = await idOf(database.db, SOUQ_URL);
          expect(out).toEqual([
            `${UTF8_PAGE}: created ${souqId} «افتتاح سوق الهال الجديد في حلب بعد سنوات من التأجيل»`,
            `${JSON_LD_PAGE}: created ${await idOf(database.db, LIBRARY_URL)} «مكتبة حلب العامة تمدد ساعات عملها إلى التاسعة مساءً طوال الشتاء»`,
            'Articles: 2 created, 0 updated.',
          ]);
          expect(await countArticles(database.db)).toBe(3);
          expect((await findArticleById(database.db, souqId))?.publishedAt?.toISOString()).toBe(
            '2024-03-12T07:15:00.000Z',
          );
        } finally {
          await database.close();
        }
      } finally {
        await drop();
      }
    });
  });

  it('refuses an unknown --encoding before touching the database', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    const file = join(testFolder('html-cli'), 'site.db');
    const status = await run(['import', '--db', file, '--encoding', 'arabic-dos', UTF8_PAGE]);
    expect(status).toBe(1);
    expect(writes.join('')).toContain(
      '"arabic-dos" is not an encoding name such as utf-8, windows-1256 or iso-8859-6.',
    );
    expect(existsSync(file)).toBe(false);
  });
});
