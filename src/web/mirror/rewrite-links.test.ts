import { describe, expect, it } from 'vitest';
import { rewriteCssUrls, rewriteHtmlLinks } from './rewrite-links.js';

/** Prefixes every root-relative link with `M`; keeps the rest. */
const mark = (url: string) => (url.startsWith('/') ? `M${url}` : null);

describe('rewriteHtmlLinks', () => {
  it('rewrites only link attributes, leaving every other byte as it was', () => {
    const html =
      '<!DOCTYPE html><html lang="ar"><head><link rel="canonical" href="/a/1">' +
      "<link rel=stylesheet href='/s.css'><style>b{background:url(/b.png)}</style></head>" +
      '<body><a  href="/a/2"  class=x>خبر &amp; آخر</a><img src=/m/1.webp srcset="/m/1.webp 320w, /m/2.webp 640w" alt="">' +
      '<form action="/search" method="post"><button formaction="/x">ب</button></form>' +
      '<a href="https://elsewhere.example/">خارج</a><p style="background:url(\'/p.png\')">ن</p></body></html>';
    expect(rewriteHtmlLinks(html, mark)).toBe(
      '<!DOCTYPE html><html lang="ar"><head><link rel="canonical" href="/a/1">' +
        '<link rel=stylesheet href="M/s.css"><style>b{background:url(M/b.png)}</style></head>' +
        '<body><a  href="M/a/2"  class=x>خبر &amp; آخر</a><img src="M/m/1.webp" srcset="M/m/1.webp 320w, M/m/2.webp 640w" alt="">' +
        '<form action="M/search" method="post"><button formaction="M/x">ب</button></form>' +
        '<a href="https://elsewhere.example/">خارج</a><p style="background:url(&#39;M/p.png&#39;)">ن</p></body></html>',
    );
  });

  it('escapes what it writes, and reads entities in what it is given', () => {
    const seen: string[] = [];
    const out = rewriteHtmlLinks('<a href="/q?a=1&amp;b=2">x</a>', (url) => {
      seen.push(url);
      return `${url}&"`;
    });
    expect(seen).toEqual(['/q?a=1&b=2']);
    expect(out).toBe('<a href="/q?a=1&amp;b=2&amp;&quot;">x</a>');
  });

  it('lets a form change its method once its action is known', () => {
    const out = rewriteHtmlLinks(
      '<form method="post" action="/newsletter/subscribe"></form><form method="post" action="https://x.example/"></form>',
      mark,
      (element, changed): Record<string, string> =>
        element.tagName === 'form' && changed.action ? { method: 'get' } : {},
    );
    expect(out).toBe(
      '<form method="get" action="M/newsletter/subscribe"></form><form method="post" action="https://x.example/"></form>',
    );
  });

  it('adds an attribute an element lacks after its name, and none to an element the parser made up', () => {
    const out = rewriteHtmlLinks(
      '<!doctype html><HTML lang="ar" dir="rtl"><body><p>ن</p></body></HTML>',
      mark,
      (element): Record<string, string> =>
        element.tagName === 'html' || element.tagName === 'head' ? { 'data-mirror': '' } : {},
    );
    expect(out).toBe(
      '<!doctype html><HTML data-mirror="" lang="ar" dir="rtl"><body><p>ن</p></body></HTML>',
    );
  });
});

describe('rewriteCssUrls', () => {
  it('rewrites url() with or without quotes and @import, not comments', () => {
    expect(
      rewriteCssUrls(
        '@import "/a.css";/* url(/c.png) */@font-face{src:url(/f.woff2) format("woff2"),url( \'/g.woff\' )}',
        mark,
      ),
    ).toBe(
      '@import "M/a.css";/* url(/c.png) */@font-face{src:url(M/f.woff2) format("woff2"),url(\'M/g.woff\')}',
    );
  });
});
