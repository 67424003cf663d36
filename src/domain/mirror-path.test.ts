import { describe, expect, it } from 'vitest';
import {
  isMirrorFilePath,
  mirrorFileLinked,
  mirrorFileOf,
  relativeLink,
  sitePathOf,
} from './mirror-path.js';

describe('mirrorFileOf', () => {
  it.each([
    ['/', 'index.html'],
    ['/?page=2', 'page/2/index.html'],
    ['/?page=1', 'index.html'],
    ['/a/123', 'a/123/index.html'],
    ['/a/123/%D8%AE%D8%A8%D8%B1', 'a/123/خبر/index.html'],
    ['/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9?page=3', 'section/سياسة/page/3/index.html'],
    ['/corrections?page=2', 'corrections/page/2/index.html'],
    ['/rss.xml', 'rss.xml'],
    ['/tag/%D8%AA/feed.json', 'tag/ت/feed.json'],
    ['/media/12/w640.webp', 'media/12/w640.webp'],
    ['/assets/site.1a2b3c4d.css', 'assets/site.1a2b3c4d.css'],
    ['/sitemaps/2026-11.xml', 'sitemaps/2026-11.xml'],
    ['/p/x.com', 'p/x.com/index.html'],
  ])('%s → %s', (path, file) => {
    expect(mirrorFileOf(path)).toBe(file);
  });

  it.each([
    ['a query other than the page', '/search?q=x'],
    ['a page number past five digits', '/?page=123456'],
    ['a page of a file', '/rss.xml?page=2'],
    ['a malformed escape', '/a/%E0%A4%A'],
    ['a dot-dot segment', '/a/%2E%2E/x'],
    ['an encoded slash', '/a/x%2Fy'],
    ['a control character', '/a/x%00y'],
    ['not a path', 'a/1'],
  ])('holds nothing for %s', (_why, path) => {
    expect(mirrorFileOf(path)).toBeNull();
  });
});

describe('relativeLink', () => {
  it.each([
    ['index.html', 'a/1/x/index.html', '', 'a/1/x/index.html'],
    ['a/1/x/index.html', 'section/s/index.html', '', '../../../section/s/index.html'],
    ['a/1/x/index.html', 'a/1/x/index.html', '#c', 'index.html#c'],
    ['a/1/x/index.html', 'a/2/index.html', '', '../../2/index.html'],
    ['section/سياسة/index.html', 'index.html', '', '../../index.html'],
    ['index.html', 'tag/خبر/index.html', '', 'tag/%D8%AE%D8%A8%D8%B1/index.html'],
    ['assets/site.css', 'fonts/f.woff2', '', '../fonts/f.woff2'],
  ])('from %s to %s%s is %s', (from, to, fragment, link) => {
    expect(relativeLink(from, to, fragment)).toBe(link);
  });
});

describe('sitePathOf', () => {
  it.each([
    ['index.html', '/'],
    ['page/2/index.html', '/?page=2'],
    ['a/123/index.html', '/a/123'],
    ['a/123/خبر/index.html', '/a/123/%D8%AE%D8%A8%D8%B1'],
    ['section/سياسة/page/3/index.html', '/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9?page=3'],
    ['tag/page/index.html', '/tag/page'],
    ['tag/page/page/2/index.html', '/tag/page?page=2'],
    ['tag/xpage/2/index.html', '/tag/xpage/2'],
    ['corrections/page/2/index.html', '/corrections?page=2'],
    ['rss.xml', '/rss.xml'],
    ['tag/ت/feed.json', '/tag/%D8%AA/feed.json'],
    ['p/x.com/index.html', '/p/x.com'],
    ['lite/a/7/index.html', '/lite/a/7'],
  ])('%s → %s, and back', (file, path) => {
    expect(sitePathOf(file)).toBe(path);
    expect(mirrorFileOf(path)).toBe(file);
  });
});

describe('mirrorFileLinked', () => {
  it.each([
    ['a/1/x/index.html', '../../../tag/%D8%AA/index.html#top', 'tag/ت/index.html'],
    ['index.html', 'a/2/y/index.html', 'a/2/y/index.html'],
    ['tag/t/page/2/index.html', '../../../s/index.html', 'tag/s/index.html'],
    ['lite/a/1/index.html', '../../../media/3/w640.webp', 'media/3/w640.webp'],
  ])('from %s, %s leads to %s', (from, link, file) => {
    expect(mirrorFileLinked(from, link)).toBe(file);
  });

  it.each([
    ['an absolute link', 'https://news.example/a/1'],
    ['a root-relative link', '/a/1'],
    ['a fragment alone', '#top'],
    ['a query', 'search/index.html?q=x'],
    ['a climb out of the mirror', '../../x.html'],
    ['a malformed escape', '%E0%A4%A/index.html'],
  ])('%s is none: %s', (_, link) => {
    expect(mirrorFileLinked('a/index.html', link)).toBeNull();
  });
});

it('takes as a mirror file path only a relative path that stays inside the mirror', () => {
  for (const good of [
    'index.html',
    'a/1/خبر/index.html',
    'mirror/manifest.json',
    '.well-known/x',
  ]) {
    expect(isMirrorFilePath(good)).toBe(true);
  }
  for (const bad of [
    '',
    '../x',
    'a/../../x',
    './x',
    '/etc/passwd',
    'a//b',
    'a/',
    'a\\..\\b',
    'a\u0000b',
    'a\nb',
    'x'.repeat(2049),
  ]) {
    expect(isMirrorFilePath(bad)).toBe(false);
  }
});
