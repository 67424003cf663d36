/**
 * The wire readers over the fixtures written for them (test/fixtures/wire/):
 * every format and encoding the desk takes, read as a file stream, and the
 * documents refused. No database.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { WireDocument, WireItemInput } from '../../src/domain/wire-item.js';
import { readWireDocument, WireReadError } from '../../src/importers/wire/read-wire.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/wire/', import.meta.url));

/** A fixture read as a stream of `chunkBytes`-byte chunks. */
function read(
  name: string,
  hints: { contentType?: string } = {},
  chunkBytes = 64 * 1024,
): Promise<WireDocument> {
  const stream = createReadStream(`${FIXTURES}${name}`, { highWaterMark: chunkBytes });
  return readWireDocument(stream, { fileName: name, ...hints });
}

async function refusal(name: string): Promise<WireReadError> {
  const error: unknown = await read(name).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(WireReadError);
  return error as WireReadError;
}

function when(item: WireItemInput | undefined): [string | undefined, number | null | undefined] {
  return [item?.sentAt?.toISOString(), item?.sentOffsetMinutes];
}

const BUDGET_BODY =
  '<p>أقر مجلس الوزراء في جلسته الأسبوعية يوم الجمعة مشروع موازنة عام 2027، بعجز يبلغ 3.1 في المئة من الناتج المحلي الإجمالي.</p>\n' +
  '<p>وقال وزير المالية إن الحكومة ستحيل المشروع إلى مجلس النواب خلال أسبوعين، مؤكدا أن "الإنفاق على التعليم والصحة لن يمس".</p>\n' +
  // Relative addresses resolved against the item's page, so that neither becomes one of our site's.
  '<p><img src="https://wire.example.com/ar/news/2026/12/04/budget-chart.png" alt="رسم بياني"> وكانت <a href="https://wire.example.com/ar/news/2026/11/20/budget-draft">المسودة الأولى</a> قد نشرت الشهر الماضي.</p>';

