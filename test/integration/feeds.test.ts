import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, SEED_ID } from '../helpers/site.js';
import { enc, TRICKY, trickySite, type TrickySite } from '../helpers/tricky-article.js';
import { parseXml } from '../helpers/xml.js';

const ORIGIN = 'https://news.example';
let site: TrickySite;
let imageBytes: number;

beforeAll(async () => {
  site = await trickySite();
  imageBytes = (await stat(join(site.mediaDir, site.mediaId, 'original.jpg'))).size;
});
afterAll(async () => {
  await site.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  site.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } });

const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the RSS 2.0 feed of the site', () => {
  it('lists the newest article first with exact, absolute, percent-encoded values', async () => {
    const res = await get('/rss.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const rss = parseXml(res.body).rss;
    expect(rss['@_version']).toBe('2.0');
    const channel = rss.channel;
    expect(channel.title).toBe('مداد: آخر الأخبار');
    expect(channel.link).toBe(`${ORIGIN}/`);
    expect(channel.language).toBe('ar');
    expect(channel['atom:link']['@_href']).toBe(`${ORIGIN}/rss.xml`);
    expect(channel['atom:link']['@_rel']).toBe('self');
    // The newest change: the tricky article's, at 11:00 (the imported demo article's
    // last change is its publication, in 2020).
    expect(channel.lastBuildDate).toBe('Sun, 29 Nov 2026 11:00:00 GMT');
    expect(channel.item.map((i: { guid: { '#text': string } }) => i.guid['#text'])).toEqual([
      `${ORIGIN}/a/${site.id}`,
      `${ORIGIN}/a/${SEED_ID}`,
    ]);
    const item = channel.item[0];
    expect(item.title).toBe(TRICKY.headline);
    expect(item.link).toBe(`${ORIGIN}/a/${site.id}/${enc(TRICKY.slug)}`);
    expect(item.link).toMatch(/^[\x21-\x7e]+$/);
    expect(item.pubDate).toBe('Sun, 29 Nov 2026 11:00:00 GMT');
    expect(item.description).toBe(escaped(TRICKY.excerpt));
    expect(item['content:encoded']).toBe(
      '<p>قالت الوزارة إن "الوضع" تحت السيطرة &amp; إن الفرق تعمل.</p>' +
        `<p>اقرأ <a href="${ORIGIN}/a/${SEED_ID}">الخبر السابق</a>.</p>`,
    );
    expect(item['dc:creator']).toBe(TRICKY.author.name);
    expect(item.category).toEqual([
      { '#text': 'صحة', '@_domain': `${ORIGIN}/section/${enc('صحة')}` },
      { '#text': 'حلب', '@_domain': `${ORIGIN}/tag/${enc('حلب')}` },
    ]);
    expect(imageBytes).toBeGreaterThan(1000);
    expect(item.enclosure).toEqual({
      '@_url': `${ORIGIN}/media/${site.mediaId}/original.jpg`,
      '@_type': 'image/jpeg',
      '@_length': String(imageBytes),
    });
  });
});

