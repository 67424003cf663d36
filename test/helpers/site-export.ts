/**
 * A site export built in memory, for the import service's tests: what a
 * WordPress or Ghost reader would hand over, without a file.
 */
import type { ArticleId } from '../../src/domain/article-id.js';
import type {
  SiteAuthor,
  SiteCategory,
  SiteExport,
  SitePost,
  SiteTag,
} from '../../src/domain/site-import.js';

/** A published WordPress post with every field filled, changed by `over`. */
export function sitePost(over: Partial<SitePost> & { key: string }): SitePost {
  return {
    kind: 'article',
    preferredId: over.key as ArticleId,
    status: 'published',
    headline: `خبر رقم ${over.key}`,
    slug: `خبر-${over.key}`,
    bodyHtml: `<p>نص الخبر ${over.key}.</p>`,
    excerpt: '',
    publishedAt: new Date('2021-01-03T10:00:00Z'),
    modifiedAt: new Date('2021-01-04T10:00:00Z'),
    authorKeys: ['ahmad'],
    sectionKey: 'news',
    tagKeys: [],
    categoryTagKeys: [],
    featuredImage: null,
    seoTitle: '',
    seoDescription: '',
    views: 0,
    featured: false,
    sourceUrl: `https://old.example/2021/01/03/${encodeURIComponent(`خبر-${over.key}`)}/`,
    oldPaths: [`/2021/01/03/${encodeURIComponent(`خبر-${over.key}`)}/`, `/?p=${over.key}`],
    ...over,
  };
}

export const AUTHORS: SiteAuthor[] = [
  {
    key: 'ahmad',
    displayName: 'أحمد الكاتب',
    email: 'ahmad@old.example',
    slug: 'ahmad',
    bio: 'صحفي.',
    oldPaths: ['/author/ahmad/'],
  },
  {
    key: 'sara',
    displayName: 'سارة',
    email: null,
    slug: 'سارة',
    bio: '',
    oldPaths: ['/author/%d8%b3%d8%a7%d8%b1%d8%a9/'],
  },
];

export const CATEGORIES: SiteCategory[] = [
  {
    key: 'local',
    name: 'محليات',
    slug: 'محليات',
    parentKey: 'news',
    description: '',
    oldPaths: ['/category/news/local/'],
  },
  {
    key: 'news',
    name: 'أخبار',
    slug: 'أخبار',
    parentKey: null,
    description: 'آخر الأخبار',
    oldPaths: ['/category/news/', '/?cat=3'],
  },
];

export const TAGS: SiteTag[] = [
  { key: 'syria', name: 'سوريا', slug: 'سوريا', description: '', oldPaths: ['/tag/syria/'] },
];

/** An export of `posts` with the authors, categories and tags above. */
export function siteExport(posts: SitePost[], over: Partial<SiteExport> = {}): SiteExport {
  const linkTargets = new Map<string, string>();
  for (const post of posts) {
    for (const path of post.oldPaths) linkTargets.set(path, post.key);
    if (post.sourceUrl) linkTargets.set(post.sourceUrl, post.key);
  }
  return {
    source: 'wordpress',
    siteUrl: 'https://old.example',
    authors: AUTHORS,
    categories: CATEGORIES,
    tags: TAGS,
    feeds: [{ oldPath: '/feed/', of: { kind: 'site' }, format: 'rss' }],
    linkTargets,
    postCount: posts.length,
    async *posts() {
      yield* posts;
    },
    tally: {
      skipped: new Map([['attachment', 2]]),
      comments: 5,
      shortcodes: new Map(),
      notes: [],
      missingImages: [],
    },
    close: () => {},
    ...over,
  };
}
