import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtmlPageError } from './html-page-error.js';
import { parsePageDate } from './page-date.js';
import { savedFromUrl } from './page-metadata.js';
import {
  NEWS_SITE_MORE_HEADLINES,
  NEWS_SITE_PARAGRAPHS,
  NEWS_SITE_READ_ALSO,
} from '../../../test/fixtures/html-pages/news-site-article.js';
import { MAX_HTML_PAGE_BYTES, MAX_HTML_PAGE_DEPTH, readHtmlPage } from './read-html-page.js';

const fixture = (name: string) => readFileSync(`test/fixtures/html-pages/${name}`);
const utf8 = (text: string) => new TextEncoder().encode(text);
const ZONE = 'Asia/Damascus';

const PROSE_1 =
  'قالت مصادر محلية إن الطريق بين المدينتين أعيد فتحه صباح اليوم بعد إصلاح الجسر الذي انهار خلال العاصفة الأخيرة، وسط ازدحام كبير للشاحنات.';
const PROSE_2 =
  'وأضافت المصادر أن ورشات الصيانة ستواصل عملها خلال الأسبوع المقبل لتدعيم أطراف الجسر وإعادة تعبيد المقاطع المتضررة من الطريق.';

/** A page of our own: `head` in the head, `body` in an article element. */
function page(head: string, body: string): Uint8Array {
  return utf8(
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">${head}</head><body><div id="content">${body}</div></body></html>`,
  );
}

/** The byte windows-1252 decodes to `char` (a round trip of bytes through text). */
function windows1252Byte(char: string): number {
  for (let byte = 0; byte < 256; byte++) {
    if (new TextDecoder('windows-1252').decode(new Uint8Array([byte])) === char) return byte;
  }
  throw new Error(`no byte for ${char}`);
}

function refusal(bytes: Uint8Array, encoding?: string): HtmlPageError {
  try {
    readHtmlPage(bytes, { timeZone: ZONE, encoding });
  } catch (error) {
    if (error instanceof HtmlPageError) return error;
    throw error;
  }
  throw new Error('the page was accepted');
}

