import { describe, expect, it } from 'vitest';
import { imageSrc, linkHref, storedHref } from './safe-url.js';

describe('linkHref (addresses typed into the link dialog)', () => {
  it.each([
    ['https://www.apple.com/newsroom/', 'https://www.apple.com/newsroom/'],
    ['  http://example.com  ', 'http://example.com/'],
    ['mailto:news@example.com', 'mailto:news@example.com'],
    ['news@example.com', 'mailto:news@example.com'],
    ['example.com/خبر', 'https://example.com/%D8%AE%D8%A8%D8%B1'],
    ['https://مثال.إختبار/', 'https://xn--mgbh0fb.xn--kgbechtv/'],
  ])('accepts %s as %s', (input, href) => {
    expect(linkHref(input)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/file',
    'file:///etc/passwd',
    '/a/258871304963183',
    '//evil.example',
    'http://',
    'خبر عاجل',
    '',
  ])('refuses %s', (input) => {
    expect(linkHref(input)).toBeNull();
  });
});

describe('storedHref and imageSrc (addresses already in HTML)', () => {
  it('keeps http(s), mailto and root-relative links as written', () => {
    expect(storedHref('https://example.com/a?b=1&c=2')).toBe('https://example.com/a?b=1&c=2');
    expect(storedHref('/a/258871304963183')).toBe('/a/258871304963183');
    expect(storedHref('mailto:news@example.com')).toBe('mailto:news@example.com');
  });

  it('drops script, protocol-relative, fragment and file links', () => {
    for (const href of [
      'javascript:alert(1)',
      '//evil.example/x',
      '#_ftn1',
      'file:///C:/x.doc',
      null,
    ]) {
      expect(storedHref(href)).toBeNull();
    }
  });

  it('keeps media-library and http(s) images, drops file: and data: ones from Word', () => {
    expect(imageSrc('/media/1/800.webp')).toBe('/media/1/800.webp');
    expect(imageSrc('https://cdn.example.com/a.jpg')).toBe('https://cdn.example.com/a.jpg');
    expect(imageSrc('file:///C:/Users/x/image001.png')).toBeNull();
    expect(imageSrc('data:image/png;base64,AAAA')).toBeNull();
  });
});
