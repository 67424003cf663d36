import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER,
  importInto,
  SEED_HEADLINE,
  SEED_ID,
  SEED_SLUG,
  testSite,
  type TestSite,
} from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await testSite({}, { dialect });
  });
  afterAll(async () => {
    await site.close();
  });

  const get = (url: string, headers: Record<string, string> = { 'user-agent': BROWSER }) =>
    site.app.inject({ method: 'GET', url, headers });

  describe('the article page', () => {
    it('serves the seed article in Arabic, right to left', async () => {
      const res = await get(`/a/${SEED_ID}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl"/);
      expect(res.body).toContain(`<h1 class="article__headline">${SEED_HEADLINE}</h1>`);
      expect(res.body).toContain(`<title>\u2068${SEED_HEADLINE}\u2069 | مداد</title>`);
      expect(res.body).toContain(
        `<link rel="canonical" href="https://news.example/a/${SEED_ID}/${encodeURIComponent(SEED_SLUG)}"/>`,
      );
      expect(res.body).toMatch(/<meta name="description" content="أعلنت تركيا عن توافق [^"]+…"\/>/);
      // The excerpt is the start of the body: not shown again as a standfirst.
      expect(res.body).not.toContain('article__standfirst');
    });

    it('shows the publish date in the site time zone with both month names', async () => {
      const res = await get(`/a/${SEED_ID}`);
      expect(res.body).toContain(
        '<time class="published" datetime="2020-01-18T09:43:00.000Z">18 يناير/ كانون الثاني 2020، <bdi>11:43</bdi></time>',
      );
    });

    it('shows the short link, the reading time and the font-size control', async () => {
      const res = await get(`/a/${SEED_ID}`);
      expect(res.body).toContain(`value="https://news.example/a/${SEED_ID}"`);
      expect(res.body).toContain('مدة القراءة: دقيقة واحدة');
      expect(res.body).toContain(
        '<span id="font-size-label" class="visually-hidden">حجم الخط:</span>',
      );
      expect(res.body).toContain('<span class="visually-hidden">تكبير الخط</span>');
    });

    it('places the read-also box between paragraphs 3 and 4 and lists the "more" headlines', async () => {
      const body = (await get(`/a/${SEED_ID}`)).body;
      const text = body.slice(body.indexOf('class="article__body"'), body.indexOf('</article>'));
      const readAlso = text.indexOf('class="read-also"');
      expect(text.slice(0, readAlso).match(/<p>/g)).toHaveLength(3);
      expect(text.slice(readAlso).match(/<p>/g)).toHaveLength(5);
      expect(body).toContain('إدلب.. بين التصعيد الروسي والتصريحات الأمريكية الخجولة');
      expect(body).toContain('<h2 id="more-news-heading">المزيد من الأخبار</h2>');
      expect(body.match(/article-list__headline--pending/g)).toHaveLength(9);
    });

    it('has a Content-Security-Policy that allows no third-party script', async () => {
      const csp = (await get(`/a/${SEED_ID}`)).headers['content-security-policy'];
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("default-src 'self'");
    });

    it.each([
      ['an unknown id', '/a/1'],
      ['a non-numeric id', '/a/abc'],
      ['an id with a leading zero', `/a/0${SEED_ID}`],
      ['an id of 20 digits', '/a/12345678901234567890'],
      ['an id above 2^63 − 1', '/a/9223372036854775808'],
      ['an unknown path', '/nothing-here'],
      ['an encoded Arabic path', `/${encodeURIComponent('أخبار')}`],
    ])('answers %s with the Arabic 404 page', async (_name, url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl"/);
      expect(res.body).toContain('<h1>الصفحة غير موجودة</h1>');
      expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    });

    it('serves an article whose id is past 2^53 at its exact id', async () => {
      const bytes = new TextEncoder().encode(
        [
          'خبر بمعرّف طويل جداً',
          '',
          'https://example.net/a/9007199254740993',
          '',
          'قالت مصادر محلية إن الملف شهد تطورات متسارعة خلال الأيام الماضية، وسط ترقب لما ستؤول إليه الأوضاع في المنطقة خلال الأسابيع المقبلة.',
          '',
          'وأضافت المصادر أن الاجتماعات ستتواصل خلال الأسبوع المقبل بحضور ممثلين عن الأطراف المعنية كافة، بحسب ما نقلت وسائل إعلام محلية.',
        ].join('\n'),
      );
      await importInto(site.database, bytes);
      const res = await get('/a/9007199254740993');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('value="https://news.example/a/9007199254740993"');
      expect((await get('/a/9007199254740992')).statusCode).toBe(404);
    });
  });

  describe('the home page', () => {
    it('shows the lead story linked to its article', async () => {
      const res = await get('/');
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl"/);
      expect(res.body).toContain('<title>مداد: آخر الأخبار</title>');
      expect(res.body).toContain(
        '<meta name="description" content="آخر الأخبار والأخبار العاجلة من مداد، لحظة بلحظة: السياسة والاقتصاد والمجتمع والرياضة."/>',
      );
      expect(res.body).toContain(
        '<h2 id="most-read-heading" class="front-aside__title"><span>الأكثر قراءة</span></h2>',
      );
      expect(res.body).toContain(`href="/a/${SEED_ID}"`);
    });
  });

  describe('static files', () => {
    it('serves the fingerprinted stylesheet as immutable', async () => {
      const page = (await get(`/a/${SEED_ID}`)).body;
      const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1] ?? '';
      expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
      const css = await get(href);
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('serves the self-hosted Arabic font', async () => {
      const res = await get('/fonts/noto-naskh-arabic-arabic-400-normal.woff2');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('font/woff2');
      expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
    });

    it.each([
      '/assets/site.css',
      '/assets/site.0000000000.css',
      '/fonts/../package.json',
      '/fonts/LICENSE',
    ])('answers %s with 404', async (url) => {
      expect((await get(url)).statusCode).toBe(404);
    });
  });

  describe('site settings', () => {
    it('prints Arabic-Indic digits and Levantine months when so configured, on any host', async () => {
      const arab = await testSite(
        { MIDAD_NUMERALS: 'arab', MIDAD_MONTH_NAMES: 'levant' },
        { dialect },
      );
      try {
        const res = await arab.app.inject({
          url: `/a/${SEED_ID}`,
          headers: { 'user-agent': 'bot' },
        });
        expect(res.body).toContain('١٨ كانون الثاني ٢٠٢٠، <bdi>١١:٤٣</bdi>');
        expect(res.body).toContain('<bdi>٢٣٦</bdi> مشاهدة');
        expect(res.body).toContain(`value="https://news.example/a/${SEED_ID}"`);
      } finally {
        await arab.close();
      }
    });
  });

  describe('malformed requests', () => {
    it('answers a broken percent-encoding in the path with the Arabic 400 page', async () => {
      const res = await get('/a/%E0%A4%A');
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl"/);
      expect(res.body).toContain('<h1>طلب غير صالح</h1>');
    });

    it('tolerates a broken percent-encoding in the query', async () => {
      expect((await get(`/a/${SEED_ID}?q=%E0%A4%A`)).statusCode).toBe(200);
    });
  });

  describe('mixed-direction text', () => {
    it('isolates a Latin byline so it never flips inside the Arabic line', async () => {
      const capture = [
        'مجلس الأمن يناقش الوضع الإنساني في الشمال السوري',
        '',
        '12/03/2021 14:20',
        'كتب: Reuters (UK)',
        'https://example.net/a/777',
        '',
        'ناقش مجلس الأمن الدولي في جلسة مغلقة الوضع الإنساني في الشمال السوري، وسط تحذيرات أممية من تفاقم الأزمة مع اقتراب فصل الشتاء.',
        '',
        'وقال مندوبون إن المجلس سيعود إلى الملف الأسبوع المقبل بعد تلقي تقرير مفصل من مكتب تنسيق الشؤون الإنسانية التابع للأمم المتحدة.',
      ].join('\n');
      await importInto(site.database, new TextEncoder().encode(capture));
      await site.app.inject({
        method: 'POST',
        url: '/views/777',
        headers: { 'user-agent': BROWSER },
      });
      const res = await get('/a/777');
      expect(res.body).toContain('<bdi>Reuters (UK)</bdi>');
      // The first view, counted by its beacon, in the singular form Arabic uses for one.
      expect(res.body).toContain('<span class="article__views" data-views="1">مشاهدة واحدة</span>');
    });
  });
});