describe('readHtmlPage on saved pages', () => {
  it('reads a UTF-8 news page: metadata first, no menu, breadcrumb, share, related, policy or footer', () => {
    const { article, warnings, encoding } = readHtmlPage(fixture('utf8-article.html'), {
      timeZone: ZONE,
    });
    expect(encoding).toBe('utf-8');
    expect(warnings).toEqual([]);
    expect(article).toEqual({
      id: null,
      headline: 'افتتاح سوق الهال الجديد في حلب بعد سنوات من التأجيل',
      paragraphs: [
        'افتتحت محافظة حلب صباح اليوم سوق الهال الجديد في منطقة الراموسة، بعد أكثر من خمس سنوات على وضع حجر الأساس، وبحضور عدد من التجار والمزارعين من ريف المحافظة.',
        'ويضم السوق مئة وعشرين محلاً لتجارة الخضار والفواكه بالجملة، إضافة إلى مستودعات مبردة وساحة لتحميل الشاحنات، بحسب ما قاله مدير السوق للصحفيين خلال جولة في المكان.',
        'وقال أحد تجار الجملة إن نقل السوق من وسط المدينة سيخفف الازدحام في الشوارع القديمة، لكنه أشار إلى أن أجور النقل إلى المنطقة الجديدة ما زالت مرتفعة على صغار المزارعين.',
        'ومن المقرر أن يُغلق السوق القديم نهائياً مطلع الشهر المقبل، على أن تُمنح المحال فيه لأصحابها مهلة أسبوعين لنقل بضائعهم.',
      ],
      readAlso: [],
      moreHeadlines: [],
      byline: 'سمر الأحمد',
      sectionName: 'اقتصاد',
      // 10:15 at +03:00.
      publishedAt: new Date('2024-03-12T07:15:00.000Z'),
      publishedPrecision: 'minute',
      publishedLocalTime: null,
      views: 0,
      sourceUrl: 'https://shamal-news.example/news/48213-souq-al-hal',
      slug: null,
      matchBy: 'sourceUrl',
    });
  });

  it('reads a news site\'s article page: no header meta line, "more news" as more headlines, the site is no byline', () => {
    const { article, warnings } = readHtmlPage(fixture('news-site-article.html'), {
      timeZone: ZONE,
    });
    expect(warnings).toEqual([]);
    expect(article).toEqual({
      id: null,
      headline: 'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
      paragraphs: NEWS_SITE_PARAGRAPHS,
      // The inline «اقرأ أيضاً» <aside> box between the third and fourth paragraphs.
      readAlso: [{ headline: NEWS_SITE_READ_ALSO, afterParagraph: 3 }],
      moreHeadlines: NEWS_SITE_MORE_HEADLINES,
      // The JSON-LD author is the publisher, a NewsMediaOrganization named like og:site_name.
      byline: null,
      sectionName: null,
      publishedAt: new Date('2020-01-18T09:43:00.000Z'),
      publishedPrecision: 'minute',
      publishedLocalTime: null,
      views: 0,
      sourceUrl:
        'http://127.0.0.1:3450/a/258871304963183/توافق-أمريكي-تركي-بخصوص-وقف-إطلاق-النار-في-إدلب',
      slug: null,
      matchBy: 'sourceUrl',
    });
  });

  it('reads an old windows-1256 page by its http-equiv meta: title without the site, printed date, read-also', () => {
    const bytes = fixture('windows-1256-article.html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { article, warnings, encoding } = readHtmlPage(bytes, { timeZone: ZONE });
    expect(encoding).toBe('windows-1256');
    expect(warnings).toEqual([]);
    expect(article.headline).toBe('عودة الدوام إلى مدارس ريف إدلب بعد أسبوع من الفيضانات');
    expect(article.paragraphs).toEqual([
      'عاد الطلاب صباح اليوم إلى مدارسهم في عدد من قرى ريف إدلب الغربي، بعد أسبوع من التوقف بسبب الفيضانات التي غمرت الطرق الزراعية وعدداً من الصفوف في المدارس القريبة من مجرى النهر.',
      'وقال مدير التربية في المحافظة إن فرق الصيانة أنهت تجفيف الصفوف المتضررة وإصلاح أبوابها ونوافذها، وإن المدارس الثلاث التي ما زالت مغلقة ستفتح أبوابها مطلع الأسبوع القادم.',
      'وأضاف أن المديرية ستعوض الطلاب عن الدروس التي فاتتهم بحصص إضافية أيام السبت حتى نهاية الفصل الدراسي الأول.',
    ]);
    expect(article.readAlso).toEqual([
      { headline: 'الفيضانات تقطع الطرق بين قرى ريف إدلب الغربي', afterParagraph: 2 },
    ]);
    // `تاريخ النشر: 2009-11-05 08:30`, Damascus time (UTC+2 in November 2009).
    expect(article.publishedAt).toEqual(new Date('2009-11-05T06:30:00.000Z'));
    expect(article.publishedPrecision).toBe('minute');
    // The address Internet Explorer noted when it saved the page; its number is not our id.
    expect([article.byline, article.sectionName, article.sourceUrl, article.id]).toEqual([
      null,
      null,
      'http://shamal-news.example/news.php?id=20345',
      null,
    ]);
  });

  it('reads the same windows-1256 page as garbage-free text only in its encoding: --encoding overrides', () => {
    const error = refusal(fixture('windows-1256-article.html'), 'utf-8');
    expect(error.code).toBe('HTML_PAGE_ENCODING');
    expect(error.message).toMatch(
      /^The bytes are not valid utf-8: byte 0x[0-9A-F]{2} at offset \d+ cannot be read\.$/,
    );
  });

  it('detects windows-1256 for certain in a page that declares nothing', () => {
    const declared = new TextDecoder('windows-1252').decode(fixture('windows-1256-article.html'));
    const bare = declared.replace(/<meta http-equiv[^>]*>/u, '');
    expect(bare).not.toBe(declared);
    const bytes = new Uint8Array([...bare].map((char) => windows1252Byte(char)));
    const { article, encoding } = readHtmlPage(bytes, { timeZone: ZONE });
    expect(encoding).toBe('windows-1256');
    expect(article.headline).toBe('عودة الدوام إلى مدارس ريف إدلب بعد أسبوع من الفيضانات');
  });

  it('refuses a windows-1256 page that declares iso-8859-1, naming the encoding to use', () => {
    const bytes = new Uint8Array(fixture('windows-1256-article.html'));
    const declared = new TextDecoder('windows-1252').decode(bytes);
    const lie = declared.replace('charset=windows-1256', 'charset=iso-8859-1');
    const lying = new Uint8Array([...lie].map((char) => windows1252Byte(char)));
    const error = refusal(lying);
    expect(error.code).toBe('HTML_PAGE_ENCODING');
    expect(error.message).toBe(
      'The page declares "iso-8859-1" (read as windows-1252), but its text is Arabic in windows-1256; import it with --encoding windows-1256.',
    );
    expect(readHtmlPage(lying, { timeZone: ZONE, encoding: 'windows-1256' }).encoding).toBe(
      'windows-1256',
    );
    const latin = lie.replace('charset=iso-8859-1', 'charset=windows-1252');
    expect(refusal(new Uint8Array([...latin].map((char) => windows1252Byte(char)))).message).toBe(
      'The page declares "windows-1252", but its text is Arabic in windows-1256; import it with --encoding windows-1256.',
    );
  });

  it('refuses a windows-1256 page that declares utf-8, naming the encoding to use', () => {
    const bytes = new Uint8Array(fixture('windows-1256-article.html'));
    const declared = new TextDecoder('windows-1252').decode(bytes);
    const lie = declared.replace('charset=windows-1256', 'charset=UTF-8');
    const lying = new Uint8Array([...lie].map((char) => windows1252Byte(char)));
    const offset = lying.findIndex((byte) => byte >= 0x80);
    const error = refusal(lying);
    expect([error.code, error.message]).toEqual([
      'HTML_PAGE_ENCODING',
      `The page declares "utf-8", but its bytes are not UTF-8 (byte 0x${lying[offset]?.toString(16).toUpperCase()} at offset ${offset}) and its text looks like Arabic in windows-1256; import it with --encoding windows-1256.`,
    ]);
    expect(readHtmlPage(lying, { timeZone: ZONE, encoding: 'windows-1256' }).encoding).toBe(
      'windows-1256',
    );
  });

  it('keeps a UTF-8 page UTF-8 when a legacy encoding is named for the batch, and says so', () => {
    const { article, warnings, encoding } = readHtmlPage(fixture('utf8-article.html'), {
      timeZone: ZONE,
      encoding: 'windows-1256',
    });
    expect(encoding).toBe('utf-8');
    expect(article.headline).toBe('افتتاح سوق الهال الجديد في حلب بعد سنوات من التأجيل');
    expect(warnings).toEqual([
      {
        code: 'HTML_PAGE_ENCODING_IGNORED',
        message:
          'The page is UTF-8, so it was read as UTF-8, not in the encoding named with --encoding.',
      },
    ]);
  });

  it('prefers og:title and JSON-LD over a visible title that differs', () => {
    const { article, warnings } = readHtmlPage(fixture('json-ld-article.html'), { timeZone: ZONE });
    expect(warnings).toEqual([]);
    expect(article).toEqual({
      id: null,
      headline: 'مكتبة حلب العامة تمدد ساعات عملها إلى التاسعة مساءً طوال الشتاء',
      paragraphs: [
        'قررت إدارة مكتبة حلب العامة تمديد ساعات العمل اليومية حتى التاسعة مساءً، ابتداءً من الأسبوع المقبل وحتى نهاية فصل الشتاء، استجابةً لطلبات الطلاب والباحثين.',
        'وقالت مديرة المكتبة إن قاعة المطالعة الكبرى ستبقى مفتوحة طوال ساعات الدوام الجديدة، وإن المكتبة ستوفر التدفئة والإنارة في القاعات كلها رغم ارتفاع تكاليف الوقود.',
        'ما الذي يتغير؟',
        'تبدأ الإعارة الساعة التاسعة صباحاً وتنتهي الساعة الثامنة مساءً.',
        'يُسمح للطلاب بحجز طاولات المطالعة مسبقاً عبر مكتب الاستقبال.',
        'وأضافت المديرة أن المكتبة تدرس أيضاً فتح أبوابها يوم الجمعة إذا ازداد عدد الزوار خلال الأسابيع الأولى من التجربة.',
      ],
      readAlso: [{ headline: 'معرض الكتاب في حلب يستقبل عشرين ألف زائر', afterParagraph: 5 }],
      moreHeadlines: [],
      byline: 'ليلى حداد، عمر النجار',
      sectionName: 'ثقافة',
      // 18:45 at +02:00.
      publishedAt: new Date('2025-01-20T16:45:00.000Z'),
      publishedPrecision: 'minute',
      publishedLocalTime: null,
      views: 0,
      sourceUrl: 'https://wadi.example/culture/2025/01/library-hours-7741',
      slug: null,
      matchBy: 'sourceUrl',
    });
  });
});

describe('readHtmlPage: headline and metadata', () => {
  const body = `<p>${PROSE_1}</p><p>${PROSE_2}</p>`;

  it('takes the <title> without a site name set off by a separator, when there is no og:title', () => {
    const read = (title: string) =>
      readHtmlPage(page(`<title>${title}</title>`, body), { timeZone: ZONE }).article.headline;
    expect(read('إعادة فتح الطريق بعد إصلاح الجسر | الوادي')).toBe(
      'إعادة فتح الطريق بعد إصلاح الجسر',
    );
    expect(read('موقع الوادي الإخباري - إعادة فتح الطريق بعد إصلاح الجسر')).toBe(
      'إعادة فتح الطريق بعد إصلاح الجسر',
    );
    expect(read('إعادة فتح الطريق')).toBe('إعادة فتح الطريق');
  });

  it('takes og:site_name off og:title, and falls back to the <h1>', () => {
    const og = readHtmlPage(
      page(
        '<meta property="og:site_name" content="الوادي"><meta property="og:title" content="الوادي :: إعادة فتح الطريق">',
        body,
      ),
      { timeZone: ZONE },
    );
    expect(og.article.headline).toBe('إعادة فتح الطريق');
    const h1 = readHtmlPage(page('', `<h1>إعادة فتح الطريق</h1>${body}`), { timeZone: ZONE });
    expect(h1.article.headline).toBe('إعادة فتح الطريق');
    expect(h1.article.paragraphs).toEqual([PROSE_1, PROSE_2]);
  });

  it('reads a date without an offset in the site zone, a bare date as a day, and warns without one', () => {
    const dated = (value: string) =>
      readHtmlPage(
        page(
          `<title>خبر الطريق</title><meta property="article:published_time" content="${value}">`,
          body,
        ),
        {
          timeZone: ZONE,
        },
      );
    expect(dated('2024-07-01T09:00').article.publishedAt).toEqual(new Date('2024-07-01T06:00:00Z'));
    expect(dated('2024-07-01').article).toMatchObject({
      publishedAt: new Date('2024-06-30T21:00:00Z'),
      publishedPrecision: 'day',
    });
    expect(dated('أمس').warnings).toEqual([
      {
        code: 'HTML_PAGE_DATE_UNREADABLE',
        message: "The page's publish date «أمس» cannot be read, so the date is left empty.",
      },
    ]);
    expect(
      readHtmlPage(page('<title>خبر الطريق</title>', body), { timeZone: ZONE }).warnings,
    ).toEqual([
      {
        code: 'HTML_PAGE_NO_DATE',
        message:
          'The page states no publish date, in its metadata or above its text, so the date is left empty.',
      },
    ]);
  });

  it('skips ill-formed JSON-LD and takes the article object from a list', () => {
    const head =
      '<script type="application/ld+json">{ not json</script>' +
      '<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["ReportageNewsArticle"],"headline":"إعادة فتح الطريق","datePublished":"2024-07-01T09:00:00Z","author":"سامر علي","articleSection":"محليات","url":"https://x.example/a/991"}]</script>';
    const { article } = readHtmlPage(page(head, body), { timeZone: ZONE });
    expect(article).toMatchObject({
      id: null,
      headline: 'إعادة فتح الطريق',
      publishedAt: new Date('2024-07-01T09:00:00Z'),
      byline: 'سامر علي',
      sectionName: 'محليات',
      sourceUrl: 'https://x.example/a/991',
    });
  });

  it('reads a page whose JSON-LD nests lists 100,000 deep, as if it had none there', () => {
    const deep = (inner: string) => `${'['.repeat(100_000)}${inner}${']'.repeat(100_000)}`;
    const head =
      `<script type="application/ld+json">${deep('{"@type":"NewsArticle","headline":"عميق"}')}</script>` +
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"إعادة فتح الطريق","author":${deep('"سامر علي"')}}</script>`;
    const { article } = readHtmlPage(page(head, body), { timeZone: ZONE });
    expect([article.headline, article.byline]).toEqual(['إعادة فتح الطريق', null]);
  });

  it('takes no organisation and not the site itself for the byline, but a person', () => {
    const byline = (head: string) =>
      readHtmlPage(page(`<title>إعادة فتح الطريق</title>${head}`, body), { timeZone: ZONE }).article
        .byline;
    const ld = (json: object) =>
      `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
    const article = { '@type': 'NewsArticle', headline: 'إعادة فتح الطريق' };
    expect(
      byline(ld({ ...article, author: { '@type': 'Organization', name: 'وكالة الوادي' } })),
    ).toBe(null);
    expect(
      byline(
        ld({
          ...article,
          author: [{ '@type': 'NewsMediaOrganization', name: 'الوادي' }],
          publisher: { '@type': 'NewsMediaOrganization', name: 'الوادي' },
        }),
      ),
    ).toBe(null);
    // A person and the site both named: the person.
    expect(
      byline(
        ld({
          ...article,
          author: [
            { '@type': 'Person', name: 'سامر علي' },
            { '@type': 'Organization', name: 'الوادي' },
          ],
        }),
      ),
    ).toBe('سامر علي');
    expect(
      byline(
        '<meta property="og:site_name" content="الوادي"><meta name="author" content="الوادي">',
      ),
    ).toBe(null);
    expect(
      byline(
        ld({
          ...article,
          author: 'الوادي',
          publisher: { '@type': 'Organization', name: 'الوادي' },
        }),
      ),
    ).toBe(null);
    expect(
      byline(
        '<meta property="og:site_name" content="الوادي"><meta name="author" content="سامر علي">',
      ),
    ).toBe('سامر علي');
  });
});