describe('RSS 2.0 in Arabic, in every encoding', () => {
  it.each([
    ['rss-utf8.xml', 'utf-8'],
    ['rss-windows-1256-declared.xml', 'windows-1256'],
    ['rss-windows-1256-undeclared.xml', 'windows-1256'],
    ['rss-iso-8859-6.xml', 'iso-8859-6'],
  ])('reads %s as %s, the same items as the UTF-8 feed', async (name, encoding) => {
    const document = await read(name);

    expect(document.format).toBe('rss2');
    expect(document.encoding).toBe(encoding);
    expect(document.warnings).toEqual([]);
    expect(document.items).toEqual([
      {
        guid: 'wire-ar-20261204-0001',
        version: null,
        headline: 'الحكومة تقر موازنة عام 2027 بعجز أقل من المتوقع',
        slugline: '',
        byline: 'سارة الخطيب',
        summary: 'أقر مجلس الوزراء مشروع موازنة 2027 بعجز يبلغ 3.1 في المئة من الناتج المحلي.',
        bodyHtml: BUDGET_BODY,
        link: 'https://wire.example.com/ar/news/2026/12/04/budget-2027',
        language: 'ar',
        subjects: ['اقتصاد', 'سياسة'],
        sentAt: new Date('2026-12-04T07:15:00.000Z'),
        sentOffsetMinutes: 180,
      },
      {
        guid: 'https://wire.example.com/ar/news/2026/12/04/quake',
        version: null,
        headline: 'عاجل: هزة أرضية بقوة 4.2 درجات تضرب شمال البلاد',
        slugline: '',
        byline: 'مكتب الأخبار العاجلة',
        summary: '',
        bodyHtml:
          '<p>سجل المرصد الوطني هزة أرضية بقوة 4.2 درجات على مقياس ريختر فجر الجمعة، ولم ترد أنباء عن إصابات.</p>\n' +
          '<p>وقال المرصد إن مركز الهزة كان على عمق عشرة كيلومترات.</p>',
        link: 'https://wire.example.com/ar/news/2026/12/04/quake',
        language: 'ar',
        subjects: ['منوعات'],
        sentAt: new Date('2026-12-04T08:05:00.000Z'),
        sentOffsetMinutes: 0,
      },
      {
        guid: 'https://wire.example.com/ar/sport/2026/12/03/semi-final',
        version: null,
        headline: 'المنتخب يتأهل إلى نصف النهائي بعد فوز صعب',
        slugline: '',
        byline: '',
        summary: '',
        bodyHtml:
          '<p>تأهل المنتخب الوطني إلى الدور نصف النهائي بفوزه على ضيفه بهدفين مقابل هدف.</p>',
        link: 'https://wire.example.com/ar/sport/2026/12/03/semi-final',
        language: 'ar',
        subjects: ['رياضة'],
        sentAt: new Date('2026-12-04T04:40:00.000Z'),
        sentOffsetMinutes: -300,
      },
    ]);
  });

  it('reads the feed the same when it arrives a few bytes at a time (characters cut between chunks)', async () => {
    const whole = await read('rss-utf8.xml');
    const trickled = await read('rss-utf8.xml', {}, 7);
    const legacy = await read('rss-windows-1256-declared.xml', {}, 5);

    expect(trickled).toEqual(whole);
    expect(legacy.items).toEqual(whole.items);
  });

  it('detects ISO-8859-6 when the same feed declares nothing', async () => {
    const declared = readFileSync(`${FIXTURES}rss-iso-8859-6.xml`).toString('latin1');
    const undeclared = Buffer.from(declared.replace(' encoding="ISO-8859-6"', ''), 'latin1');

    const document = await readWireDocument(undeclared, {});

    expect(document.encoding).toBe('iso-8859-6');
    expect(document.items.map((item) => item.headline)).toEqual([
      'الحكومة تقر موازنة عام 2027 بعجز أقل من المتوقع',
      'عاجل: هزة أرضية بقوة 4.2 درجات تضرب شمال البلاد',
      'المنتخب يتأهل إلى نصف النهائي بعد فوز صعب',
    ]);
  });

  it('takes the encoding from the Content-Type when the document declares none', async () => {
    const document = await read('rss-windows-1256-undeclared.xml', {
      contentType: 'application/rss+xml; charset=windows-1256',
    });

    expect(document.encoding).toBe('windows-1256');
    expect(document.items[0]?.headline).toBe('الحكومة تقر موازنة عام 2027 بعجز أقل من المتوقع');
  });

  it('honours the XML declaration over the Content-Type charset', async () => {
    const document = await read('rss-windows-1256-declared.xml', {
      contentType: 'text/xml; charset=utf-8',
    });

    expect(document.encoding).toBe('windows-1256');
    expect(document.items[0]?.byline).toBe('سارة الخطيب');
  });

  it('refuses a feed that claims UTF-8 but holds windows-1256 bytes, naming the offset', async () => {
    const bytes = readFileSync(`${FIXTURES}rss-false-utf8.xml`);
    const firstArabicByte = bytes.findIndex((byte) => byte >= 0x80);

    const error = await refusal('rss-false-utf8.xml');

    expect(firstArabicByte).toBe(224);
    expect(error.code).toBe('WIRE_ENCODING');
    expect(error.message).toBe(
      'The bytes are not valid utf-8: byte 0xE6 at offset 224 cannot be read.',
    );
  });

  it('refuses a DOCTYPE declaring an external entity, never reading it', async () => {
    const error = await refusal('rss-doctype-entity.xml');

    expect(error.code).toBe('WIRE_DTD');
    expect(error.message).toContain('DOCTYPE');
  });
});

describe('Atom 1.0', () => {
  it('reads html, xhtml and text content, xml:base links, authors, categories and offsets', async () => {
    const document = await read('atom.xml');

    expect(document.format).toBe('atom');
    expect(document.encoding).toBe('utf-8');
    expect(document.warnings).toEqual([]);
    const [fair, talks, gold] = document.items;
    expect(fair).toEqual({
      guid: 'tag:news.example.org,2026:entry-5511',
      version: null,
      headline: 'افتتاح معرض الكتاب الدولي بمشاركة 400 دار نشر',
      slugline: '',
      byline: 'نور الهدى عيسى',
      summary: 'يستمر المعرض عشرة أيام ويستضيف ندوات وأمسيات شعرية.',
      bodyHtml:
        '<p>افتتح وزير الثقافة صباح اليوم معرض الكتاب الدولي في دورته الثلاثين، بمشاركة 400 دار نشر من 25 دولة.</p><p>ويستمر المعرض عشرة أيام.</p>',
      link: 'https://news.example.org/ar/culture/2026/12/book-fair',
      language: 'ar',
      subjects: ['ثقافة', 'كتب'],
      sentAt: new Date('2026-12-04T08:30:00.000Z'),
      sentOffsetMinutes: 180,
    });
    expect(talks?.headline).toBe('محادثات جديدة لوقف إطلاق النار');
    expect(talks?.byline).toBe('شبكة الأخبار المثالية');
    expect(talks?.link).toBe('https://news.example.org/ar/world/2026/12/talks');
    expect(talks?.bodyHtml).toBe(
      '<p>تستأنف الأطراف <strong>غدا</strong> محادثات وقف إطلاق النار.</p><p>وقال الوسيط إن <a href="https://news.example.org/ar/world/2026/12/earlier">الجولة السابقة</a> حققت تقدما.</p>',
    );
    expect(when(talks)).toEqual(['2026-12-04T07:45:00.000Z', 0]);
    expect(gold?.bodyHtml).toBe(
      '<p>ارتفعت أسعار الذهب بنسبة 0.8 في المئة.</p>\n<p>وتترقب الأسواق بيانات التضخم.</p>',
    );
    expect(when(gold)).toEqual(['2026-12-04T04:10:00.250Z', 120]);
  });
});

