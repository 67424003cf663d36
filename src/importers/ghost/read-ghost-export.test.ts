import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteExport, SitePost } from '../../domain/site-import.js';
import { sanitizeBodyHtml } from '../../services/body-html.js';
import { readGhostExport } from './read-ghost-export.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/ghost');

async function read(
  name: string,
  siteUrl?: string,
): Promise<{ site: SiteExport; posts: SitePost[] }> {
  const site = await readGhostExport(join(FIXTURES, name), { timeZone: 'Asia/Amman', siteUrl });
  const posts: SitePost[] = [];
  for await (const post of site.posts()) posts.push(post);
  return { site, posts };
}

describe('readGhostExport: a Ghost 4 export (wrapped, mobiledoc, posts_meta)', () => {
  it('reads the users as authors, e-mail lower-cased, slugs decoded', async () => {
    const { site } = await read('ghost-4-mobiledoc.json');
    expect(site.source).toBe('ghost');
    expect(site.siteUrl).toBeNull();
    expect(site.categories.map((c) => c.key)).toEqual(['6012d0000000000000000001']);
    expect(site.authors).toEqual([
      {
        key: '1',
        displayName: 'سلمى الخطيب',
        email: 'salma@example.com',
        slug: 'salma',
        bio: 'محررة الشؤون الاقتصادية.',
        oldPaths: ['/author/salma/'],
      },
      {
        key: '6012c0000000000000000002',
        displayName: 'عمر النجار',
        email: 'omar@example.com',
        slug: 'عمر',
        bio: '',
        oldPaths: ['/author/عمر/'],
      },
    ]);
  });

  it('reads public tags only, a primary tag as a section, and the feeds of the site, sections, tags and authors', async () => {
    const { site } = await read('ghost-4-mobiledoc.json');
    expect(site.categories).toEqual([
      {
        key: '6012d0000000000000000001',
        name: 'اقتصاد',
        slug: 'economy',
        parentKey: null,
        description: 'أخبار الاقتصاد والمال',
        oldPaths: ['/tag/economy/'],
      },
    ]);
    expect(site.tags).toEqual([
      {
        key: '6012d0000000000000000003',
        name: 'الخليج',
        slug: 'الخليج',
        description: '',
        oldPaths: ['/tag/الخليج/'],
      },
    ]);
    expect(site.feeds).toEqual([
      { oldPath: '/rss/', of: { kind: 'site' }, format: 'rss' },
      {
        oldPath: '/tag/economy/rss/',
        of: { kind: 'category', key: '6012d0000000000000000001' },
        format: 'rss',
      },
      {
        oldPath: '/tag/الخليج/rss/',
        of: { kind: 'tag', key: '6012d0000000000000000003' },
        format: 'rss',
      },
      { oldPath: '/author/salma/rss/', of: { kind: 'author', key: '1' }, format: 'rss' },
      {
        oldPath: '/author/عمر/rss/',
        of: { kind: 'author', key: '6012c0000000000000000002' },
        format: 'rss',
      },
    ]);
  });

  it('maps a published post: body rendered from mobiledoc, bylines and tags in order, meta from posts_meta', async () => {
    const { site, posts } = await read('ghost-4-mobiledoc.json');
    expect(site.postCount).toBe(4);
    expect(posts[0]).toEqual({
      key: '6012a0000000000000000001',
      kind: 'article',
      preferredId: null,
      status: 'published',
      headline: 'البرلمان يقرّ الموازنة العامة لعام ٢٠٢١',
      slug: 'الموازنة-2021',
      bodyHtml: [
        '<p><strong>أقرّ مجلس النواب</strong> الموازنة العامة لعام ٢٠٢١ بعجز قدره ٣٫٥ مليار دينار.</p>',
        '<h2>أبرز الأرقام</h2>',
        '<ul><li>الإيرادات: ٧٫٩ مليار</li><li>النفقات: ١١٫٤ مليار</li></ul>',
        '<figure><img src="__GHOST_URL__/content/images/2021/01/majlis.jpg" alt="قاعة مجلس النواب" width="1600" height="900"><figcaption>جلسة التصويت على <em>الموازنة</em></figcaption></figure>',
        '<blockquote>«هذه موازنة الضرورة»<br>قال وزير المالية.</blockquote>',
        '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>',
        '<p>النص الكامل <a href="https://example.gov/budget-2021.pdf">على موقع الوزارة</a>.</p>',
      ].join('\n'),
      excerpt: 'عجز قدره ٣٫٥ مليار دينار',
      publishedAt: new Date('2021-01-03T10:00:00.000Z'),
      modifiedAt: new Date('2021-01-04T08:30:00.000Z'),
      authorKeys: ['6012c0000000000000000002', '1'],
      sectionKey: '6012d0000000000000000001',
      tagKeys: ['6012d0000000000000000003'],
      categoryTagKeys: [],
      featuredImage: {
        url: '__GHOST_URL__/content/images/2021/01/budget.jpg',
        alt: 'مبنى وزارة المالية',
        caption: 'تصوير: وكالة الأنباء',
      },
      seoTitle: 'الموازنة العامة ٢٠٢١: العجز والأرقام',
      seoDescription: 'أقرّ البرلمان موازنة ٢٠٢١ بعجز ٣٫٥ مليار.',
      views: 0,
      featured: true,
      sourceUrl: null,
      oldPaths: ['/الموازنة-2021/', '/الموازنة-2021/amp/'],
    });
  });

  it('maps a page, a draft and a scheduled post', async () => {
    const { posts } = await read('ghost-4-mobiledoc.json');
    const summary = posts.map((p) => [
      p.kind,
      p.status,
      p.slug,
      p.publishedAt?.toISOString() ?? null,
      p.oldPaths,
      p.bodyHtml,
    ]);
    expect(summary).toEqual([
      [
        'article',
        'published',
        'الموازنة-2021',
        '2021-01-03T10:00:00.000Z',
        ['/الموازنة-2021/', '/الموازنة-2021/amp/'],
        expect.any(String),
      ],
      [
        'page',
        'published',
        'من-نحن',
        '2021-01-01T09:00:00.000Z',
        ['/من-نحن/'],
        '<p>مداد موقع إخباري مستقل.</p>',
      ],
      ['article', 'draft', 'مسودة-تقرير-الطاقة', null, [], '<p>مسودة لم تكتمل.</p>'],
      [
        'article',
        'scheduled',
        'الانتخابات-البلدية',
        '2030-05-01T06:00:00.000Z',
        ['/الانتخابات-البلدية/', '/الانتخابات-البلدية/amp/'],
        '<h2>موعد الانتخابات</h2>\n<hr>\n<p><em>تفاصيل لاحقًا</em></p>',
      ],
    ]);
    expect(posts[3]?.featuredImage).toEqual({
      url: 'https://cdn.example.com/elections.jpg',
      alt: '',
      caption: '',
    });
  });

  it('counts the dropped paywall card and leaves nothing else to tell', async () => {
    const { site } = await read('ghost-4-mobiledoc.json');
    expect(site.tally).toEqual({
      skipped: new Map(),
      comments: 0,
      shortcodes: new Map([['card «paywall»', 1]]),
      notes: [],
      missingImages: [],
    });
  });

  it('leads old links, plain and percent-encoded, with and without __GHOST_URL__, to the post', async () => {
    const { site } = await read('ghost-4-mobiledoc.json');
    expect(site.linkTargets.get('/من-نحن/')).toBe('6012a0000000000000000002');
    expect(site.linkTargets.get('__GHOST_URL__/من-نحن/')).toBe('6012a0000000000000000002');
    expect(site.linkTargets.get('/%D9%85%D9%86-%D9%86%D8%AD%D9%86/')).toBe(
      '6012a0000000000000000002',
    );
    expect(site.linkTargets.get('__GHOST_URL__/الموازنة-2021/amp/')).toBe(
      '6012a0000000000000000001',
    );
    expect(site.linkTargets.get('/مسودة-تقرير-الطاقة/')).toBeUndefined();
    expect(site.linkTargets.size).toBe(20);
  });

  it('puts nothing of members, API keys, settings, sessions or passwords anywhere in what it returns', async () => {
    const { site, posts } = await read('ghost-4-mobiledoc.json');
    const text = JSON.stringify({
      ...site,
      linkTargets: [...site.linkTargets.entries()],
      tally: site.tally.notes,
      posts,
    });
    for (const secret of [
      'reader.secret',
      'FAKE-MEMBER-NOTE',
      'FAKE-ADMIN-API-SECRET',
      'FAKE-DB-HASH',
      'whsec_FAKE',
      'FAKE-SESSION',
      'FAKEHASH',
    ]) {
      expect(text).not.toContain(secret);
    }
    const raw = await readFile(join(FIXTURES, 'ghost-4-mobiledoc.json'), 'utf8');
    expect(raw).toContain('FAKE-ADMIN-API-SECRET');
  });

  it('yields the posts again on each call', async () => {
    const { site } = await read('ghost-4-mobiledoc.json');
    const keys: string[] = [];
    for await (const post of site.posts()) keys.push(post.key);
    expect(keys).toHaveLength(4);
  });
});