describe('readHtmlPage: what Readability keeps', () => {
  it('makes trailing lists of links "more" headlines and drops their heading', () => {
    const html = `<h1>إعادة فتح الطريق</h1><p>${PROSE_1}</p><p>${PROSE_2}</p>
      <h3>أخبار ذات صلة</h3><ul><li><a href="/a/1">انهيار جسر على الطريق الدولي</a></li><li><a href="/a/2">عاصفة تضرب المنطقة</a></li></ul>`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_1, PROSE_2]);
    expect(article.moreHeadlines).toEqual(['انهيار جسر على الطريق الدولي', 'عاصفة تضرب المنطقة']);
  });

  it('makes the headlines listed under a "more" heading more headlines, linked or not', () => {
    const html = `<article><p>${PROSE_1}</p><p>${PROSE_2}</p></article>
      <section><h2>المزيد من الأخبار</h2><ul><li><span>انهيار جسر على الطريق الدولي</span></li><li><span>عاصفة تضرب المنطقة الساحلية</span></li></ul></section>`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_1, PROSE_2]);
    expect(article.moreHeadlines).toEqual([
      'انهيار جسر على الطريق الدولي',
      'عاصفة تضرب المنطقة الساحلية',
    ]);
  });

  it('takes a list whose text is nearly all links (a date or count beside each) for links, without a heading', () => {
    const html = `<p>${PROSE_1}</p><p>${PROSE_2}</p>
      <ul><li><a href="/a/1">انهيار جسر على الطريق الدولي بعد العاصفة</a> 12/3</li><li><a href="/a/2">عاصفة تضرب المنطقة الساحلية وتقطع الكهرباء</a> (5)</li></ul>`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_1, PROSE_2]);
    expect(article.moreHeadlines).toEqual([
      'انهيار جسر على الطريق الدولي بعد العاصفة 12/3',
      'عاصفة تضرب المنطقة الساحلية وتقطع الكهرباء (5)',
    ]);
  });

  it('keeps a closing list of the article that is not under a "more" heading', () => {
    const html = `<p>${PROSE_1}</p><h3>مطالب السكان</h3><ul><li>إعادة فتح الجسر القديم</li><li>تعويض أصحاب المحال المتضررة</li></ul>`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([
      PROSE_1,
      'إعادة فتح الجسر القديم',
      'تعويض أصحاب المحال المتضررة',
    ]);
    expect(article.moreHeadlines).toEqual([]);
  });

  it('drops reading times, view counts and bylines above the text, glued or labelled', () => {
    const lines = [
      '<p><span>مدة القراءة: دقيقة واحدة</span><span><bdi>236</bdi> مشاهدة</span></p>',
      '<p>5 دقائق للقراءة</p>',
      '<p>عدد المشاهدات: ١٬٢٠٤</p>',
      '<p>كتب: سامر علي</p>',
      '<p>سامر علي</p>',
      '<p>شارك: فيسبوك | تويتر | واتساب | طباعة</p>',
    ].join('');
    const head = '<title>إعادة فتح الطريق</title><meta name="author" content="سامر علي">';
    const { article } = readHtmlPage(page(head, `${lines}<p>${PROSE_1}</p><p>${PROSE_2}</p>`), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_1, PROSE_2]);
    expect(article.byline).toBe('سامر علي');
  });

  it("drops the short lines of the article's <header>, not a paragraph of prose there", () => {
    const html = `<article><header><h1>إعادة فتح الطريق</h1><p>خاص - الوادي</p><p>${PROSE_2}</p></header><p>${PROSE_1}</p></article>`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_2, PROSE_1]);
  });

  it('reads a read-also <aside> box between paragraphs as read-also links, where it stands', () => {
    const html = `<p>${PROSE_1}</p>
      <aside class="related"><h4>اقرأ أيضاً</h4><ul><li><a href="/a/1">انهيار جسر على الطريق الدولي</a></li><li><a href="/a/2">اقرأ أيضاً: عاصفة تضرب المنطقة الساحلية</a></li></ul></aside>
      <p>${PROSE_2}</p><aside><p>إعلان</p></aside><p>${PROSE_1}</p>`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_1, PROSE_2, PROSE_1]);
    expect(article.readAlso).toEqual([
      { headline: 'انهيار جسر على الطريق الدولي', afterParagraph: 1 },
      { headline: 'عاصفة تضرب المنطقة الساحلية', afterParagraph: 1 },
    ]);
  });

  it('splits <br><br> paragraphs and drops share, print and comment-policy lines', () => {
    const html = `${PROSE_1}<br><br>${PROSE_2}<br><br>شارك: فيسبوك | تويتر | واتساب<br>طباعة<br>يرجى الالتزام بسياسة التعليقات، وتحتفظ إدارة الموقع بحق حذف التعليقات المسيئة.`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_1, PROSE_2]);
  });

  it('keeps a sentence that is all one link between paragraphs, drops a short lone link', () => {
    const linked = `<p><a href="/a/7">${PROSE_2}</a></p>`;
    const html = `<p>${PROSE_1}</p><p><a href="/tag/1">الطرق</a></p>${linked}<p>${PROSE_1}</p>`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_1, PROSE_2, PROSE_1]);
  });

  it('keeps a news paragraph that merely mentions comments or sharing', () => {
    const news =
      'ورفض المتحدث التعليق على ما نشره الموقع، واكتفى بالقول إن الوزارة شاركت في التحقيق منذ بدايته.';
    const html = `<p>${PROSE_1}</p><p>${news}</p>`;
    const { article } = readHtmlPage(page('<title>إعادة فتح الطريق</title>', html), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([PROSE_1, news]);
  });
});