describe('the Atom 1.0 feed of the site', () => {
  it('gives RFC 3339 dates, HTML-escaped titles, bylines, categories and the image', async () => {
    const res = await get('/atom.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(res.body).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${ORIGIN}/`);
    expect(feed.title).toBe('مداد: آخر الأخبار');
    expect(feed.updated).toBe('2026-11-29T11:00:00.000Z');
    expect(feed.author).toEqual({ name: 'مداد', uri: `${ORIGIN}/` });
    expect(feed.link).toEqual([
      { '@_rel': 'alternate', '@_href': `${ORIGIN}/` },
      { '@_rel': 'self', '@_href': `${ORIGIN}/atom.xml` },
    ]);
    const entry = feed.entry[0];
    expect(entry.title).toEqual({ '#text': escaped(TRICKY.headline), '@_type': 'html' });
    expect(entry.id).toBe(`${ORIGIN}/a/${site.id}`);
    expect(entry.published).toBe('2026-11-29T11:00:00.000Z');
    expect(entry.updated).toBe('2026-11-29T11:00:00.000Z');
    expect(entry.link[0]).toEqual({ '@_href': `${ORIGIN}/a/${site.id}/${enc(TRICKY.slug)}` });
    expect(entry.link[1]).toMatchObject({
      '@_rel': 'enclosure',
      '@_href': `${ORIGIN}/media/${site.mediaId}/original.jpg`,
      '@_length': String(imageBytes),
    });
    expect(entry.summary).toEqual({ '#text': escaped(TRICKY.excerpt), '@_type': 'html' });
    expect(entry.content['@_type']).toBe('html');
    expect(entry.content['#text']).toContain(`<a href="${ORIGIN}/a/${SEED_ID}">`);
    expect(entry.author).toEqual({
      name: TRICKY.author.name,
      uri: `${ORIGIN}/author/${enc(TRICKY.author.slug)}`,
    });
    expect(entry.category.map((c: Record<string, string>) => c['@_term'])).toEqual(['صحة', 'حلب']);
  });
});

describe('the JSON Feed 1.1 of the site', () => {
  it('is JSON Feed 1.1 in Arabic with every field of the article', async () => {
    const res = await get('/feed.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(res.body);
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'مداد: آخر الأخبار',
      home_page_url: `${ORIGIN}/`,
      feed_url: `${ORIGIN}/feed.json`,
      language: 'ar',
      authors: [{ name: 'مداد', url: `${ORIGIN}/` }],
    });
    expect(feed.author).toBeUndefined();
    expect(feed.items[0]).toEqual({
      id: `${ORIGIN}/a/${site.id}`,
      url: `${ORIGIN}/a/${site.id}/${enc(TRICKY.slug)}`,
      title: TRICKY.headline,
      summary: escaped(TRICKY.excerpt),
      content_html: expect.stringContaining(`<a href="${ORIGIN}/a/${SEED_ID}">`),
      image: `${ORIGIN}/media/${site.mediaId}/original.jpg`,
      date_published: '2026-11-29T11:00:00.000Z',
      date_modified: '2026-11-29T11:00:00.000Z',
      authors: [{ name: TRICKY.author.name, url: `${ORIGIN}/author/${enc(TRICKY.author.slug)}` }],
      tags: ['صحة', 'حلب'],
    });
  });
});

describe('the feeds of a section, a tag and an author', () => {
  it.each([
    // The name is isolated (FSI…PDI), as in the pages' <title>.
    ['section', TRICKY.section.slug, '\u2068صحة\u2069 | مداد'],
    ['tag', TRICKY.tag, 'وسم: \u2068حلب\u2069 | مداد'],
    ['author', TRICKY.author.slug, `مقالات \u2068${TRICKY.author.name}\u2069 | مداد`],
  ])("list only the %s's articles, in every format", async (kind, slug, title) => {
    const base = `/${kind}/${enc(slug)}`;
    const rss = parseXml((await get(`${base}/rss.xml`)).body).rss.channel;
    expect(rss.title).toBe(title);
    expect(rss.link).toBe(`${ORIGIN}${base}`);
    expect(rss['atom:link']['@_href']).toBe(`${ORIGIN}${base}/rss.xml`);
    expect(rss.item.map((i: { title: string }) => i.title)).toEqual([TRICKY.headline]);
    const atom = parseXml((await get(`${base}/atom.xml`)).body).feed;
    expect(atom.title).toBe(title);
    expect(atom.entry).toHaveLength(1);
    const json = JSON.parse((await get(`${base}/feed.json`)).body);
    expect(json.title).toBe(title);
    expect(json.feed_url).toBe(`${ORIGIN}${base}/feed.json`);
    expect(json.items.map((i: { title: string }) => i.title)).toEqual([TRICKY.headline]);
  });

  it('answers an unknown section with the 404 page', async () => {
    const res = await get(`/section/${enc('لا-يوجد')}/rss.xml`);
    expect(res.statusCode).toBe(404);
  });
});