describe('readGhostExport: a Ghost 5 export (bare, lexical)', () => {
  it('renders the lexical body, with its cards, and reads database-style UTC times', async () => {
    const { posts } = await read('ghost-5-lexical.json');
    const flood = posts[0];
    expect(flood?.bodyHtml).toBe(
      [
        '<p>ارتفع منسوب المياه في <a href="__GHOST_URL__/ghost-lexical-rain/">الوادي</a> بعد ليلة ماطرة.</p>',
        '<h2><strong>إجلاء السكان</strong></h2>',
        '<ol><li>حي النهر</li><li>حي السوق</li></ol>',
        '<figure><img src="__GHOST_URL__/content/images/2023/11/flood.jpg" alt="سيول في الوادي" width="1200" height="800"><figcaption><span style="white-space: pre-wrap;">المياه تغمر الطريق</span></figcaption></figure>',
        '<blockquote><p>📞 رقم الطوارئ: ٩٩٩</p></blockquote>',
        '<figure class="embed" data-embed="telegram" data-url="https://t.me/midad_news/1204"><a href="https://t.me/midad_news/1204">https://t.me/midad_news/1204</a></figure>',
        '<p><a href="https://example.org/weather">النشرة الجوية</a></p>',
        '<p>سطر أول<br><em>سطر ثان</em></p>',
      ].join('\n'),
    );
    expect(flood?.publishedAt).toEqual(new Date('2023-11-19T06:00:00.000Z'));
    expect(flood?.modifiedAt).toEqual(new Date('2023-11-19T07:15:30.000Z'));
    expect(flood?.featured).toBe(true);
    expect(flood?.featuredImage).toEqual({
      url: '__GHOST_URL__/content/images/2023/11/flood-cover.jpg',
      alt: 'طريق غارق',
      caption: 'تصوير & تحرير: فريق مداد',
    });
    expect([flood?.seoTitle, flood?.seoDescription]).toEqual(['', 'سيول في الوادي وإجلاء السكان']);
  });

  it('keeps an e-mail-only post and a members-only one unpublished, without old addresses', async () => {
    const { posts } = await read('ghost-5-lexical.json');
    expect(posts.map((p) => [p.slug, p.status, p.oldPaths.length])).toEqual([
      ['سيول-الوادي', 'published', 2],
      ['ghost-lexical-rain', 'published', 2],
      ['نشرة-الأحد', 'private', 0],
      ['تحليل-الموازنة', 'private', 0],
    ]);
    expect(posts[3]?.authorKeys).toEqual(['655b00000000000000000001']);
  });

  it('tallies comments, dropped cards and what the newsroom should know', async () => {
    const { site } = await read('ghost-5-lexical.json');
    expect(site.tally).toEqual({
      skipped: new Map(),
      comments: 2,
      shortcodes: new Map([
        ['card «signup»', 1],
        ['card «email-cta»', 1],
        ['card «paywall»', 1],
        ['card «product»', 1],
      ]),
      notes: [
        'E-mail-only posts (Ghost status «sent»), never on the web, kept unpublished: 1.',
        'Posts for members only on the old site, imported unpublished: 2.',
        'Bylines naming no user of the export, left out: 1.',
      ],
      missingImages: [],
    });
  });

  it("gives source URLs and absolute link targets when the old site's address is named", async () => {
    const { site, posts } = await read('ghost-5-lexical.json', 'https://midad.example/');
    expect(site.siteUrl).toBe('https://midad.example');
    expect(posts[1]?.sourceUrl).toBe('https://midad.example/ghost-lexical-rain/');
    expect(posts[0]?.sourceUrl).toBe(
      'https://midad.example/%D8%B3%D9%8A%D9%88%D9%84-%D8%A7%D9%84%D9%88%D8%A7%D8%AF%D9%8A/',
    );
    expect(posts[2]?.sourceUrl).toBeNull();
    expect(site.linkTargets.get('https://midad.example/سيول-الوادي/')).toBe(
      '655a00000000000000000001',
    );
    expect(site.linkTargets.get('https://midad.example/ghost-lexical-rain/')).toBe(
      '655a00000000000000000002',
    );
  });
});