describe('readHtmlPage refusals', () => {
  it('refuses a page over the size limit', () => {
    const error = refusal(new Uint8Array(MAX_HTML_PAGE_BYTES + 1));
    expect(error.code).toBe('HTML_PAGE_TOO_LARGE');
    expect(error.message).toBe('The file is 5.3 MB; a saved article page is at most 5 MB.');
  });

  it('refuses a page nested deeper than Readability can read in time', () => {
    const deep = `<p>${PROSE_1}</p>`;
    const html = (n: number) =>
      page('<title>إعادة فتح الطريق</title>', `${'<div>'.repeat(n)}${deep}${'</div>'.repeat(n)}`);
    const error = refusal(html(5000));
    expect(error.code).toBe('HTML_PAGE_TOO_LARGE');
    expect(error.message).toBe(
      `The page nests its elements 5004 deep; a saved article page is at most ${MAX_HTML_PAGE_DEPTH} deep.`,
    );
    expect(readHtmlPage(html(200), { timeZone: ZONE }).article.paragraphs).toEqual([PROSE_1]);
  });

  it('refuses a page without a headline or without text', () => {
    expect(refusal(page('', `<p>${PROSE_1}</p>`)).code).toBe('HTML_PAGE_NO_HEADLINE');
    expect(
      refusal(page('<title>إعادة فتح الطريق</title>', '<nav><a href="/">الرئيسية</a></nav>')).code,
    ).toBe('HTML_PAGE_NO_BODY');
  });

  it('refuses legacy bytes that declare nothing and cannot be told for certain', () => {
    // «فتح الطريق» in windows-1256, and no meta charset.
    const bytes = new Uint8Array([
      ...utf8('<html><head><title>'),
      0xdd,
      0xca,
      0xcd,
      0x20,
      0xc7,
      0xe1,
      0xd8,
      0xd1,
      0xed,
      0xde,
      ...utf8('</title></head><body><p>x</p></body></html>'),
    ]);
    const error = refusal(bytes);
    expect(error.code).toBe('HTML_PAGE_ENCODING');
    expect(error.message).toBe(
      'The text declares no encoding and it cannot be told for certain (it may be windows-1256); name the encoding (e.g. --encoding windows-1256).',
    );
  });
});