describe('JSON Feed 1.1', () => {
  it('reads content_html and content_text, authors, tags, languages; skips an item without title', async () => {
    const document = await read('jsonfeed.json', { contentType: 'application/feed+json' });

    expect(document.format).toBe('jsonfeed');
    expect(document.encoding).toBe('utf-8');
    expect(document.warnings).toEqual(['JSON Feed item 3 has no headline; it was skipped.']);
    expect(document.items).toEqual([
      {
        guid: 'aw-2026-12-04-118',
        version: null,
        headline: 'قمة إقليمية للمياه تدعو إلى تعاون عابر للحدود',
        slugline: '',
        byline: 'كريم منصور، هالة يوسف',
        summary: 'البيان الختامي يوصي بآلية دائمة لتقاسم البيانات',
        bodyHtml:
          '<p>دعت القمة الإقليمية للمياه في ختام أعمالها إلى إنشاء آلية دائمة لتقاسم بيانات الأنهار.</p><p>وشارك في القمة وزراء من تسع دول.</p>',
        link: 'https://arabwire.example.net/ar/2026/12/04/water-summit',
        language: 'ar-EG',
        subjects: ['بيئة', 'مياه'],
        sentAt: new Date('2026-12-04T07:30:00.000Z'),
        sentOffsetMinutes: 120,
      },
      {
        guid: '119',
        version: null,
        headline: 'أمطار غزيرة متوقعة في المناطق الساحلية',
        slugline: '',
        byline: 'قسم الطقس',
        summary: '',
        bodyHtml: '<p>توقعت هيئة الأرصاد هطول أمطار غزيرة مساء اليوم.<br>وحذرت من تشكل السيول.</p>',
        link: 'https://arabwire.example.net/ar/2026/12/04/rain',
        language: 'ar',
        subjects: [],
        sentAt: new Date('2026-12-04T06:45:00.000Z'),
        sentOffsetMinutes: 0,
      },
    ]);
  });
});

const G2_BODY_V2 =
  '<p>بدأ مجلس النواب الجمعة مناقشة مشروع موازنة عام 2027، وسط خلاف بين الكتل النيابية على بند دعم الوقود.</p>\n' +
  '<p>وقال رئيس اللجنة المالية سامي العلي إن اللجنة "ستستمع إلى الوزراء تباعا" قبل التصويت.</p>\n' +
  '<h2>خلاف على الدعم</h2>\n' +
  '<p>وتطالب كتل المعارضة بزيادة مخصصات <em>الدعم</em> بنسبة 10 في المئة.</p>';