describe('conditional GET of feeds', () => {
  it('sends an ETag and Last-Modified (when it was made), and 304 for a current copy', async () => {
    const first = await get('/rss.xml');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['last-modified']).toBe('Sun, 29 Nov 2026 12:00:00 GMT');
    const again = await get('/rss.xml', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const since = await get('/rss.xml', { 'if-modified-since': 'Sun, 29 Nov 2026 12:00:00 GMT' });
    expect(since.statusCode).toBe(304);
    const older = await get('/rss.xml', { 'if-modified-since': 'Sun, 29 Nov 2026 11:59:59 GMT' });
    expect(older.statusCode).toBe(200);
    const otherTag = await get('/rss.xml', { 'if-none-match': '"other"' });
    expect(otherTag.statusCode).toBe(200);
  });

  it('keeps Last-Modified when a feed is made again with the same items', async () => {
    for (const url of ['/rss.xml', '/atom.xml', '/feed.json']) {
      const first = await get(url);
      const lastModified = String(first.headers['last-modified']);
      // Every cached page is dropped (a section renamed, say) and the feed is made anew.
      site.app.publicChange({ kind: 'site' });
      const again = await get(url, { 'if-modified-since': lastModified });
      expect([url, again.statusCode, again.headers['x-cache']]).toEqual([url, 304, 'MISS']);
      expect(again.headers['last-modified']).toBe(lastModified);
      expect(again.headers.etag).toBe(first.headers.etag);
    }
  });

  it('gives each format its own ETag', async () => {
    const tags = await Promise.all(
      ['/rss.xml', '/atom.xml', '/feed.json'].map(async (url) => (await get(url)).headers.etag),
    );
    expect(new Set(tags).size).toBe(3);
  });
});

describe('feed discovery', () => {
  it('announces the site feeds on every page', async () => {
    const page = (await get(`/a/${SEED_ID}`)).body;
    expect(page).toContain(
      `<link rel="alternate" type="application/rss+xml" title="مداد: آخر الأخبار (RSS)" href="${ORIGIN}/rss.xml"/>`,
    );
    expect(page).toContain(
      `<link rel="alternate" type="application/atom+xml" title="مداد: آخر الأخبار (Atom)" href="${ORIGIN}/atom.xml"/>`,
    );
    expect(page).toContain(
      `<link rel="alternate" type="application/feed+json" title="مداد: آخر الأخبار (JSON Feed)" href="${ORIGIN}/feed.json"/>`,
    );
  });

  it("announces a section page's own feeds first", async () => {
    const page = (await get(`/section/${enc('صحة')}`)).body;
    const own = page.indexOf(`href="${ORIGIN}/section/${enc('صحة')}/rss.xml"`);
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(page.indexOf(`href="${ORIGIN}/rss.xml"`));
    expect(page).toContain('title="\u2068صحة\u2069 | مداد (Atom)"');
  });
});

describe('feeds with excerpts only', () => {
  it('leave the body out when MIDAD_FEED_CONTENT=excerpt', async () => {
    const excerptSite = await trickySite({ MIDAD_FEED_CONTENT: 'excerpt' });
    try {
      const inject = (url: string) => excerptSite.app.inject({ url });
      const rss = parseXml((await inject('/rss.xml')).body).rss.channel.item[0];
      expect(rss.description).toBe(escaped(TRICKY.excerpt));
      expect(rss['content:encoded']).toBeUndefined();
      const atom = parseXml((await inject('/atom.xml')).body).feed.entry[0];
      expect(atom.content).toBeUndefined();
      const json = JSON.parse((await inject('/feed.json')).body).items[0];
      expect(json.content_text).toBe(TRICKY.excerpt);
      expect(json.content_html).toBeUndefined();
    } finally {
      await excerptSite.close();
    }
  });
});