describe('savedFromUrl', () => {
  it("reads Internet Explorer's mark of the web and SingleFile's header", () => {
    expect(savedFromUrl('<!-- saved from url=(0027)http://old.example/?id=5 -->\n<html>')).toBe(
      'http://old.example/?id=5',
    );
    expect(
      savedFromUrl(
        '<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://old.example/a/7 \n saved date: Mon Jan 01 2024\n-->',
      ),
    ).toBe('https://old.example/a/7');
    expect(savedFromUrl('<!-- saved from url=(0014)about:internet -->')).toBeNull();
    expect(savedFromUrl('<html>')).toBeNull();
  });
});

describe('parsePageDate', () => {
  it('reads RFC 3339, a space for the T, and RFC 2822', () => {
    expect(parsePageDate('2024-03-12T10:15:00+03:00', 'UTC')).toEqual({
      at: new Date('2024-03-12T07:15:00Z'),
      precision: 'minute',
    });
    // Syria keeps UTC+3 all year since October 2022.
    expect(parsePageDate('2024-03-12 10:15:00', 'Asia/Damascus')?.at).toEqual(
      new Date('2024-03-12T07:15:00Z'),
    );
    expect(parsePageDate('Tue, 12 Mar 2024 10:15:00 +0300', 'UTC')?.at).toEqual(
      new Date('2024-03-12T07:15:00Z'),
    );
  });

  it('is null for what is no date', () => {
    expect(parsePageDate('', 'UTC')).toBeNull();
    expect(parsePageDate('2024-02-30', 'UTC')).toBeNull();
    expect(parsePageDate('12 آذار', 'UTC')).toBeNull();
  });
});

