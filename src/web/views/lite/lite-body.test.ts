import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/format.js';
import { presentBody } from '../present-body.js';
import {
  imageLinkText,
  kilobytes,
  liteBody,
  liteBodyImageUrls,
  liteHref,
  liteImageUrl,
} from './lite-body.js';

const t = translator('ar');
const ORIGIN = 'https://news.example';

describe('liteImageUrl', () => {
  it('links the widest variant up to 640 px, else the narrowest', () => {
    expect(liteImageUrl('7', [320, 640, 960, 1280, 1600])).toBe('/media/7/w640.webp');
    expect(liteImageUrl('7', [320, 500])).toBe('/media/7/w500.webp');
    expect(liteImageUrl('7', [300])).toBe('/media/7/w300.webp');
  });
});

describe('kilobytes and imageLinkText', () => {
  it('rounds up, so a small file never reads 0', () => {
    expect([kilobytes(1), kilobytes(1024), kilobytes(1025), kilobytes(46_080)]).toEqual([
      1, 1, 2, 45,
    ]);
  });

  it('names the alt text and the size in the site’s digits, each when known', () => {
    expect(imageLinkText(t, 'latn', 'جسر', 46_080)).toBe('صورة: جسر (45 كيلوبايت)');
    expect(imageLinkText(t, 'arab', 'جسر', 46_080)).toBe('صورة: جسر (٤٥ كيلوبايت)');
    expect(imageLinkText(t, 'latn', '  ', 2048)).toBe('صورة (2 كيلوبايت)');
    expect(imageLinkText(t, 'latn', 'جسر', null)).toBe('صورة: جسر');
  });
});

describe('liteHref', () => {
  it.each([
    ['/a/12', '/lite/a/12'],
    ['/a/12/%D8%AE%D8%A8%D8%B1#x', '/lite/a/12#x'],
    ['https://news.example/a/12/slug?before=40', '/lite/a/12?before=40'],
    ['/a/12?utm_source=x', '/lite/a/12'],
    [
      '/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9?page=2',
      '/lite/section/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9?page=2',
    ],
    ['/', '/lite/'],
    ['https://news.example/?page=3', '/lite/?page=3'],
  ])('leads %s to %s', (href, lite) => {
    expect(liteHref(href, ORIGIN)).toBe(lite);
  });

  it.each([
    'https://other.example/a/12',
    '/p/about',
    '/tag/x',
    '/a/12/slug/more',
    'mailto:a@b.example',
    'a/12',
    '#top',
  ])('leaves %s alone', (href) => {
    expect(liteHref(href, ORIGIN)).toBeNull();
  });
});

describe('liteBody', () => {
  const image =
    '<figure><img src="/media/7/w960.webp" alt="جسر &amp; نهر" width="1600" height="900" srcset="/media/7/w320.webp 320w" sizes="100vw" loading="lazy"><figcaption>الجسر</figcaption></figure>';

  it('names the file each image links, once', () => {
    expect(liteBodyImageUrls(`${image}<p>ثم</p>${image}`)).toEqual(['/media/7/w640.webp']);
  });

  it('links the phone-sized variant of an image whose original width is not written', () => {
    expect(liteBodyImageUrls('<img src="/media/7/w1600.webp" alt="">')).toEqual([
      '/media/7/w640.webp',
    ]);
    expect(liteBodyImageUrls('<img src="/media/7/w500.webp" alt="">')).toEqual([
      '/media/7/w500.webp',
    ]);
  });

  it('makes each image a link naming its size, and keeps the caption', () => {
    const sizes = new Map([['/media/7/w640.webp', 30_000]]);
    expect(liteBody(image, t, 'latn', sizes, ORIGIN)).toBe(
      '<figure><a href="/media/7/w640.webp">صورة: جسر &amp; نهر (30 كيلوبايت)</a><figcaption>الجسر</figcaption></figure>',
    );
  });

  it('points links to articles at their lite pages and leaves other links alone', () => {
    expect(
      liteBody(
        '<p dir="auto"><a href="/a/12/slug">خبر</a> <a href="/a/12?x">آخر</a> <a href="https://example.org/a/1">خارجي</a> <a href="/p/about">صفحة</a></p>',
        t,
        'latn',
        new Map(),
        ORIGIN,
      ),
    ).toBe(
      '<p dir="auto"><a href="/lite/a/12">خبر</a> <a href="/lite/a/12">آخر</a> <a href="https://example.org/a/1">خارجي</a> <a href="/p/about">صفحة</a></p>',
    );
  });

  it('keeps an embed as its link, without the play button, and a read-also box as a labelled paragraph', () => {
    const stored =
      '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=abc"><a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></figure><aside class="read-also" data-article-id="12"><a href="/a/12">خبر سابق</a></aside>';
    expect(liteBody(presentBody(stored, t), t, 'latn', new Map(), ORIGIN)).toBe(
      '<figure><a href="https://www.youtube.com/watch?v=abc">شاهد الفيديو على يوتيوب</a></figure><p><b>اقرأ أيضاً: </b><a href="/lite/a/12">خبر سابق</a></p>',
    );
  });
});
