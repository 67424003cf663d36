/**
 * `midad import` of saved article pages (HTML) and of captures in a legacy
 * Arabic encoding, through importFiles and the CLI, on both engines.
 */
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { ArticleId } from '../../src/domain/article-id.js';
import { importFiles } from '../../src/importers/import-files.js';
import { readWireDocument, WireReadError } from '../../src/importers/wire/read-wire.js';
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
const GOLD_1 = `${PAGES}/gold1.html`;
const GOLD_2 = `${PAGES}/gold2.html`;
const LIBRARY_HEADLINE = 'مكتبة حلب العامة تمدد ساعات عملها إلى التاسعة مساءً طوال الشتاء';
const MOJIBAKE_MESSAGE =
  "The text is garbled Arabic («Ø§Ù„…» for «ال…»): the file's Arabic was once decoded as windows-1252 and saved again as UTF-8, so every letter became two Latin ones; it cannot be read back reliably. Ask for the original file, or save the page again from the source.";

/** What windows-1252 reads in the bytes 0x80–0x9F. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** `text`'s UTF-8 bytes read once as windows-1252: the garbled text an old tool saved again as UTF-8. */
function garble(text: string): string {
  return [...new TextEncoder().encode(text)]
    .map((byte) =>
      byte >= 0x80 && byte <= 0x9f
        ? WINDOWS_1252_HIGH.charAt(byte - 0x80)
        : String.fromCharCode(byte),
    )
    .join('');
}

