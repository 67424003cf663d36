import { describe, expect, it } from 'vitest';
import { BodyHtmlRefused, paragraphsToHtml, sanitizeBodyHtml } from './body-html.js';

/** The refusal `sanitizeBodyHtml(html)` throws, as code and message. */
function refusalOf(html: string): { code: string; message: string } | null {
  try {
    sanitizeBodyHtml(html);
    return null;
  } catch (error) {
    if (!(error instanceof BodyHtmlRefused)) throw error;
    return { code: error.code, message: error.userMessage };
  }
}

describe('sanitizeBodyHtml', () => {
  it.each([
    ['drops scripts with their content', '<p>خبر</p><script>alert(1)</script>', '<p>خبر</p>'],
    ['drops event handlers', '<p onclick="x()">خبر</p>', '<p>خبر</p>'],
    [
      'drops an onerror image handler',
      '<img src="/media/1/w640.webp" onerror="alert(1)" alt="">',
      '<img src="/media/1/w640.webp" alt="" />',
    ],
    [
      'drops the address of an image on another site',
      '<img src="https://tracker.example/p.gif" alt="">',
      '<img alt="" />',
    ],
    [
      'drops javascript: links but keeps the text',
      '<a href="javascript:x()">رابط</a>',
      '<a>رابط</a>',
    ],
    [
      'drops an obfuscated javascript: link',
      '<a href="  JaVa&#x09;Script:alert(1)">رابط</a>',
      '<a>رابط</a>',
    ],
    ['drops data: links', '<a href="data:text/html;base64,PHNjcmlwdD4=">رابط</a>', '<a>رابط</a>'],
    [
      'drops data: images',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">',
      '<img alt="x" />',
    ],
    [
      'keeps https links',
      '<a href="https://example.com/a">رابط</a>',
      '<a href="https://example.com/a">رابط</a>',
    ],
    [
      'keeps site-relative images',
      '<img src="/media/1/w640.webp" alt="صورة">',
      '<img src="/media/1/w640.webp" alt="صورة" />',
    ],
    [
      'gives a library image of known width every variant in srcset, lazily loaded',
      '<img src="/media/7/w960.webp" alt="صورة" width="1000" height="500">',
      '<img src="/media/7/w960.webp" alt="صورة" width="1000" height="500" srcset="/media/7/w320.webp 320w, /media/7/w640.webp 640w, /media/7/w960.webp 960w, /media/7/w1000.webp 1000w" sizes="(min-width: 42rem) 40rem, 100vw" loading="lazy" decoding="async" />',
    ],
    [
      'replaces a srcset naming files the site did not make',
      '<img src="/media/7/w320.webp" alt="" width="300" srcset="/x.webp 1w, https://t.example/p.gif 2w" sizes="1px">',
      '<img src="/media/7/w320.webp" alt="" width="300" srcset="/media/7/w300.webp 300w" sizes="(min-width: 42rem) 40rem, 100vw" loading="lazy" decoding="async" />',
    ],
    [
      'drops srcset from an image that is not of the library',
      '<img src="/assets/logo.png" alt="" width="100" srcset="/a.png 1w">',
      '<img src="/assets/logo.png" alt="" width="100" />',
    ],
    ['keeps dir on paragraphs', '<p dir="auto">Reuters</p>', '<p dir="auto">Reuters</p>'],
    ['drops iframes', '<iframe src="https://x"></iframe><p>ب</p>', '<p>ب</p>'],
    ['drops inline styles', '<p style="color:red">ب</p>', '<p>ب</p>'],
    ['drops style elements', '<style>p{background:url(javascript:x)}</style><p>ب</p>', '<p>ب</p>'],
    [
      'drops an expression() style payload',
      '<p style="width: expression(alert(1))">ب</p>',
      '<p>ب</p>',
    ],
    [
      'drops SVG with its script',
      '<svg onload="alert(1)"><script>alert(2)</script></svg><p>ب</p>',
      '<p>ب</p>',
    ],
    ['drops SVG use payloads', '<svg><use href="data:image/svg+xml,&lt;svg id=x&gt;"/></svg>', ''],
    [
      'drops object and embed',
      '<object data="x.swf"></object><embed src="x.swf"><p>ب</p>',
      '<p>ب</p>',
    ],
    [
      'rebuilds broken markup as a browser reads it',
      '<p><strong>عاجل<p>ثانية',
      '<p><strong>عاجل</strong></p><p><strong>ثانية</strong></p>',
    ],
    [
      'reads an unclosed attribute as the browser does: all that follows is its value',
      '<p title="x>أ</p><p>ب</p>',
      '',
    ],
    ['escapes a stray angle bracket', '<p>أ < ب</p>', '<p>أ &lt; ب</p>'],
    [
      'drops a forged read-also id',
      '<aside class="read-also" data-article-id="1 onclick=x">أ</aside>',
      '',
    ],
    [
      'keeps a read-also box',
      '<aside class="read-also" data-article-id="258871304963183"><a href="/a/258871304963183">عنوان</a></aside>',
      '<aside class="read-also" data-article-id="258871304963183"><a href="/a/258871304963183">عنوان</a></aside>',
    ],
    [
      'keeps a YouTube embed',
      '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=abc"><a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></figure>',
      '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=abc"><a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></figure>',
    ],
    [
      'drops an embed of an unknown provider',
      '<figure class="embed" data-embed="evil" data-url="https://x">x</figure>',
      '',
    ],
    [
      'drops an embed with a javascript: URL',
      '<figure class="embed" data-embed="x" data-url="javascript:alert(1)">x</figure>',
      '',
    ],
    [
      'drops other classes',
      '<figure class="hero"><figcaption>ت</figcaption></figure>',
      '<figure><figcaption>ت</figcaption></figure>',
    ],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeBodyHtml(input)).toBe(expected);
  });
});

describe('sanitizeBodyHtml limits', () => {
  it('keeps a list 32 elements deep', () => {
    expect(sanitizeBodyHtml('<ul><li>'.repeat(16) + 'نص')).toBe(
      '<ul><li>'.repeat(16) + 'نص' + '</li></ul>'.repeat(16),
    );
  });

  it('refuses a body 33 elements deep before building its tree', () => {
    expect(refusalOf('<ul><li>'.repeat(16) + '<b>نص</b>')).toEqual({
      code: 'BODY_HTML_TOO_DEEP',
      message: 'The article body is nested too deeply: at most 32 elements inside one another.',
    });
  });

  it('refuses markup that a tokenizer sees shallow but a browser nests deep', () => {
    // Each `</span>` is ignored by the browser (a <div> is open above it): 40 deep.
    expect(refusalOf('<span><div></span>'.repeat(20))?.code).toBe('BODY_HTML_TOO_DEEP');
  });

  it('refuses a body over 200,000 characters', () => {
    expect(refusalOf(`<p>${'ا'.repeat(199_994)}</p>`)).toEqual({
      code: 'BODY_HTML_TOO_LARGE',
      message: 'The article body is too long: at most 200000 characters of HTML.',
    });
    expect(sanitizeBodyHtml(`<p>${'ا'.repeat(199_993)}</p>`)).toHaveLength(200_000);
  });
});

describe('paragraphsToHtml', () => {
  it('wraps each paragraph and escapes markup-like text', () => {
    expect(paragraphsToHtml(['قال "أ" < ب', 'ثانية & ثالثة'])).toBe(
      '<p>قال "أ" &lt; ب</p>\n<p>ثانية &amp; ثالثة</p>',
    );
  });
});
