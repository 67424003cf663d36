import { describe, expect, it } from 'vitest';
import {
  isListingPath,
  oldAddressRule,
  targetOf,
  type OldAddressRule,
} from './old-address-rules.js';

const item = { kind: 'item' } as const;
const rss = { kind: 'feed', format: 'rss' } as const;
const atom = { kind: 'feed', format: 'atom' } as const;

describe('oldAddressRule', () => {
  it.each<[string, OldAddressRule | null]>([
    // A post's comments feed and AMP page: the permalink underneath.
    ['/2021/01/03/خبر/feed/', { kind: 'lookup', key: '/2021/01/03/خبر', leadsTo: rss }],
    ['/2021/01/03/خبر/feed', { kind: 'lookup', key: '/2021/01/03/خبر', leadsTo: rss }],
    [
      '/2021/01/03/%D8%AE%D8%A8%D8%B1/feed/atom/',
      { kind: 'lookup', key: '/2021/01/03/خبر', leadsTo: atom },
    ],
    ['/blog/2021/slug/feed/rss2/', { kind: 'lookup', key: '/blog/2021/slug', leadsTo: rss }],
    ['/2021/01/03/slug/amp/', { kind: 'lookup', key: '/2021/01/03/slug', leadsTo: item }],
    ['/slug/amp', { kind: 'lookup', key: '/slug', leadsTo: item }],
    // Listing pages.
    [
      '/category/news/page/3/',
      { kind: 'lookup', key: '/category/news', leadsTo: { kind: 'page', page: 3 } },
    ],
    [
      '/blog/tag/x/page/2',
      { kind: 'lookup', key: '/blog/tag/x', leadsTo: { kind: 'page', page: 2 } },
    ],
    ['/page/2/', { kind: 'latest', page: 2 }],
    ['/page/1/', null],
    ['/page/0/', null],
    ['/category/news/page/10001/', null],
    // PATHINFO permalinks.
    ['/index.php?p=12', { kind: 'lookup', key: '/?p=12', leadsTo: item }],
    ['/blog/index.php?p=12&utm_source=x', { kind: 'lookup', key: '/blog?p=12', leadsTo: item }],
    ['/index.php/2021/01/03/slug/', { kind: 'lookup', key: '/2021/01/03/slug', leadsTo: item }],
    ['/index.php/2021/slug/amp/', { kind: 'lookup', key: '/2021/slug', leadsTo: item }],
    ['/index.php', null],
    // Query forms.
    [
      '/?s=%D8%A7%D9%84%D9%87%D9%84%D8%A7%D9%84+%D9%8A%D9%81%D9%88%D8%B2',
      { kind: 'search', query: 'الهلال يفوز' },
    ],
    ['/blog/?s=x', { kind: 'search', query: 'x' }],
    ['/?s=', null],
    ['/?tag=%d8%b3%d9%88%d8%b1%d9%8a%d8%a7', { kind: 'lookup', key: '/tag/سوريا', leadsTo: item }],
    ['/blog/?tag=x', { kind: 'lookup', key: '/blog/tag/x', leadsTo: item }],
    ['/?feed=atom', { kind: 'lookup', key: '/feed/atom', leadsTo: item }],
    ['/?feed=rss2', { kind: 'lookup', key: '/feed', leadsTo: item }],
    ['/blog/?feed=rdf', { kind: 'lookup', key: '/blog/feed', leadsTo: item }],
    ['/category/news/?feed=atom', { kind: 'lookup', key: '/category/news', leadsTo: atom }],
    ['/?p=12&feed=rss2', { kind: 'lookup', key: '/?p=12', leadsTo: rss }],
    ['/?author=3&feed=atom', { kind: 'lookup', key: '/?author=3', leadsTo: atom }],
    // Sitemaps of Yoast, Rank Math and core.
    ['/sitemap_index.xml', { kind: 'sitemap' }],
    ['/post-sitemap.xml', { kind: 'sitemap' }],
    ['/post-sitemap2.xml', { kind: 'sitemap' }],
    ['/page-sitemap.xml', { kind: 'sitemap' }],
    ['/category-sitemap.xml', { kind: 'sitemap' }],
    ['/wp-sitemap.xml', { kind: 'sitemap' }],
    ['/wp-sitemap-posts-post-1.xml', { kind: 'sitemap' }],
    ['/blog/sitemap_index.xml', { kind: 'sitemap' }],
    ['/a/b/sitemap_index.xml', null],
    // Nothing to go on.
    ['/', null],
    ['/?page=2', null],
    ['/?utm_source=x', null],
    ['/?p=12', null],
    ['/2021/01/03/slug/', null],
    ['/feed/', null],
    ['/amp/', null],
    ['//evil.example/feed/', null],
  ])('answers %s with %j', (address, rule) => {
    expect(oldAddressRule(address)).toEqual(rule);
  });
});

describe('targetOf', () => {
  it.each([
    ['/a/12/خبر', item, '/a/12/خبر'],
    ['/a/12/خبر', rss, '/a/12/خبر'],
    ['/section/%D8%B1', atom, '/section/%D8%B1/atom.xml'],
    ['/author/salma', rss, '/author/salma/rss.xml'],
    ['/tag/x', { kind: 'page', page: 3 } as const, '/tag/x?page=3'],
    ['/tag/x', { kind: 'page', page: 1 } as const, '/tag/x'],
    ['/a/12/خبر', { kind: 'page', page: 2 } as const, null],
    ['/rss.xml', item, '/rss.xml'],
  ])('sends %s, as %j says, to %s', (target, leadsTo, expected) => {
    expect(targetOf(target, leadsTo)).toBe(expected);
  });
});

describe('isListingPath', () => {
  it.each([
    ['/tag/x', true],
    ['/section/%D8%B1', true],
    ['/author/سلمى', true],
    ['/tag/x/rss.xml', false],
    ['/tag/x?page=2', false],
    ['/a/12/x', false],
    ['/category/x', false],
  ])('%s → %s', (path, expected) => {
    expect(isListingPath(path)).toBe(expected);
  });
});
