import { describe, expect, it } from 'vitest';
import { paragraphsToHtml, sanitizeBodyHtml } from './body-html.js';

describe('sanitizeBodyHtml', () => {
  it.each([
    ['drops scripts with their content', '<p>خبر</p><script>alert(1)</script>', '<p>خبر</p>'],
    ['drops event handlers', '<p onclick="x()">خبر</p>', '<p>خبر</p>'],
    [
      'drops javascript: links but keeps the text',
      '<a href="javascript:x()">رابط</a>',
      '<a>رابط</a>',
    ],
    [
      'keeps https links',
      '<a href="https://example.com/a">رابط</a>',
      '<a href="https://example.com/a">رابط</a>',
    ],
    ['keeps dir on paragraphs', '<p dir="auto">Reuters</p>', '<p dir="auto">Reuters</p>'],
    ['drops iframes', '<iframe src="https://x"></iframe><p>ب</p>', '<p>ب</p>'],
    ['drops inline styles', '<p style="color:red">ب</p>', '<p>ب</p>'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeBodyHtml(input)).toBe(expected);
  });
});

describe('paragraphsToHtml', () => {
  it('wraps each paragraph and escapes markup-like text', () => {
    expect(paragraphsToHtml(['قال "أ" < ب', 'ثانية & ثالثة'])).toBe(
      '<p>قال "أ" &lt; ب</p>\n<p>ثانية &amp; ثالثة</p>',
    );
  });
});