describe('readHtmlPage: a byline and date line above the text', () => {
  const TITLE = '<title>إعادة فتح الطريق بعد إصلاح الجسر</title>';
  const read = (body: string) => readHtmlPage(page(TITLE, body), { timeZone: ZONE });

  it.each([
    ['a paragraph', `<p>بقلم: ريم الحلبي | 30 نوفمبر 2026</p><p>${PROSE_1}</p><p>${PROSE_2}</p>`],
    [
      'a link and a time element',
      `<p>بقلم: <a href="/authors/rim">ريم الحلبي</a> | <time>30 نوفمبر 2026</time></p><p>${PROSE_1}</p><p>${PROSE_2}</p>`,
    ],
    [
      'an element Readability takes for the byline (class byline)',
      `<div class="byline">بقلم: ريم الحلبي | 30 نوفمبر 2026</div><p>${PROSE_1}</p><p>${PROSE_2}</p>`,
    ],
  ])('reads it in %s as byline and date, not text', (_, body) => {
    const { article, warnings } = read(body);
    expect(warnings).toEqual([]);
    expect(article).toMatchObject({
      paragraphs: [PROSE_1, PROSE_2],
      byline: 'ريم الحلبي',
      // 30 November 2026, Damascus time (UTC+3).
      publishedAt: new Date('2026-11-29T21:00:00.000Z'),
      publishedPrecision: 'day',
    });
  });

  it('still reads a date alone on its line, and leaves the byline to the metadata', () => {
    const { article } = readHtmlPage(
      page(
        `${TITLE}<meta name="author" content="سامر علي">`,
        `<p>كتبت: ريم الحلبي | 30 نوفمبر 2026</p><p>${PROSE_1}</p>`,
      ),
      { timeZone: ZONE },
    );
    expect([article.byline, article.paragraphs]).toEqual(['سامر علي', [PROSE_1]]);
    expect(read(`<p>30 نوفمبر 2026</p><p>${PROSE_1}</p>`).article).toMatchObject({
      paragraphs: [PROSE_1],
      byline: null,
      publishedAt: new Date('2026-11-29T21:00:00.000Z'),
    });
  });
});

