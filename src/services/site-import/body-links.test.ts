import { describe, expect, it } from 'vitest';
import { rewriteLinks, type LinkTargets } from './body-links.js';

const PERMALINK_201 = '/blog/2024/03/05/%D9%85%D9%82%D8%A7%D9%84/';

/**
 * A WordPress site in a folder whose export holds post 201 (by permalink
 * and `?p=`); post 200 came in with an earlier export (its redirects), and
 * so did the category `أخبار`.
 */
function targets(over: Partial<LinkTargets> = {}): LinkTargets {
  const index = new Map([
    [`https://x.example${PERMALINK_201}`, '201'],
    [PERMALINK_201, '201'],
    ['/blog/?p=201', '201'],
  ]);
  const earlier = new Map([
    ['/blog/?p=200', '/a/200/%D8%AE%D8%A8%D8%B1'],
    ['/blog/2024/03/01/%D8%AE%D8%A8%D8%B1/', '/a/200/%D8%AE%D8%A8%D8%B1'],
    ['/blog/category/news/', '/section/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1'],
  ]);
  return {
    siteUrl: 'https://x.example/blog',
    postOf: (address) => index.get(address),
    pathOf: (key) => `/a/${key}`,
    earlierPathOf: (path) => earlier.get(path) ?? null,
    ...over,
  };
}

const link = (href: string) => `<p><a href="${href}">نص</a></p>`;

describe('rewriteLinks', () => {
  it.each([
    ['https://x.example/blog/?p=201', '/a/201'],
    ['http://www.x.example/blog/?p=201', '/a/201'],
    [`https://www.x.example${PERMALINK_201}`, '/a/201'],
    [`http://x.example${PERMALINK_201.toLowerCase()}`, '/a/201'],
    ['/blog/?p=201', '/a/201'],
  ])('points %s, a post of this export, at its new path %s', (href, to) => {
    expect(rewriteLinks(link(href), targets())).toBe(link(to));
  });

  it.each([
    ['https://www.x.example/blog/?p=201#section-2', '/a/201#section-2'],
    [`http://x.example${PERMALINK_201}#%D8%A3`, '/a/201#%D8%A3'],
    ['/blog/?p=201#top', '/a/201#top'],
    ['/blog/?p=200#comments', '/a/200/%D8%AE%D8%A8%D8%B1#comments'],
  ])('keeps the fragment of %s: %s', (href, to) => {
    expect(rewriteLinks(link(href), targets())).toBe(link(to));
  });

  it.each([
    ['https://www.x.example/blog/?p=200', '/a/200/%D8%AE%D8%A8%D8%B1'],
    ['/blog/?p=200', '/a/200/%D8%AE%D8%A8%D8%B1'],
    ['http://x.example/blog/2024/03/01/%D8%AE%D8%A8%D8%B1/', '/a/200/%D8%AE%D8%A8%D8%B1'],
    ['https://x.example/blog/category/news/', '/section/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1'],
  ])('points %s, an address an earlier import redirects, where it leads: %s', (href, to) => {
    expect(rewriteLinks(link(href), targets())).toBe(link(to));
  });

  it('asks the earlier imports for the path and query only, never for a post of this export', () => {
    const asked: string[] = [];
    const html =
      link('https://www.x.example/blog/?p=300&utm_source=x#s') +
      link('/blog/?p=201') +
      link('https://other.example/blog/?p=400') +
      link('/wp-content/uploads/a.pdf');
    rewriteLinks(html, targets({ earlierPathOf: (path) => (asked.push(path), null) }));
    expect(asked).toEqual(['/blog/?p=300&utm_source=x', '/wp-content/uploads/a.pdf']);
  });

  it('leaves alone links that no post or redirect answers, and those to other sites', () => {
    const html =
      link('https://x.example/blog/?p=999#x') +
      link('https://other.example/blog/?p=201') +
      link('#section-2') +
      link('mailto:desk@x.example');
    expect(rewriteLinks(html, targets())).toBe(html);
  });

  it('falls back to the old path of a post of this export whose new path is not known yet', () => {
    const html = link('https://x.example/blog/?p=201#section-2');
    expect(rewriteLinks(html, targets({ pathOf: () => null }))).toBe(
      link('/blog/?p=201#section-2'),
    );
  });

  it("makes Ghost's __GHOST_URL__ links site paths, keeping the fragment", () => {
    const ghost = targets({ siteUrl: null, postOf: () => undefined, earlierPathOf: () => null });
    expect(rewriteLinks(link('__GHOST_URL__/about/#team'), ghost)).toBe(link('/about/#team'));
  });

  it('escapes a rewritten address and reads one written with entities', () => {
    const html = '<a class="x" href="/blog/?p=200&amp;utm_source=x#a&amp;b">نص</a>';
    const earlier = targets({ earlierPathOf: () => '/p/"من-نحن"' });
    expect(rewriteLinks(html, earlier)).toBe(
      '<a class="x" href="/p/&quot;من-نحن&quot;#a&amp;b">نص</a>',
    );
  });
});
