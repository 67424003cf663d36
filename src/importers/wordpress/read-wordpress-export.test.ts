import { copyFile, mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteExport, SitePost } from '../../domain/site-import.js';
import { AppError } from '../../lib/errors.js';
import { readWordPressExport, SITE_FEED_PATHS } from './read-wordpress-export.js';

const FIXTURE = join(
  import.meta.dirname,
  '../../../test/fixtures/wordpress/block-editor-wxr-1.2.xml',
);
const OPTIONS = { timeZone: 'Asia/Riyadh', postTypes: [], viewsMetaKeys: [] };

const AKHBAR = '%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1';
const RIYADA = '%d8%b1%d9%8a%d8%a7%d8%b6%d8%a9';
const KURA = '%d9%83%d8%b1%d8%a9-%d8%a7%d9%84%d9%82%d8%af%d9%85';
const IQTISAD = '%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af';
const DAWRI = '%d8%a7%d9%84%d8%af%d9%88%d8%b1%d9%8a';
const MALAAB = '%d9%85%d9%84%d8%b9%d8%a8';
const SIYASA = '%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9';
const DERBY_SLUG =
  '%d8%a7%d9%84%d9%87%d9%84%d8%a7%d9%84-%d9%8a%d9%81%d9%88%d8%b2-%d8%a8%d8%a7%d9%84%d8%af%d9%8a%d8%b1%d8%a8%d9%8a';
const DERBY_LINK = `https://akhbar.example/2024/03/05/${DERBY_SLUG}/`;

async function allPosts(site: SiteExport): Promise<SitePost[]> {
  const posts: SitePost[] = [];
  for await (const post of site.posts()) posts.push(post);
  return posts;
}