describe('readHtmlPage: the address and the id', () => {
  const body = `<p>${PROSE_1}</p><p>${PROSE_2}</p>`;
  const read = (head: string) =>
    readHtmlPage(page(`<title>إعادة فتح الطريق</title>${head}`, body), { timeZone: ZONE }).article;

  it("takes no id from another site's address, and drops tracking parameters and the fragment", () => {
    expect(
      read(
        '<link rel="canonical" href="https://other-paper.example/news/1256?utm_source=x&fbclid=1#c">',
      ),
    ).toMatchObject({
      id: null,
      sourceUrl: 'https://other-paper.example/news/1256',
      matchBy: 'sourceUrl',
    });
    expect(
      read('<meta property="og:url" content="https://x.example/?p=123&utm_medium=social">')
        .sourceUrl,
    ).toBe('https://x.example/?p=123');
    expect(read('').sourceUrl).toBeNull();
  });
});

describe('readHtmlPage: garbled Arabic', () => {
  it('refuses a page whose Arabic was decoded as windows-1252 once and saved again as UTF-8', () => {
    // «أمطار غزيرة في الساحل» and PROSE_1, garbled: each letter two Latin characters.
    const garble = (text: string) =>
      [...utf8(text)]
        .map((byte) =>
          byte >= 0x80 && byte <= 0x9f
            ? new TextDecoder('windows-1252').decode(new Uint8Array([byte]))
            : String.fromCharCode(byte),
        )
        .join('');
    const error = refusal(
      page(`<title>${garble('أمطار غزيرة في الساحل')}</title>`, `<p>${garble(PROSE_1)}</p>`),
    );
    expect([error.code, error.message]).toEqual([
      'HTML_PAGE_ENCODING',
      "The text is garbled Arabic («Ø§Ù„…» for «ال…»): the file's Arabic was once decoded as windows-1252 and saved again as UTF-8, so every letter became two Latin ones; it cannot be read back reliably. Ask for the original file, or save the page again from the source.",
    ]);
  });
});

