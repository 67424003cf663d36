/**
 * Whatever text a newsroom publishes, every feed and sitemap stays a
 * document that a feed reader accepts: a property-based test (fast-check)
 * publishes arbitrary strings, control characters, lone surrogates,
 * U+FFFE/U+FFFF, `<`, `&`, `]]>` and bidi controls among them, in every
 * field, then reads every feed and sitemap with a conforming XML 1.0 parser
 * (test/helpers/xml.ts). On both databases.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanLine } from '../../src/domain/field-limits.js';
import type { Actor } from '../../src/domain/roles.js';
import { createUser } from '../../src/services/accounts.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { updateMediaDetails, uploadImage } from '../../src/services/media.js';
import { moveArticle } from '../../src/services/move-article.js';
import { createSection } from '../../src/services/taxonomy.js';
import { findSection } from '../../src/storage/repositories/sections.repository.js';
import { slugify } from '../../src/arabic/slug.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { makeImage, MEDIA_LIMITS } from '../helpers/images.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { BROWSER, NOW, testSite, type TestSite } from '../helpers/site.js';
import { parseXml } from '../helpers/xml.js';

/** Characters that break XML, or that a writer of XML must escape, often drawn. */
const HOSTILE = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001F',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uFFFE',
  '\uFFFF',
  '<',
  '>',
  '&',
  '&amp;',
  '"',
  "'",
  ']]>',
  '\u202E',
  '\u2067',
  '\u200F',
  '\r',
  '\n',
];
const unit = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('خ', 'ب', 'ر', ' '),
);
const text = (maxLength: number) => fc.string({ unit, maxLength });

const FIELDS = fc.record({
  headline: text(80),
  excerpt: text(80),
  body: text(120),
  section: text(30),
  tag: text(30),
  author: text(40),
  caption: text(60),
  alt: text(60),
});

const XML_FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describeEachDialect((dialect) => {
  let site: TestSite;
  let editor: Actor;
  let mediaDir: string;
  let mediaId: string;
  const then = () => new Date(NOW.getTime() - 60 * 60 * 1000);
  const deps = () => ({ database: site.database, now: then });

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'midad-xml-text-'));
    // The services are called directly, without the app's purge: no page cache.
    site = await testSite({ MIDAD_MEDIA_DIR: mediaDir, MIDAD_PAGE_CACHE_MB: '0' }, { dialect });
    editor = (await createStaff(site.database, then)).editor;
    // One image for every run (an upload makes its variants, which takes time).
    mediaId = (
      await uploadImage({ ...deps(), mediaDir, ...MEDIA_LIMITS }, editor, {
        bytes: await makeImage('jpeg', 600, 400),
        fileName: '\u202Egnp\u0001.exe',
      })
    ).id;
  });
  afterAll(async () => {
    await site?.close();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  /** The parsed XML document at `url`; its error names the URL. */
  const xmlAt = async (url: string) => {
    const body = await get(url);
    try {
      return parseXml(body);
    } catch (error) {
      throw new Error(`${url}: ${(error as Error).message}`, { cause: error });
    }
  };
  const get = async (url: string): Promise<string> => {
    const res = await site.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER } });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };

  it('keeps every feed and sitemap well-formed whatever text is published in any field', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(FIELDS, async (f) => {
        run += 1;
        const d = deps();
        const sectionName = `قسم ${run} ${f.section}`;
        await createSection(d, editor, sectionName);
        const section = await findSection(site.database.db, {
          slug: slugify(cleanLine(sectionName)),
        });
        const author = await createUser(d, {
          email: `writer${run}@news.example`,
          displayName: `كاتب ${run} ${f.author}`,
          password: 'a long enough password 1',
          role: 'author',
        });
        await updateMediaDetails(d, editor, mediaId, {
          alt: `صورة ${f.alt}`,
          caption: f.caption,
          credit: f.author,
        });
        const headline = `خبر ${run} ${f.headline}`;
        const id = await createDraft(d, editor);
        await saveArticle(
          d,
          editor,
          id,
          content([editor.id, author.id], {
            headline,
            excerpt: f.excerpt,
            bodyHtml: `نص ${f.body}`,
            sectionId: section?.id ?? null,
            tags: [`وسم ${run} ${f.tag}`],
            featuredMediaId: mediaId,
            featuredCaption: f.caption,
            featuredCredit: f.alt,
          }),
        );
        await moveArticle(d, editor, id, 'publish');
        try {
          await readEveryDocument(id, headline, author.slug);
        } finally {
          // Each run's article leaves the feeds, so that a failing run is shrunk alone.
          await moveArticle(d, editor, id, 'unpublish');
        }
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  it('writes a headline with two "]]>" and a tag with "<" so that readers get them back exactly', async () => {
    const d = deps();
    const id = await createDraft(d, editor);
    const headline = 'أ ]]> ب ]]> ج';
    const tag = 'C<D & "E"';
    await saveArticle(d, editor, id, content([editor.id], { headline, tags: [tag] }));
    await moveArticle(d, editor, id, 'publish');
    try {
      const rss = (await xmlAt('/rss.xml')).rss.channel;
      const item = rss.item.find((i: { guid: { '#text': string } }) =>
        i.guid['#text'].endsWith(`/a/${id}`),
      );
      expect(item.title).toBe(headline);
      expect(item.category.map((c: Record<string, string>) => c['#text'])).toEqual([tag]);
      const atom = (await xmlAt('/atom.xml')).feed;
      const entry = atom.entry.find((e: { id: string }) => e.id.endsWith(`/a/${id}`));
      expect(entry.title['#text']).toBe('أ ]]&gt; ب ]]&gt; ج');
      expect(entry.category).toEqual([
        { '@_term': tag, '@_label': tag, '@_scheme': 'https://news.example/tag/c-d-e' },
      ]);
    } finally {
      await moveArticle(d, editor, id, 'unpublish');
    }
  });

  async function readEveryDocument(id: string, headline: string, authorSlug: string) {
    const rss = (await xmlAt('/rss.xml')).rss.channel;
    const item = rss.item.find((i: { guid: { '#text': string } }) =>
      i.guid['#text'].endsWith(`/a/${id}`),
    );
    expect(item.title).toBe(cleanLine(headline));
    const listings = [
      ...item.category.map((c: Record<string, string>) => new URL(String(c['@_domain'])).pathname),
      `/author/${encodeURIComponent(authorSlug)}`,
    ];
    for (const base of ['', ...listings]) {
      await xmlAt(`${base}/rss.xml`);
      await xmlAt(`${base}/atom.xml`);
      const json = JSON.parse(await get(`${base}/feed.json`)) as {
        items: Array<{ title: string }>;
      };
      for (const entry of json.items) expect(entry.title).not.toMatch(XML_FORBIDDEN);
    }
    const index = (await xmlAt('/sitemap.xml')).sitemapindex;
    for (const entry of index.sitemap) await xmlAt(new URL(entry.loc).pathname);
    await xmlAt('/sitemaps/news.xml');
  }
});
