import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHead } from '../helpers/html-head.js';
import { BROWSER, SEED_ID } from '../helpers/site.js';
import { enc, TRICKY, trickySite, type TrickySite } from '../helpers/tricky-article.js';

const ORIGIN = 'https://news.example';
let site: TrickySite;
let canonical: string;
beforeAll(async () => {
  site = await trickySite();
  canonical = `${ORIGIN}${site.canonicalPath}`;
});
afterAll(async () => {
  await site.close();
});

const page = async (url: string) =>
  readHead((await site.app.inject({ url, headers: { 'user-agent': BROWSER } })).body);

const LOGO = {
  '@type': 'ImageObject',
  url: `${ORIGIN}/logo.png`,
  width: 512,
  height: 512,
};

describe('the head of an article page', () => {
  it('has the canonical URL, Open Graph and the Twitter card with exact values', async () => {
    const head = await page(`/a/${site.id}`);
    expect(head.links).toContainEqual(['canonical', canonical]);
    const image = `${ORIGIN}/media/${site.mediaId}/original.jpg`;
    expect(head.meta.filter(([k]) => /^(og|article|twitter):/.test(k))).toEqual([
      ['og:site_name', 'مداد'],
      ['og:locale', 'ar_AR'],
      ['og:type', 'article'],
      ['og:title', TRICKY.headline],
      ['og:description', TRICKY.excerpt],
      ['og:url', canonical],
      ['og:image', image],
      ['og:image:type', 'image/jpeg'],
      ['og:image:width', '1200'],
      ['og:image:height', '630'],
      ['og:image:alt', TRICKY.image.alt],
      ['article:published_time', '2026-11-29T14:00:00+03:00'],
      ['article:modified_time', '2026-11-29T14:00:00+03:00'],
      ['article:section', 'صحة'],
      ['article:tag', 'حلب'],
      ['twitter:card', 'summary_large_image'],
      ['twitter:title', TRICKY.headline],
      ['twitter:description', TRICKY.excerpt],
      ['twitter:image', image],
      ['twitter:image:alt', TRICKY.image.alt],
    ]);
  });

  it('has a NewsArticle and a BreadcrumbList in JSON-LD', async () => {
    const head = await page(`/a/${site.id}`);
    expect(head.jsonLd).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: TRICKY.headline,
        description: TRICKY.excerpt,
        inLanguage: 'ar',
        url: canonical,
        mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
        datePublished: '2026-11-29T14:00:00+03:00',
        dateModified: '2026-11-29T14:00:00+03:00',
        author: [
          {
            '@type': 'Person',
            name: TRICKY.author.name,
            url: `${ORIGIN}/author/${enc(TRICKY.author.slug)}`,
          },
        ],
        image: [
          {
            '@type': 'ImageObject',
            url: `${ORIGIN}/media/${site.mediaId}/original.jpg`,
            width: 1200,
            height: 630,
          },
        ],
        publisher: {
          '@type': 'NewsMediaOrganization',
          name: 'مداد',
          url: `${ORIGIN}/`,
          logo: LOGO,
        },
        articleSection: 'صحة',
        keywords: ['حلب'],
      },
      {
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'مداد', item: `${ORIGIN}/` },
          {
            '@type': 'ListItem',
            position: 2,
            name: 'صحة',
            item: `${ORIGIN}/section/${enc('صحة')}`,
          },
          { '@type': 'ListItem', position: 3, name: TRICKY.headline, item: canonical },
        ],
      },
    ]);
  });

  it('escapes the JSON-LD so that no headline can close its script', async () => {
    const html = (await site.app.inject(`/a/${site.id}`)).body;
    const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(block).toContain('\\u0026 الهلال');
    expect(block).not.toMatch(/[<>&]/);
  });

  it('falls back to the logo, and to the newspaper as author, for an imported article', async () => {
    const head = await page(`/a/${SEED_ID}`);
    expect(head.meta).toContainEqual(['og:image', `${ORIGIN}/logo.png`]);
    expect(head.meta).toContainEqual(['twitter:card', 'summary']);
    expect(head.meta).toContainEqual(['article:published_time', '2020-01-18T11:43:00+02:00']);
    const article = head.jsonLd[0] as { image: unknown; author: unknown; datePublished: string };
    expect(article.image).toEqual([LOGO]);
    expect(article.datePublished).toBe('2020-01-18T11:43:00+02:00');
  });
});

describe('the head of other pages', () => {
  it('gives the home page a canonical URL and a website Open Graph', async () => {
    const head = await page('/');
    expect(head.links).toContainEqual(['canonical', `${ORIGIN}/`]);
    expect(head.meta).toContainEqual(['og:type', 'website']);
    expect(head.meta).toContainEqual(['og:url', `${ORIGIN}/`]);
    expect(head.meta).toContainEqual(['og:locale', 'ar_AR']);
  });

  it('gives a section page its breadcrumbs', async () => {
    const head = await page(`/section/${enc('صحة')}`);
    expect(head.links).toContainEqual(['canonical', `${ORIGIN}/section/${enc('صحة')}`]);
    expect(head.jsonLd).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'مداد', item: `${ORIGIN}/` },
          {
            '@type': 'ListItem',
            position: 2,
            name: 'صحة',
            item: `${ORIGIN}/section/${enc('صحة')}`,
          },
        ],
      },
    ]);
  });

  it('leaves Open Graph and JSON-LD out of error pages', async () => {
    const head = await page('/a/1');
    expect(head.meta.some(([k]) => k.startsWith('og:'))).toBe(false);
    expect(head.jsonLd).toEqual([]);
  });
});

describe('the share links of an article page', () => {
  it('link to WhatsApp, Telegram, X and Facebook with the short link, percent-encoded', async () => {
    const html = (await site.app.inject(`/a/${site.id}`)).body;
    const hrefs = [
      ...html.matchAll(/<a class="share__link share__link--(\w+)" href="([^"]+)"/g),
    ].map((m) => [m[1], (m[2] ?? '').replace(/&amp;/g, '&')]);
    const short = `${ORIGIN}/a/${site.id}`;
    const text = enc(TRICKY.headline);
    expect(hrefs).toEqual([
      ['whatsapp', `https://wa.me/?text=${text}%20${enc(short)}`],
      ['telegram', `https://t.me/share/url?url=${enc(short)}&text=${text}`],
      ['x', `https://x.com/intent/post?url=${enc(short)}&text=${text}`],
      ['facebook', `https://www.facebook.com/sharer/sharer.php?u=${enc(short)}`],
    ]);
    // The quotation marks and the ampersand of the headline are encoded, not left to end the URL.
    expect(text).toContain('%22%D8%B9%D8%A7%D8%AC%D9%84%22');
    expect(text).toContain('%20%26%20');
    expect(html).toContain('rel="noopener"');
  });

  it('has a device share button, hidden until the script finds the Web Share API', async () => {
    const html = (await site.app.inject(`/a/${site.id}`)).body;
    expect(html).toContain(
      `<button type="button" class="share__link" data-share-url="${ORIGIN}/a/${site.id}" data-share-title="بيان &quot;عاجل&quot; من وزارة الصحة &amp; الهلال الأحمر في حلب" hidden>مشاركة…</button>`,
    );
  });

  it('loads no third-party script', async () => {
    const html = (await site.app.inject(`/a/${site.id}`)).body;
    const scripts = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.every((src) => src?.startsWith('/assets/'))).toBe(true);
  });
});