describe('readGhostExport: a Ghost 2 export (page flag, author_id, meta on posts, html)', () => {
  it('uses the html, the page flag, author_id and the meta fields of posts; reads epoch milliseconds', async () => {
    const { site, posts } = await read('ghost-2-html.json');
    expect(site.authors.map((a) => [a.key, a.email, a.displayName])).toEqual([
      ['1', 'editors@example.com', 'هيئة التحرير'],
    ]);
    expect(
      posts.map((p) => ({
        kind: p.kind,
        slug: p.slug,
        authorKeys: p.authorKeys,
        sectionKey: p.sectionKey,
        tagKeys: p.tagKeys,
        seo: [p.seoTitle, p.seoDescription],
        publishedAt: p.publishedAt?.toISOString(),
      })),
    ).toEqual([
      {
        kind: 'article',
        slug: 'معرض-الكتاب',
        authorKeys: ['1'],
        sectionKey: '5c2b00000000000000000001',
        tagKeys: [],
        seo: ['معرض الكتاب ٢٠١٩', 'افتتاح الدورة الخمسين'],
        publishedAt: '2019-01-01T11:00:00.000Z',
      },
      {
        kind: 'page',
        slug: 'contact',
        authorKeys: ['1'],
        sectionKey: null,
        tagKeys: [],
        seo: ['', ''],
        publishedAt: '2018-12-01T09:00:00.000Z',
      },
    ]);
    expect(posts[0]?.bodyHtml).toBe(
      '<p>افتُتح <strong>معرض الكتاب</strong> بمشاركة ٤٠٠ دار نشر.</p>\n<figure class="kg-card kg-image-card"><img src="/content/images/2019/01/book-fair.jpg" class="kg-image" alt="أجنحة المعرض"></figure>',
    );
    expect(posts[0]?.featuredImage).toEqual({
      url: '/content/images/2019/01/fair-cover.jpg',
      alt: '',
      caption: '',
    });
  });
});

describe('readGhostExport: a hostile body', () => {
  it("passes the body on as written; the service's sanitiser removes the script and handlers", async () => {
    const { posts } = await read('hostile-body.json');
    const body = posts[0]?.bodyHtml ?? '';
    expect(body).toBe(
      '<p>نص</p><script>alert("x")</script><img src="x" onerror="alert(1)"><p onclick="steal()">فقرة</p>',
    );
    expect(sanitizeBodyHtml(body)).toBe('<p>نص</p><img src="x" /><p>فقرة</p>');
  });
});
