import { describe, expect, it } from 'vitest';
import { normaliseSourceUrl } from './source-url.js';

describe('normaliseSourceUrl', () => {
  it.each([
    ['https://x.example/news/1256?utm_source=x', 'https://x.example/news/1256'],
    [
      'https://x.example/news/1256?utm_source=fb&utm_medium=social&UTM_Campaign=a#comments',
      'https://x.example/news/1256',
    ],
    ['https://x.example/news/1256?fbclid=IwAR0abc', 'https://x.example/news/1256'],
    ['https://x.example/news/1256?gclid=Cj0K&utm_term=%D8%B0', 'https://x.example/news/1256'],
    ['https://x.example/?p=123&utm_source=x', 'https://x.example/?p=123'],
    [
      'https://x.example/index.php?utm_source=x&id=77&cat=3',
      'https://x.example/index.php?id=77&cat=3',
    ],
    ['https://x.example/news/1256#top', 'https://x.example/news/1256'],
    ['https://x.example/news/1256?', 'https://x.example/news/1256'],
    ['https://x.example/أخبار/الذهب?utm_source=x', 'https://x.example/أخبار/الذهب'],
    ['https://SAHEL.EXAMPLE/news/1256', 'https://sahel.example/news/1256'],
    ['https://sahel.example:443/news/1256', 'https://sahel.example/news/1256'],
    ['http://sahel.example:80/news/1256', 'http://sahel.example/news/1256'],
    ['https://sahel.example:8443/news/1256', 'https://sahel.example:8443/news/1256'],
    ['https://sahel.example/news/1256/', 'https://sahel.example/news/1256'],
    ['https://sahel.example/news/1256/?p=2', 'https://sahel.example/news/1256?p=2'],
    ['https://sahel.example/', 'https://sahel.example/'],
    ['https://sahel.example', 'https://sahel.example/'],
    [
      'https://sahel.example/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%d8%a7%d9%84%d8%b0%d9%87%d8%a8',
      'https://sahel.example/أخبار/الذهب',
    ],
    ['https://sahel.example/a%20b/%2F', 'https://sahel.example/a%20b/%2F'],
    ['https://sahel.example/a?q=%D8%B0', 'https://sahel.example/a?q=ذ'],
    ['http://sahel.example/news/1256', 'http://sahel.example/news/1256'],
    ['not a url?utm_source=x#top', 'not a url'],
  ])('%s → %s', (url, normalised) => {
    expect(normaliseSourceUrl(url)).toBe(normalised);
  });

  it('keeps other parameters, in their order, whatever their names', () => {
    expect(normaliseSourceUrl('https://x.example/a?utm=1&source=2&p=%D8%B0&b=%2B')).toBe(
      'https://x.example/a?utm=1&source=2&p=ذ&b=%2B',
    );
    expect(normaliseSourceUrl('https://x.example/a')).toBe('https://x.example/a');
  });
});