describe('NewsML-G2', () => {
  it('reads a text newsItem with an Arabic NITF body in inlineXML', async () => {
    const document = await read('newsml-g2-item-v2.xml');

    expect(document.format).toBe('newsml-g2');
    expect(document.warnings).toEqual([]);
    expect(document.items).toEqual([
      {
        guid: 'urn:newsml:wire.example.com:20261204:ar-TX-0042',
        version: 2,
        headline: 'البرلمان يناقش مشروع موازنة 2027 وسط خلاف على الدعم',
        slugline: 'موازنة-2027',
        byline: 'ليلى حداد',
        summary: 'بدأ مجلس النواب مناقشة مشروع موازنة 2027 وسط خلاف بين الكتل على بند دعم الوقود.',
        bodyHtml: G2_BODY_V2,
        link: null,
        language: 'ar',
        subjects: ['الاقتصاد والأعمال والمال', 'السياسة', 'Jordan'],
        sentAt: new Date('2026-12-04T08:20:00.000Z'),
        sentOffsetMinutes: 180,
      },
    ]);
  });

  it('reads version 3 of the same item under the same guid, with its new headline', async () => {
    const [v2] = (await read('newsml-g2-item-v2.xml')).items;
    const [v3] = (await read('newsml-g2-item-v3.xml')).items;

    expect(v3?.guid).toBe(v2?.guid);
    expect([v2?.version, v3?.version]).toEqual([2, 3]);
    expect(v3?.headline).toBe('البرلمان يقر مشروع موازنة 2027 بعد تسوية بشأن الدعم');
    expect(v3?.bodyHtml).toContain(
      '<p>وفي وقت لاحق، أقر المجلس المشروع بأغلبية 78 صوتا بعد تسوية رفعت مخصصات الدعم.</p>',
    );
    expect(when(v3)).toEqual(['2026-12-04T13:45:30.000Z', 180]);
  });

  it('refuses a packageItem as a package, not an article', async () => {
    const error = await refusal('newsml-g2-package.xml');

    expect(error.code).toBe('WIRE_PACKAGE');
    expect(error.message).toContain('a package, not an article');
  });

  it('reads each newsItem of a newsMessage and skips its packageItem with a warning', async () => {
    const document = await read('newsml-g2-message.xml');

    expect(document.format).toBe('newsml-g2');
    expect(document.warnings).toEqual([
      'The packageItem urn:newsml:wire.example.com:20261204:ar-PKG-0008 is a package, not an article; it was skipped.',
    ]);
    const [theatre, phosphate] = document.items;
    expect(theatre).toEqual({
      guid: 'urn:newsml:wire.example.com:20261204:ar-TX-0051',
      version: 1,
      headline: 'انطلاق مهرجان المسرح العربي بمشاركة 12 فرقة',
      slugline: 'مهرجان-المسرح',
      byline: 'مكتب بيروت',
      summary: '',
      bodyHtml:
        '<p>انطلقت مساء الخميس فعاليات مهرجان المسرح العربي بمشاركة 12 فرقة.</p><p>ويستمر المهرجان أسبوعا.</p>',
      link: null,
      language: 'ar-LB',
      subjects: ['الفنون والثقافة والترفيه'],
      sentAt: new Date('2026-12-04T09:58:00.000Z'),
      sentOffsetMinutes: 180,
    });
    expect(phosphate?.guid).toBe('urn:newsml:wire.example.com:20261204:ar-TX-0052');
    expect(phosphate?.version).toBe(4);
    expect(phosphate?.byline).toBe('أحمد ياسين، رنا سليمان');
    expect(phosphate?.bodyHtml).toBe(
      '<p>ارتفعت صادرات الفوسفات خلال الأشهر العشرة الأولى من العام بنسبة 15 في المئة.</p>',
    );
    expect(when(phosphate)).toEqual(['2026-12-04T10:59:59.000Z', 0]);
  });
});

describe('NewsML 1.x', () => {
  it('reads a NewsItem: its identifier without the revision, RevisionId, NewsLines and NITF DataContent', async () => {
    const document = await read('newsml1.xml');

    expect(document.format).toBe('newsml1');
    expect(document.warnings).toEqual([]);
    expect(document.items).toEqual([
      {
        guid: 'urn:newsml:wire.example.com:20261204:TX-0077',
        version: 2,
        headline: 'افتتاح أول محطة لتحلية المياه بالطاقة الشمسية',
        slugline: 'تحلية-شمسية',
        byline: 'خالد الزين',
        summary: '',
        bodyHtml:
          '<p>افتتحت الحكومة اليوم أول محطة لتحلية مياه البحر تعمل بالطاقة الشمسية في مدينة العقبة.</p>\n' +
          '<p>وقال وزير المياه إن المحطة ستنتج 50 ألف متر مكعب يوميا.</p>',
        link: null,
        language: 'ar',
        subjects: ['طاقة', 'مياه'],
        sentAt: new Date('2026-12-04T06:30:00.000Z'),
        sentOffsetMinutes: 180,
      },
    ]);
  });
});

describe('NITF 3.x on its own', () => {
  it('reads doc-id, du-key, date.issue norm, hedline, byline, abstract and body.content (external DTD ignored)', async () => {
    const document = await read('nitf.xml');

    expect(document.format).toBe('nitf');
    expect(document.warnings).toEqual([]);
    expect(document.items).toEqual([
      {
        guid: 'WIRE-AR-20261204-0133',
        version: 2,
        headline: 'عاصفة ثلجية تغلق الطرق الجبلية في الجنوب',
        slugline: 'عاصفة-ثلجية',
        byline: 'بقلم منى الشريف، مراسلة الوكالة',
        summary: 'أغلقت السلطات ثلاثة طرق جبلية رئيسية بسبب تراكم الثلوج.',
        bodyHtml:
          '<p>أغلقت السلطات صباح الجمعة ثلاثة طرق جبلية رئيسية في محافظات الجنوب بسبب تراكم الثلوج وتشكل الجليد.</p>\n' +
          '<p>ودعا الدفاع المدني المواطنين إلى تجنب السفر، ونشر <a href="https://wire.example.com/ar/roads">خريطة الطرق المغلقة</a>.</p>\n' +
          '<blockquote><p>الوضع تحت السيطرة، لكن الحذر واجب.</p><cite>مدير الدفاع المدني</cite></blockquote>',
        link: null,
        language: 'ar',
        subjects: ['أحوال جوية', 'طرق', 'شتاء'],
        sentAt: new Date('2026-12-04T07:15:00.000Z'),
        sentOffsetMinutes: 180,
      },
    ]);
  });
});
