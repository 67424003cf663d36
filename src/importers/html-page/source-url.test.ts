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
  ])('%s → %s', (url, normalised) => {
    expect(normaliseSourceUrl(url)).toBe(normalised);
  });

  it('keeps other parameters as written, in their order, whatever their names', () => {
    expect(normaliseSourceUrl('https://x.example/a?utm=1&source=2&p=%D8%B0')).toBe(
      'https://x.example/a?utm=1&source=2&p=%D8%B0',
    );
    expect(normaliseSourceUrl('https://x.example/a')).toBe('https://x.example/a');
  });
});
