import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteExport, SitePost } from '../../domain/site-import.js';
import { readWordPressExport } from './read-wordpress-export.js';

const FIXTURE = join(import.meta.dirname, '../../../test/fixtures/wordpress/classic-wxr-1.0.xml');
const THAQAFA = '%d8%ab%d9%82%d8%a7%d9%81%d8%a9';
const MASRAH = '%d9%85%d8%b3%d8%b1%d8%ad';
const SHIR = '%d8%b4%d8%b9%d8%b1';
const AMSIYA_LINK =
  'http://sham.example/blog/2010/04/20/%d8%a3%d9%85%d8%b3%d9%8a%d8%a9-%d8%b4%d8%b9%d8%b1%d9%8a%d8%a9/';

describe('readWordPressExport, an old classic-editor blog in a folder (WXR 1.0)', () => {
  let site: SiteExport;
  let posts: SitePost[];
  beforeAll(async () => {
    site = await readWordPressExport(FIXTURE, {
      timeZone: 'Asia/Damascus',
      postTypes: ['news'],
      viewsMetaKeys: [],
    });
    posts = [];
    for await (const post of site.posts()) posts.push(post);
  });

  it('takes the authors from dc:creator, having no author list', () => {
    expect(site.siteUrl).toBe('http://sham.example/blog');
    expect(site.authors.map((author) => [author.key, author.displayName, author.email])).toEqual([
      ['nizar', 'nizar', null],
      ['rana', 'rana', null],
    ]);
  });

  it('reads WXR 1.0 categories and `tag` terms', () => {
    expect(site.categories.map((c) => [c.key, c.slug, c.parentKey, c.oldPaths])).toEqual([
      [THAQAFA, 'ثقافة', null, ['/blog/category/ثقافة/']],
      [MASRAH, 'مسرح', THAQAFA, ['/blog/category/مسرح/', '/blog/category/ثقافة/مسرح/']],
    ]);
    expect(site.tags.map((t) => [t.key, t.name, t.slug, t.oldPaths])).toEqual([
      [SHIR, 'شعر', 'شعر', ['/blog/tag/شعر/']],
    ]);
  });

  it('keeps the folder in every old address built from the site’s root', () => {
    expect(site.authors.map((author) => author.oldPaths)).toEqual([
      ['/blog/author/nizar/'],
      ['/blog/author/rana/'],
    ]);
    expect(site.feeds.map((feed) => feed.oldPath)).toContain('/blog/feed/');
    expect(site.feeds.map((feed) => feed.oldPath)).toContain('/blog/wp-atom.php');
    expect(site.feeds.filter((feed) => !feed.oldPath.startsWith('/blog/'))).toEqual([]);
    expect(site.feeds.filter((feed) => feed.of.kind !== 'site')).toEqual([
      {
        oldPath: '/blog/category/ثقافة/feed/',
        of: { kind: 'category', key: THAQAFA },
        format: 'rss',
      },
      {
        oldPath: '/blog/category/ثقافة/feed/atom/',
        of: { kind: 'category', key: THAQAFA },
        format: 'atom',
      },
      {
        oldPath: '/blog/category/مسرح/feed/',
        of: { kind: 'category', key: MASRAH },
        format: 'rss',
      },
      {
        oldPath: '/blog/category/مسرح/feed/atom/',
        of: { kind: 'category', key: MASRAH },
        format: 'atom',
      },
      { oldPath: '/blog/tag/شعر/feed/', of: { kind: 'tag', key: SHIR }, format: 'rss' },
      { oldPath: '/blog/tag/شعر/feed/atom/', of: { kind: 'tag', key: SHIR }, format: 'atom' },
      { oldPath: '/blog/author/nizar/feed/', of: { kind: 'author', key: 'nizar' }, format: 'rss' },
      {
        oldPath: '/blog/author/nizar/feed/atom/',
        of: { kind: 'author', key: 'nizar' },
        format: 'atom',
      },
      { oldPath: '/blog/author/rana/feed/', of: { kind: 'author', key: 'rana' }, format: 'rss' },
      {
        oldPath: '/blog/author/rana/feed/atom/',
        of: { kind: 'author', key: 'rana' },
        format: 'atom',
      },
    ]);
  });

  it('reads a post whose GMT date is zero in the site’s time zone, its [caption] made a figure and its lines paragraphs', () => {
    expect(posts[0]).toEqual({
      key: '12',
      kind: 'article',
      preferredId: '12',
      status: 'published',
      headline: 'أمسية شعرية في دمشق & حلب',
      slug: 'أمسية-شعرية',
      bodyHtml: [
        '<figure><img src="http://sham.example/blog/wp-content/uploads/2010/04/amsiya-300x200.jpg" alt="الجمهور" width="300" height="200"><figcaption>جمهور الأمسية</figcaption></figure>',
        '<p>أقيمت مساء أمس أمسية شعرية في المركز الثقافي.</p>',
        '<p>وحضرها جمهور كبير.</p>',
      ].join('\n'),
      excerpt: '',
      publishedAt: new Date('2010-04-20T17:30:00Z'),
      modifiedAt: null,
      authorKeys: ['nizar'],
      sectionKey: THAQAFA,
      tagKeys: [SHIR],
      categoryTagKeys: [],
      featuredImage: {
        url: 'http://sham.example/blog/wp-content/uploads/2010/04/amsiya.jpg',
        alt: '',
        caption: 'جمهور الأمسية',
      },
      seoTitle: '',
      seoDescription: '',
      views: 340,
      featured: false,
      sourceUrl: AMSIYA_LINK,
      oldPaths: ['/blog/2010/04/20/أمسية-شعرية/', '/blog/?p=12'],
    });
  });

  it('imports a custom post type it is told to, keeping a bad escape of its slug as written', () => {
    expect(posts[1]).toMatchObject({
      key: '14',
      kind: 'article',
      slug: 'حفل-الافتتاح-%d8',
      excerpt: 'افتتاح المهرجان',
      publishedAt: new Date('2010-04-30T16:00:00Z'),
      sectionKey: MASRAH,
      oldPaths: ['/blog/news/حفل-الافتتاح-%d8/', '/blog/?p=14'],
    });
  });

  it('maps addresses under the folder, the permalink guid and the attachment page', () => {
    expect(Object.fromEntries(site.linkTargets.entries())).toEqual({
      [AMSIYA_LINK]: '12',
      '/blog/2010/04/20/أمسية-شعرية/': '12',
      '/blog/2010/04/20/%d8%a3%d9%85%d8%b3%d9%8a%d8%a9-%d8%b4%d8%b9%d8%b1%d9%8a%d8%a9/': '12',
      'http://sham.example/blog/?p=12': '12',
      '/blog/?p=12': '12',
      'http://sham.example/blog/news/%d8%ad%d9%81%d9%84-%d8%a7%d9%84%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d8/':
        '14',
      '/blog/news/حفل-الافتتاح-%d8/': '14',
      '/blog/news/%d8%ad%d9%81%d9%84-%d8%a7%d9%84%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d8/': '14',
      'http://sham.example/blog/news/festival/': '14',
      '/blog/?p=14': '14',
      [`${AMSIYA_LINK}amsiya/`]: '12',
      '/blog/2010/04/20/أمسية-شعرية/amsiya/': '12',
    });
  });

  it('tallies the attachment and the comment', () => {
    expect(site.tally.skipped).toEqual(new Map([['attachment', 1]]));
    expect(site.tally.comments).toBe(1);
    expect(site.tally.notes).toEqual([]);
  });
});
