import { describe, expect, it } from 'vitest';
import { BodyHtmlRefused, paragraphsToHtml, sanitizeBodyHtml } from './body-html.js';

/** The refusal `sanitizeBodyHtml(html)` throws, as code and message. */
function refusalOf(html: string): { code: string; message: string } | null {
  try {
    sanitizeBodyHtml(html);
    return null;
  } catch (error) {
    if (!(error instanceof BodyHtmlRefused)) throw error;
    return { code: error.code, message: error.message };
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
      'drops an image on another site whole',
      '<p>أ<img src="https://tracker.example/p.gif" alt="">ب</p>',
      '<p>أب</p>',
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
    ['drops data: images', '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', ''],
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
      '<figure class="hero"><img src="/media/1/w640.webp" alt=""><figcaption>ت</figcaption></figure>',
      '<figure><img src="/media/1/w640.webp" alt="" /><figcaption>ت</figcaption></figure>',
    ],
    [
      'drops an image without src, and one whose onerror was its only content',
      '<p>نص</p><img alt="بلا مصدر"><img src="x:" onerror="alert(1)">',
      '<p>نص</p>',
    ],
    ['drops an image with an empty src', '<img src=" " alt="ص">', ''],
    [
      'drops a figure whose image came from another site, caption included',
      '<p>أ</p><figure><img src="https://cdn.agency.example/bridge.jpg" alt="جسر"><figcaption>الجسر</figcaption></figure><p>ب</p>',
      '<p>أ</p><p>ب</p>',
    ],
    ['drops a figure left with only a caption', '<figure><figcaption>ت</figcaption></figure>', ''],
    [
      'keeps a figure whose image is inside a link',
      '<figure><a href="https://example.com/"><img src="/media/2/w640.webp" alt="ص"></a><figcaption>ت</figcaption></figure>',
      '<figure><a href="https://example.com/"><img src="/media/2/w640.webp" alt="ص" /></a><figcaption>ت</figcaption></figure>',
    ],
    [
      'drops a figure whose image was hidden in a picture of another site',
      '<figure><picture><source srcset="https://t.example/a.webp"><img src="//t.example/a.jpg" alt=""></picture></figure>',
      '',
    ],
    [
      'drops an image whose scheme hides behind an HTML comment',
      '<figure><img src="ja<!-- -->vascript:alert(1)" alt=""><figcaption>ت</figcaption></figure>',
      '',
    ],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeBodyHtml(input)).toBe(expected);
  });
});

/**
 * Link payloads that hide a scheme behind or inside whitespace, controls
 * and entities, most from the OWASP XSS Filter Evasion Cheat Sheet; written
 * with escapes so that every invisible character shows. Each must lose its
 * address and keep its text.
 */
const HIDDEN_SCHEMES: Array<[string, string]> = [
  ['plain', 'javascript:alert(1)'],
  ['mixed case', 'JaVaScRiPt:alert(1)'],
  ['a line separator before it (U+2028)', '\u2028javascript:alert(1)'],
  ['a paragraph separator before it (U+2029)', '\u2029javascript:alert(1)'],
  ['a no-break space before it', '\u00a0javascript:alert(1)'],
  ['a zero-width space before it', '\u200bjavascript:alert(1)'],
  ['a zero-width space inside it', 'java\u200bscript:alert(1)'],
  ['a zero-width joiner inside it', 'java\u200dscript:alert(1)'],
  ['a byte-order mark before it', '\ufeffjavascript:alert(1)'],
  ['an ideographic space before it', '\u3000javascript:alert(1)'],
  ['a soft hyphen inside it', 'java\u00adscript:alert(1)'],
  ['a tab inside it', 'jav\tascript:alert(1)'],
  ['an encoded tab inside it', 'jav&#x09;ascript:alert(1)'],
  ['an encoded newline inside it', 'java&#x0A;script:alert(1)'],
  ['an encoded carriage return inside it', 'jav&#x0D;ascript:alert(1)'],
  ['spaces and an encoded U+000E before it', ' &#14;  javascript:alert(1)'],
  ['a control character (U+0001) before it', '\u0001javascript:alert(1)'],
  ['a next-line control (U+0085) inside it', 'java\u0085script:alert(1)'],
  ['an escape (U+001B) inside it', 'java\u001bscript:alert(1)'],
  ['an encoded colon', 'javascript&colon;alert(1)'],
  [
    'decimal entities',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;',
  ],
  [
    'long decimal entities without semicolons',
    '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
  ],
  [
    'hex entities without semicolons',
    '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29',
  ],
  ['vbscript behind a line separator', '\u2028vbscript:msgbox(1)'],
  [
    'data behind a paragraph separator',
    '\u2029data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ],
  ['data with a zero-width space inside', 'da\u200bta:text/html,<script>alert(1)</script>'],
  ['livescript', 'livescript:alert(1)'],
];

describe('sanitizeBodyHtml and hidden link schemes', () => {
  it.each(HIDDEN_SCHEMES)('drops a javascript-like href with %s', (_name, href) => {
    expect(sanitizeBodyHtml(`<a href="${href}">رابط</a>`)).toBe('<a>رابط</a>');
  });

  it.each(HIDDEN_SCHEMES)('drops an image whose src has %s', (_name, src) => {
    expect(sanitizeBodyHtml(`<p>أ<img src="${src}" alt="صورة"></p>`)).toBe('<p>أ</p>');
  });

  it.each([
    [
      'a line separator before an https link',
      '\u2028https://example.com/a',
      'https://example.com/a',
    ],
    [
      'spaces and a no-break space around a site path',
      ' \u00a0/a/258871304963183 ',
      '/a/258871304963183',
    ],
    ['a mailto link', 'mailto:desk@news.example', 'mailto:desk@news.example'],
  ])('keeps %s, trimmed', (_name, href, kept) => {
    expect(sanitizeBodyHtml(`<a href="${href}">رابط</a>`)).toBe(`<a href="${kept}">رابط</a>`);
  });

  it('drops a protocol-relative link hidden behind a line separator', () => {
    expect(sanitizeBodyHtml('<a href="\u2028//evil.example/">رابط</a>')).toBe('<a>رابط</a>');
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