describe('readWordPressExport, a WordPress 6 block-editor export (WXR 1.2)', () => {
  let site: SiteExport;
  let posts: SitePost[];
  beforeAll(async () => {
    site = await readWordPressExport(FIXTURE, OPTIONS);
    posts = await allPosts(site);
  });

  it('knows the site and how many posts and pages it holds before reading them', () => {
    expect(site.source).toBe('wordpress');
    expect(site.siteUrl).toBe('https://akhbar.example');
    expect(site.postCount).toBe(7);
    expect(posts).toHaveLength(7);
  });

  it('reads the authors, lower-casing e-mails, with Co-Authors Plus guest authors', () => {
    expect(site.authors).toEqual([
      {
        key: 'salma',
        displayName: 'سلمى الحسيني',
        email: 'salma@akhbar.example',
        slug: 'salma',
        bio: '',
        oldPaths: ['/author/salma/', '/?author=1'],
      },
      {
        key: 'khaled',
        displayName: 'خالد العتيبي',
        email: 'khaled@akhbar.example',
        slug: 'khaled',
        bio: '',
        oldPaths: ['/author/khaled/', '/?author=2'],
      },
      {
        key: 'مراسل الرياض',
        displayName: 'مراسل الرياض',
        email: null,
        slug: 'مراسل',
        bio: '',
        oldPaths: ['/author/مراسل/'],
      },
    ]);
  });

  it('reads nested categories with decoded slugs, ancestor paths and ?cat=, and adds one only items name', () => {
    expect(site.categories).toEqual([
      {
        key: 'uncategorized',
        name: 'غير مصنف',
        slug: 'uncategorized',
        parentKey: null,
        description: '',
        oldPaths: ['/category/uncategorized/', '/?cat=1'],
      },
      {
        key: AKHBAR,
        name: 'أخبار',
        slug: 'أخبار',
        parentKey: null,
        description: 'آخر الأخبار',
        oldPaths: ['/category/أخبار/', '/?cat=2'],
      },
      {
        key: RIYADA,
        name: 'رياضة',
        slug: 'رياضة',
        parentKey: AKHBAR,
        description: 'أخبار الرياضة المحلية',
        oldPaths: ['/category/رياضة/', '/category/أخبار/رياضة/', '/?cat=3'],
      },
      {
        key: KURA,
        name: 'كرة القدم',
        slug: 'كرة-القدم',
        parentKey: RIYADA,
        description: '',
        oldPaths: ['/category/كرة-القدم/', '/category/أخبار/رياضة/كرة-القدم/', '/?cat=4'],
      },
      {
        key: IQTISAD,
        name: 'اقتصاد',
        slug: 'اقتصاد',
        parentKey: null,
        description: '',
        oldPaths: ['/category/اقتصاد/'],
      },
    ]);
  });

  it('reads the tags, and adds one only an item names', () => {
    expect(site.tags).toEqual([
      {
        key: DAWRI,
        name: 'الدوري',
        slug: 'الدوري',
        description: '',
        oldPaths: ['/tag/الدوري/'],
      },
      {
        key: MALAAB,
        name: 'ملعب',
        slug: 'ملعب',
        description: 'الملاعب والمنشآت',
        oldPaths: ['/tag/ملعب/'],
      },
      {
        key: SIYASA,
        name: 'سياسة',
        slug: 'سياسة',
        description: '',
        oldPaths: ['/tag/سياسة/'],
      },
    ]);
  });

  it('lists the site feeds, then each category’s, tag’s and author’s, RSS and Atom', () => {
    expect(site.feeds.slice(0, SITE_FEED_PATHS.length)).toEqual(
      SITE_FEED_PATHS.map(([oldPath, format]) => ({ oldPath, of: { kind: 'site' }, format })),
    );
    expect(site.feeds.find((feed) => feed.oldPath === '/feed/atom/')?.format).toBe('atom');
    const owned = (oldPath: string, of: object) => [
      { oldPath: `${oldPath}/feed/`, of, format: 'rss' },
      { oldPath: `${oldPath}/feed/atom/`, of, format: 'atom' },
    ];
    expect(site.feeds.slice(SITE_FEED_PATHS.length)).toEqual([
      ...owned('/category/uncategorized', { kind: 'category', key: 'uncategorized' }),
      ...owned('/category/أخبار', { kind: 'category', key: AKHBAR }),
      ...owned('/category/رياضة', { kind: 'category', key: RIYADA }),
      ...owned('/category/كرة-القدم', { kind: 'category', key: KURA }),
      ...owned('/category/اقتصاد', { kind: 'category', key: IQTISAD }),
      ...owned('/tag/الدوري', { kind: 'tag', key: DAWRI }),
      ...owned('/tag/ملعب', { kind: 'tag', key: MALAAB }),
      ...owned('/tag/سياسة', { kind: 'tag', key: SIYASA }),
      ...owned('/author/salma', { kind: 'author', key: 'salma' }),
      ...owned('/author/khaled', { kind: 'author', key: 'khaled' }),
      ...owned('/author/مراسل', { kind: 'author', key: 'مراسل الرياض' }),
    ]);
  });

  it('gives each old address one target: no feed is among the old paths', () => {
    const paths = [
      ...site.feeds.map((feed) => feed.oldPath),
      ...[...site.authors, ...site.categories, ...site.tags].flatMap((item) => item.oldPaths),
    ];
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('maps every old address of a post, and attachment pages, to the post', () => {
    expect(Object.fromEntries(site.linkTargets.entries())).toEqual({
      [DERBY_LINK]: '101',
      '/2024/03/05/الهلال-يفوز-بالديربي/': '101',
      [`/2024/03/05/${DERBY_SLUG}/`]: '101',
      'https://akhbar.example/?p=101': '101',
      '/?p=101': '101',
      'https://akhbar.example/2030/01/01/%d9%85%d9%88%d8%b9%d8%af-%d8%a7%d9%84%d9%86%d9%87%d8%a7%d8%a6%d9%8a/':
        '103',
      '/2030/01/01/موعد-النهائي/': '103',
      '/2030/01/01/%d9%85%d9%88%d8%b9%d8%af-%d8%a7%d9%84%d9%86%d9%87%d8%a7%d8%a6%d9%8a/': '103',
      'https://akhbar.example/?p=103': '103',
      '/?p=103': '103',
      'https://akhbar.example/?p=104': '104',
      '/?p=104': '104',
      'https://akhbar.example/?p=105': '105',
      '/?p=105': '105',
      'https://akhbar.example/2024/03/08/private-note/': '106',
      '/2024/03/08/private-note/': '106',
      'https://akhbar.example/?p=106': '106',
      '/?p=106': '106',
      'https://akhbar.example/2024/03/09/budget/': '109',
      '/2024/03/09/budget/': '109',
      'https://akhbar.example/?p=109': '109',
      '/?p=109': '109',
      'https://akhbar.example/%d9%85%d9%86-%d9%86%d8%ad%d9%86/': '110',
      '/من-نحن/': '110',
      '/%d9%85%d9%86-%d9%86%d8%ad%d9%86/': '110',
      'https://akhbar.example/?page_id=110': '110',
      '/?p=110': '110',
      '/?page_id=110': '110',
      [`${DERBY_LINK}derby/`]: '101',
      '/2024/03/05/الهلال-يفوز-بالديربي/derby/': '101',
      'https://akhbar.example/?attachment_id=202': '101',
      '/?attachment_id=202': '101',
    });
  });

  it('reads a published post whole: Yoast primary category, Jannah views, co-authors, a featured image met after it', () => {
    expect(posts[0]).toEqual({
      key: '101',
      kind: 'article',
      preferredId: '101',
      status: 'published',
      headline: 'الهلال يفوز بالديربي',
      slug: 'الهلال-يفوز-بالديربي',
      bodyHtml: [
        '<p>فاز الهلال على النصر بهدفين مقابل هدف في ديربي الرياض.</p>',
        '<figure class="wp-block-image size-large"><img src="https://akhbar.example/wp-content/uploads/2024/03/goal.jpg" alt="لحظة الهدف"></figure>',
      ].join('\n'),
      excerpt: 'ملخص المباراة & أهدافها',
      publishedAt: new Date('2024-03-05T18:15:00Z'),
      modifiedAt: new Date('2024-03-06T06:00:00Z'),
      authorKeys: ['salma', 'مراسل الرياض', 'khaled'],
      sectionKey: KURA,
      tagKeys: [DAWRI, MALAAB],
      categoryTagKeys: [AKHBAR],
      featuredImage: {
        url: 'https://akhbar.example/wp-content/uploads/2024/03/derby.jpg',
        alt: 'جماهير الهلال في المدرج',
        caption: 'فرحة الجماهير بعد الهدف',
      },
      seoTitle: 'الهلال يفوز بالديربي',
      seoDescription: '',
      views: 15230,
      featured: false,
      sourceUrl: DERBY_LINK,
      oldPaths: ['/2024/03/05/الهلال-يفوز-بالديربي/', '/?p=101'],
    });
  });

  it('reads a scheduled post with Rank Math’s SEO, variables removed', () => {
    expect(posts[1]).toMatchObject({
      key: '103',
      status: 'scheduled',
      slug: 'موعد-النهائي',
      publishedAt: new Date('2030-01-01T09:00:00Z'),
      modifiedAt: new Date('2024-03-07T09:00:00Z'),
      authorKeys: ['khaled'],
      sectionKey: RIYADA,
      categoryTagKeys: [],
      seoTitle: '',
      seoDescription: 'تغطية حية للنهائي',
      views: 0,
    });
  });

  it('reads each status; drafts and pending posts have no publication time', () => {
    expect(
      posts.map((post) => [
        post.key,
        post.kind,
        post.status,
        post.publishedAt?.toISOString() ?? null,
      ]),
    ).toEqual([
      ['101', 'article', 'published', '2024-03-05T18:15:00.000Z'],
      ['103', 'article', 'scheduled', '2030-01-01T09:00:00.000Z'],
      ['104', 'article', 'draft', null],
      ['105', 'article', 'pending', null],
      ['106', 'article', 'private', '2024-03-08T09:00:00.000Z'],
      ['109', 'article', 'published', '2024-03-09T05:00:00.000Z'],
      ['110', 'page', 'published', '2023-01-01T07:00:00.000Z'],
    ]);
  });

  it('reads a draft without a slug, its old path only ?p=', () => {
    expect(posts[2]).toMatchObject({
      key: '104',
      slug: '',
      sectionKey: 'uncategorized',
      sourceUrl: 'https://akhbar.example/?p=104',
      oldPaths: ['/?p=104'],
    });
  });

  it('takes the first category as section without a primary one, Rank Math’s title when Yoast’s is only variables, and features a sticky post', () => {
    expect(posts[5]).toMatchObject({
      key: '109',
      featured: true,
      excerpt: 'ملخص الميزانية',
      sectionKey: IQTISAD,
      categoryTagKeys: [AKHBAR],
      tagKeys: [SIYASA],
      featuredImage: null,
      seoTitle: 'ميزانية 2024',
      views: 1204,
    });
  });

  it('reads a page with its ?page_id= address', () => {
    expect(posts[6]).toMatchObject({
      key: '110',
      kind: 'page',
      slug: 'من-نحن',
      authorKeys: ['salma'],
      sectionKey: null,
      oldPaths: ['/من-نحن/', '/?page_id=110'],
    });
  });

  it('tallies what did not become a post, the comments, and notes', () => {
    expect(site.tally.skipped).toEqual(
      new Map([
        ['revision', 1],
        ['trash', 1],
        ['auto-draft', 1],
        ['nav_menu_item', 1],
        ['attachment', 2],
        ['post type «product»', 1],
        ['post type «wp_block»', 1],
      ]),
    );
    expect(site.tally.comments).toBe(3);
    expect(site.tally.shortcodes).toEqual(new Map());
    expect(site.tally.notes).toEqual([
      'Characters that XML does not allow (control characters) were removed: 1.',
      'Posts whose featured image is not in the export: 1 (post 109: attachment 999).',
    ]);
  });

  it('yields the same posts and tally when read again', async () => {
    expect(await allPosts(site)).toEqual(posts);
    expect(site.tally.comments).toBe(3);
    expect(site.tally.skipped.get('attachment')).toBe(2);
    expect(site.tally.notes).toHaveLength(2);
  });
});

describe('readWordPressExport options', () => {
  it('imports the custom post types it is told to as articles, and counts views under other keys', async () => {
    const site = await readWordPressExport(FIXTURE, {
      timeZone: 'Asia/Riyadh',
      postTypes: ['product'],
      viewsMetaKeys: ['hits'],
    });
    const posts = await allPosts(site);
    expect(site.postCount).toBe(8);
    expect(posts.find((post) => post.key === '130')).toMatchObject({
      kind: 'article',
      status: 'published',
      headline: 'قميص النادي',
      oldPaths: ['/product/shirt/', '/?p=130'],
    });
    expect(posts.find((post) => post.key === '103')?.views).toBe(77);
    expect(site.tally.skipped.has('post type «product»')).toBe(false);
  });
});

describe('readWordPressExport and a file that changes', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'midad-wxr-change-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to read the posts of a file changed since pass 1', async () => {
    const file = join(dir, 'export.xml');
    await copyFile(FIXTURE, file);
    const site = await readWordPressExport(file, OPTIONS);
    await utimes(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const error: unknown = await allPosts(site).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_FILE_CHANGED');
  });
});
