import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SitePost } from '../../domain/site-import.js';
import { MAX_POST_NOTES } from './map-ghost-export.js';
import { readGhostExport } from './read-ghost-export.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'midad-ghost-map-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function post(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    title: 'خبر',
    status: 'published',
    type: 'post',
    published_at: '2020-01-01T00:00:00.000Z',
    ...fields,
  };
}

async function map(data: Record<string, unknown>, siteUrl: string | null = null) {
  const file = join(dir, 'export.json');
  await writeFile(file, JSON.stringify({ meta: { version: '1.25.0' }, data }));
  const site = await readGhostExport(file, { timeZone: 'UTC', ...(siteUrl ? { siteUrl } : {}) });
  const posts: SitePost[] = [];
  for await (const p of site.posts()) posts.push(p);
  return { site, posts };
}

describe('mapGhostExport', () => {
  it('keeps the folder of the site’s address in every old address, and links under it', async () => {
    const { site, posts } = await map(
      {
        posts: [post({ id: 'p', slug: 'سيول' })],
        users: [{ id: 'u', name: 'ليلى', slug: 'layla' }],
        tags: [{ id: 't', name: 'طقس', slug: 'weather' }],
      },
      'https://x.example/blog',
    );
    expect(posts.map((p) => [p.oldPaths, p.sourceUrl])).toEqual([
      [['/blog/سيول/', '/blog/سيول/amp/'], 'https://x.example/blog/%D8%B3%D9%8A%D9%88%D9%84/'],
    ]);
    expect(site.authors.map((a) => a.oldPaths)).toEqual([['/blog/author/layla/']]);
    expect(site.tags.map((t) => t.oldPaths)).toEqual([['/blog/tag/weather/']]);
    expect(site.feeds).toEqual([
      { oldPath: '/blog/rss/', of: { kind: 'site' }, format: 'rss' },
      { oldPath: '/blog/tag/weather/rss/', of: { kind: 'tag', key: 't' }, format: 'rss' },
      { oldPath: '/blog/author/layla/rss/', of: { kind: 'author', key: 'u' }, format: 'rss' },
    ]);
    const linked = (address: string) => site.linkTargets.get(address);
    expect(linked('/blog/سيول/')).toBe('p');
    expect(linked('/blog/%D8%B3%D9%8A%D9%88%D9%84/')).toBe('p');
    expect(linked('__GHOST_URL__/سيول/')).toBe('p');
    expect(linked('https://x.example/blog/سيول/')).toBe('p');
    expect(linked('/سيول/')).toBeUndefined();
  });

  it('skips and counts posts of an unknown status or type', async () => {
    const { site } = await map({
      posts: [
        post({ id: 'a', slug: 'a' }),
        post({ id: 'b', status: 'archived' }),
        post({ id: 'c', type: 'newsletter' }),
        post({ id: 'd', status: 'archived' }),
      ],
    });
    expect(site.postCount).toBe(1);
    expect(site.tally.skipped).toEqual(
      new Map([
        ['status «archived»', 2],
        ['type «newsletter»', 1],
      ]),
    );
  });

  it('reads Ghost 0.x–1 rows: the page flag as 0/1, Markdown bodies, `image`, tags without visibility', async () => {
    const { site, posts } = await map({
      posts: [
        {
          id: 1,
          title: 'صفحة',
          slug: 'about',
          page: 1,
          status: 'published',
          markdown: '**نص**',
          image: '/content/images/a.jpg',
          featured: 1,
          published_at: 1388534400000,
        },
      ],
      tags: [
        { id: 7, name: 'رياضة', slug: 'sport' },
        { id: 8, name: '#داخلي', slug: 'hash-dakhili' },
      ],
      posts_tags: [
        { post_id: 1, tag_id: 8 },
        { post_id: 1, tag_id: 7 },
      ],
      users: [{ id: 1, name: 'أ', slug: 'a', email: null }],
      posts_authors: null,
    });
    expect(site.categories.map((c) => c.key)).toEqual(['7']);
    expect(site.tags).toEqual([]);
    expect(posts).toMatchObject([
      {
        key: '1',
        kind: 'page',
        bodyHtml: '<p><strong>نص</strong></p>',
        featured: true,
        sectionKey: '7',
        tagKeys: [],
        authorKeys: [],
        featuredImage: { url: '/content/images/a.jpg', alt: '', caption: '' },
        publishedAt: new Date('2014-01-01T00:00:00.000Z'),
      },
    ]);
    expect(site.authors[0]?.email).toBeNull();
  });

  it("makes each post's primary tag its section, and a section that comes later a tag of the post", async () => {
    const tag = (id: string) => ({ id, name: `وسم ${id}`, slug: id, visibility: 'public' });
    const { site, posts } = await map({
      posts: [
        post({ id: 'a', slug: 'a' }),
        post({ id: 'b', slug: 'b' }),
        post({ id: 'c', slug: 'c' }),
      ],
      tags: [tag('t1'), tag('t2'), tag('t3')],
      posts_tags: [
        { post_id: 'a', tag_id: 't2', sort_order: 1 },
        { post_id: 'a', tag_id: 't1', sort_order: 0 },
        { post_id: 'b', tag_id: 't2', sort_order: 0 },
        { post_id: 'b', tag_id: 't3', sort_order: 1 },
      ],
    });
    expect(site.categories).toEqual([
      {
        key: 't1',
        name: 'وسم t1',
        slug: 't1',
        parentKey: null,
        description: '',
        oldPaths: ['/tag/t1/'],
      },
      {
        key: 't2',
        name: 'وسم t2',
        slug: 't2',
        parentKey: null,
        description: '',
        oldPaths: ['/tag/t2/'],
      },
    ]);
    expect(site.tags.map((t) => [t.key, t.oldPaths])).toEqual([['t3', ['/tag/t3/']]]);
    expect(site.feeds.slice(1, 4)).toEqual([
      { oldPath: '/tag/t1/rss/', of: { kind: 'category', key: 't1' }, format: 'rss' },
      { oldPath: '/tag/t2/rss/', of: { kind: 'category', key: 't2' }, format: 'rss' },
      { oldPath: '/tag/t3/rss/', of: { kind: 'tag', key: 't3' }, format: 'rss' },
    ]);
    expect(posts.map((p) => [p.key, p.sectionKey, p.tagKeys, p.categoryTagKeys])).toEqual([
      ['a', 't1', [], ['t2']],
      ['b', 't2', ['t3'], []],
      ['c', null, [], []],
    ]);
  });

  it('strips markup typed into a user name', async () => {
    const { site } = await map({
      posts: [],
      users: [
        { id: '1', name: '<b>Ali</b> <i>Hasan</i>', slug: 'ali' },
        { id: '2', name: '<b></b>', slug: 'nizar' },
      ],
    });
    expect(site.authors.map((author) => author.displayName)).toEqual(['Ali Hasan', 'nizar']);
  });

  it('removes the characters XML forbids (control characters, lone surrogates) from every field', async () => {
    const { posts, site } = await map({
      posts: [
        post({
          id: 'p',
          title: 'خبر\u0000 عاجل\ud800',
          slug: 'sa\u0007il',
          html: '<p>نص\u0001</p>',
        }),
      ],
      users: [{ id: 'u', name: 'ليلى\u0002', slug: 'layla' }],
      tags: [{ id: 't', name: 'طقس\udc00', slug: 'weather' }],
      posts_tags: [{ post_id: 'p', tag_id: 't', sort_order: 0 }],
    });
    expect(posts.map((p) => [p.headline, p.slug, p.bodyHtml])).toEqual([
      ['خبر عاجل', 'sail', '<p>نص</p>'],
    ]);
    expect(site.authors.map((a) => a.displayName)).toEqual(['ليلى']);
    expect(site.categories.map((c) => c.name)).toEqual(['طقس']);
  });

  it('takes author_id when a post has no posts_authors rows, and leaves out bylines naming no user', async () => {
    const { posts, site } = await map({
      posts: [post({ id: 'p1', author_id: 'u1' }), post({ id: 'p2', author_id: 'nobody' })],
      users: [{ id: 'u1', name: 'أ', slug: 'a' }],
    });
    expect(posts.map((p) => p.authorKeys)).toEqual([['u1'], []]);
    expect(site.tally.notes).toEqual(['Bylines naming no user of the export, left out: 1.']);
  });

  it('orders bylines and tags by sort_order, then file order, without repeats', async () => {
    const { posts } = await map({
      posts: [post({ id: 'p' })],
      users: ['u1', 'u2', 'u3'].map((id) => ({ id, name: id, slug: id })),
      posts_authors: [
        { post_id: 'p', author_id: 'u3', sort_order: 1 },
        { post_id: 'p', author_id: 'u2', sort_order: 0 },
        { post_id: 'p', author_id: 'u1', sort_order: 1 },
        { post_id: 'p', author_id: 'u2', sort_order: 2 },
      ],
    });
    expect(posts[0]?.authorKeys).toEqual(['u2', 'u3', 'u1']);
  });

  it('tells which posts have a body or a time it could not read, at most MAX_POST_NOTES of them', async () => {
    const broken = Array.from({ length: MAX_POST_NOTES + 2 }, (_, i) =>
      post({ id: `x${i}`, slug: `s${i}`, lexical: '{"root":' }),
    );
    const { site, posts } = await map({
      posts: [
        post({ id: 'm', slug: 'mobiledoc', mobiledoc: '{"version":"0.3.1"}', updated_at: 'أمس' }),
        post({
          id: 'l',
          slug: 'fallback',
          lexical: '[]',
          mobiledoc: '{"version":"0.3.1","sections":[[1,"p",[[0,[],0,"احتياط"]]]]}',
        }),
        ...broken,
      ],
    });
    expect(posts[0]?.bodyHtml).toBe('');
    expect(posts[1]?.bodyHtml).toBe('<p>احتياط</p>');
    expect(site.tally.notes.slice(0, 3)).toEqual([
      'post m «mobiledoc»: the body is empty: its mobiledoc is not a mobiledoc document',
      'post m «mobiledoc»: updated_at is not a time',
      'post x0 «s0»: the body is empty: its lexical is not JSON',
    ]);
    expect(site.tally.notes).toHaveLength(MAX_POST_NOTES + 1);
    expect(site.tally.notes.at(-1)).toBe('… and 4 more problems in posts.');
  });

  it('renders no body from a lexical nested beyond the stack, and says so', async () => {
    const deep = `{"root":{"children":[${'{"type":"x","children":['.repeat(50_000)}${']}'.repeat(50_000)}]}}`;
    const { posts, site } = await map({ posts: [post({ id: 'd', slug: 'deep', lexical: deep })] });
    expect(posts[0]?.bodyHtml).toBe('');
    expect(site.tally.notes).toEqual([
      'post d «deep»: the body is empty: its lexical is not a Lexical document',
    ]);
  });
});