describe('readHtmlPage: a page that is not an article', () => {
  const LISTING =
    'No article text was found in the page: it looks like a list of links (a section or index page).';
  const HEAD = '<title>محليات | جريدة الساحل</title>';
  const LINKS = [
    'افتتاح جسر جديد فوق النهر الكبير في ريف المدينة',
    'البلدية تبدأ حملة لتنظيف الشواطئ قبل موسم الصيف',
    'انقطاع المياه عن ثلاثة أحياء لإصلاح خط رئيسي',
  ];

  it('refuses a section page: a heading, a list of links and «التالي»', () => {
    const error = refusal(fixture('section-listing.html'));
    expect([error.code, error.message]).toEqual(['HTML_PAGE_NO_BODY', LISTING]);
  });

  it('refuses a listing of linked headlines, each with a date or a teaser', () => {
    const dated = LINKS.map(
      (l, i) => `<li><a href="/n/${i}">${l}</a> <span>2024-05-0${i + 1}</span></li>`,
    );
    expect(refusal(page(HEAD, `<h1>محليات</h1><ul>${dated.join('')}</ul>`)).message).toBe(LISTING);
    const teasers = LINKS.map(
      (l, i) => `<h2><a href="/n/${i}">${l}</a></h2><p>${l} وسط ترحيب الأهالي بالخطوة</p>`,
    );
    expect(refusal(page(HEAD, `<h1>محليات</h1>${teasers.join('')}`)).message).toBe(LISTING);
  });

  it('refuses a page whose only text of 8 words or more is link text', () => {
    const html = `<p><a href="/n/1">${PROSE_1}</a></p><p><a href="/n/2">${PROSE_2}</a></p><p>المزيد</p>`;
    expect(refusal(page(HEAD, html)).message).toBe(LISTING);
  });

  it('reads a short article with one paragraph of 8 words and related links after it', () => {
    const short = 'أعلنت البلدية اليوم إغلاق الطريق الساحلي ثلاثة أيام للصيانة.';
    const related = LINKS.map((l, i) => `<li><a href="/n/${i}">${l}</a></li>`).join('');
    const { article } = readHtmlPage(page(HEAD, `<p>${short}</p><ul>${related}</ul>`), {
      timeZone: ZONE,
    });
    expect(article.paragraphs).toEqual([short]);
    expect(article.moreHeadlines).toEqual(LINKS);
  });
});
