import { describe, expect, it } from 'vitest';
import { embedFigure } from './embed-figure.js';

describe('embedFigure', () => {
  it.each([
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    [
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    ['https://x.com/midad/status/17', 'x', 'https://x.com/midad/status/17'],
    ['https://t.me/midad_news/42', 'telegram', 'https://t.me/midad_news/42'],
    ['https://t.me/s/midad_news/42', 'telegram', 'https://t.me/midad_news/42'],
  ])('makes an embed figure of %s', (address, provider, url) => {
    expect(embedFigure(address)).toBe(
      `<figure class="embed" data-embed="${provider}" data-url="${url}"><a href="${url}">${url}</a></figure>`,
    );
  });

  it.each([
    'https://vimeo.com/1',
    'javascript:alert(1)',
    'https://youtu.be/short',
    'not a url',
    'https://x.com/midad',
  ])('makes none of %s', (address) => {
    expect(embedFigure(address)).toBeNull();
  });
});