/** A saved page of our own: `headline`, two paragraphs, and its canonical address when given. */
function savedPage(headline: string, canonical: string | null): string {
  const link = canonical === null ? '' : `<link rel="canonical" href="${canonical}">`;
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${headline}</title>${link}</head><body><article><h1>${headline}</h1><p>${CAPTURE_PARAGRAPHS[0]}</p><p>${CAPTURE_PARAGRAPHS[1]}</p></article></body></html>`;
}
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

  it('keeps two pages that share a headline as two articles, each with its own text, byline and date', async () => {
    const outcomes = await importAll([GOLD_1, GOLD_2]);
    const ids = (await database.db.selectFrom('articles').select('id').orderBy('id').execute()).map(
      (row) => String(row.id) as ArticleId,
    );
    expect(outcomes.map((o) => o.line)).toEqual([
      `${GOLD_1}: created ${ids[0]} «أسعار الذهب اليوم»`,
      `${GOLD_2}: created ${ids[1]} «أسعار الذهب اليوم»`,
    ]);
    const [first, second] = [
      await findArticleById(database.db, ids[0] ?? id('0')),
      await findArticleById(database.db, ids[1] ?? id('0')),
    ];
    expect([first?.byline, first?.publishedAt?.toISOString(), first?.sourceUrl]).toEqual([
      'ريم الحلبي',
      // 1 December 2026, Damascus time (UTC+3).
      '2026-11-30T21:00:00.000Z',
      null,
    ]);
    expect(first?.excerpt).toMatch(/^استقرت أسعار الذهب/u);
    expect(first?.bodyHtml).not.toMatch(/بقلم|ارتفعت/u);
    expect([second?.byline, second?.publishedAt?.toISOString()]).toEqual([
      'ريم الحلبي',
      '2026-12-01T21:00:00.000Z',
    ]);
    expect(second?.bodyHtml).toMatch(/^<p>ارتفعت أسعار الذهب/u);

    // Imported again, a page without an address is a new article again: nothing to know it by.
    const [again] = await importAll([GOLD_2]);
    expect(again?.line).toMatch(/: created \d+ «أسعار الذهب اليوم»$/u);
    expect(await countArticles(database.db)).toBe(3);
  });

  it('never updates an article imported from another address, whatever the headline', async () => {
    await importAll([JSON_LD_PAGE]);
    const libraryId = await idOf(database.db, LIBRARY_URL);
    const sameHeadline = join(dir, 'same-headline.html');
    writeFileSync(sameHeadline, savedPage(LIBRARY_HEADLINE, null));
    const [outcome] = await importAll([sameHeadline]);
    expect(outcome?.line).toMatch(
      new RegExp(`^${sameHeadline}: created \\d+ «${LIBRARY_HEADLINE}»$`, 'u'),
    );
    expect(outcome?.line).not.toContain(`created ${libraryId} `);
    expect((await findArticleById(database.db, libraryId))?.sourceUrl).toBe(LIBRARY_URL);
    expect(await countArticles(database.db)).toBe(2);
  });

  it("takes no id from another site's address, and knows a page again without its tracking parameters or however its address is written", async () => {
    // Our own article 1256, from a capture of the seed site.
    const capture = join(dir, 'capture.txt');
    writeFileSync(
      capture,
      [
        CAPTURE_HEADLINE,
        '',
        '2024-05-02 09:30',
        'https://halab.example/a/1256',
        '',
        ...CAPTURE_PARAGRAPHS,
      ].join('\n'),
    );
    expect((await importAll([capture]))[0]?.line).toBe(
      `${capture}: created 1256 «${CAPTURE_HEADLINE}»`,
    );

    const other = join(dir, 'other.html');
    writeFileSync(
      other,
      savedPage(
        'وصول أول قافلة مساعدات إلى الريف الشمالي',
        'https://other-paper.example/news/1256',
      ),
    );
    const tracked = join(dir, 'other-tracked.html');
    writeFileSync(
      tracked,
      savedPage(
        'وصول أول قافلة مساعدات إلى الريف الشمالي',
        'https://other-paper.example/news/1256?utm_source=x&fbclid=abc#comments',
      ),
    );
    const [created] = await importAll([other]);
    const otherId = await idOf(database.db, 'https://other-paper.example/news/1256');
    expect(otherId).not.toBe('1256');
    expect(created?.line).toBe(
      `${other}: created ${otherId} «وصول أول قافلة مساعدات إلى الريف الشمالي»`,
    );
    const [updated] = await importAll([tracked]);
    expect(updated?.line).toBe(
      `${tracked}: updated ${otherId} «وصول أول قافلة مساعدات إلى الريف الشمالي»`,
    );
    expect(await countArticles(database.db)).toBe(2);
    expect((await findArticleById(database.db, id('1256')))?.headline).toBe(CAPTURE_HEADLINE);

    // The same address written differently: host case, default port, trailing slash.
    for (const [index, address] of [
      'https://OTHER-PAPER.EXAMPLE/news/1256',
      'https://other-paper.example:443/news/1256',
      'https://other-paper.example/news/1256/',
    ].entries()) {
      const variant = join(dir, `variant-${index}.html`);
      writeFileSync(variant, savedPage('وصول أول قافلة مساعدات إلى الريف الشمالي', address));
      expect((await importAll([variant]))[0]?.line).toBe(
        `${variant}: updated ${otherId} «وصول أول قافلة مساعدات إلى الريف الشمالي»`,
      );
    }
    // A raw Arabic path and the same path percent-encoded.
    const arabic = join(dir, 'arabic.html');
    writeFileSync(
      arabic,
      savedPage(
        'وصول أول قافلة مساعدات إلى الريف الشمالي',
        'https://other-paper.example/أخبار/الذهب',
      ),
    );
    const [arabicCreated] = await importAll([arabic]);
    const arabicId = await idOf(database.db, 'https://other-paper.example/أخبار/الذهب');
    expect(arabicCreated?.line).toBe(
      `${arabic}: created ${arabicId} «وصول أول قافلة مساعدات إلى الريف الشمالي»`,
    );
    const encoded = join(dir, 'encoded.html');
    writeFileSync(
      encoded,
      savedPage(
        'وصول أول قافلة مساعدات إلى الريف الشمالي',
        `https://other-paper.example/${encodeURIComponent('أخبار')}/${encodeURIComponent('الذهب')}`,
      ),
    );
    expect((await importAll([encoded]))[0]?.line).toBe(
      `${encoded}: updated ${arabicId} «وصول أول قافلة مساعدات إلى الريف الشمالي»`,
    );
    expect(await countArticles(database.db)).toBe(3);

    // Another query parameter is another article (`?p=123`).
    const byQuery = join(dir, 'by-query.html');
    writeFileSync(
      byQuery,
      savedPage(
        'وصول أول قافلة مساعدات إلى الريف الشمالي',
        'https://other-paper.example/news/1256?p=2',
      ),
    );
    expect((await importAll([byQuery]))[0]?.line).toMatch(/: created \d+ «/u);
    expect(
      await findIdentityBySourceUrl(database.db, 'https://other-paper.example/news/1256?p=2'),
    ).not.toBeNull();
  });

  it('reads a page saved from <body> on (no <html> or <head>) as a page', async () => {
    const fragment = join(dir, 'fragment.html');
    const headline = 'وصول أول قافلة مساعدات إلى الريف الشمالي';
    writeFileSync(
      fragment,
      `<body dir="rtl"><article><h1>${headline}</h1><p>${CAPTURE_PARAGRAPHS[0]}</p><p>${CAPTURE_PARAGRAPHS[1]}</p></article></body>`,
    );
    const [outcome] = await importAll([fragment]);
    expect(outcome?.line).toMatch(new RegExp(`^${fragment}: created \\d+ «${headline}»$`, 'u'));
    expect(await countArticles(database.db)).toBe(1);
  });

  it('names markup that is no HTML page by its first element, in a sentence that says each thing once', async () => {
    const note = join(dir, 'note.xml');
    writeFileSync(note, '<note><to>التحرير</to></note>');
    expect((await importAll([note]))[0]?.line).toBe(
      `${note}: refused: this is markup that starts with <note>, not a page capture, an HTML article page, JSON Lines, or a WordPress or Ghost export; nothing was imported`,
    );
  });

  it('refuses a section page, a list of links, writing nothing', async () => {
    const listing = join(dir, 'section.html');
    writeFileSync(listing, readFileSync('test/fixtures/html-pages/section-listing.html'));
    expect((await importAll([listing]))[0]?.line).toBe(
      `${listing}: refused: No article text was found in the page: it looks like a list of links (a section or index page).`,
    );
    expect(await countArticles(database.db)).toBe(0);
  });

  it('refuses a page whose Arabic was garbled through windows-1252 and saved again, writing nothing', async () => {
    const garbled = join(dir, 'garbled.html');
    writeFileSync(garbled, garble(savedPage(LIBRARY_HEADLINE, 'https://x.example/a/1')));
    const [outcome] = await importAll([garbled]);
    expect([outcome?.ok, outcome?.line]).toEqual([
      false,
      `${garbled}: refused: ${MOJIBAKE_MESSAGE}`,
    ]);
    expect(await countArticles(database.db)).toBe(0);
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

describe('a wire file whose Arabic was garbled through windows-1252', () => {
  it('is refused as WIRE_ENCODING, saying what happened and what to do', async () => {
    const file = join(testFolder('html-page'), 'garbled-nitf.xml');
    const nitf = readFileSync('test/fixtures/wire/nitf.xml', 'utf8');
    writeFileSync(file, garble(nitf));
    let error: unknown;
    try {
      await readWireDocument(createReadStream(file, { highWaterMark: 1024 }), { fileName: file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WireReadError);
    expect([(error as WireReadError).code, (error as WireReadError).message]).toEqual([
      'WIRE_ENCODING',
      MOJIBAKE_MESSAGE,
    ]);
  });
});
