import { describe, expect, it } from 'vitest';
import { embedTarget } from './embed-target.js';

describe('embedTarget', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'http://youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=x',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    ],
    [
      'https://youtu.be/dQw4w9WgXcQ?si=abc',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://m.youtube.com/shorts/dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://twitter.com/AJArabic/status/1234567890?s=20',
      'x',
      'https://x.com/AJArabic/status/1234567890',
    ],
    ['https://mobile.x.com/user_1/status/99', 'x', 'https://x.com/user_1/status/99'],
    ['https://t.me/news_channel/5521', 'telegram', 'https://t.me/news_channel/5521'],
    ['https://t.me/s/news_channel/5521', 'telegram', 'https://t.me/news_channel/5521'],
    [
      'http://www.facebook.com/page/posts/123',
      'facebook',
      'https://www.facebook.com/page/posts/123',
    ],
  ])('%s is a %s post', (address, provider, url) => {
    expect(embedTarget(address)).toEqual({ provider, url });
  });

  it.each([
    'https://www.youtube.com/channel/UC123',
    'https://youtu.be/short',
    'https://x.com/user',
    'https://twitter.com/user/likes/1',
    'https://t.me/news_channel',
    'https://facebook.com/',
    'https://vimeo.com/1234',
    'javascript:alert(1)',
    'https://user:pass@youtube.com/watch?v=dQw4w9WgXcQ',
    'youtu.be/dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ extra',
  ])('%s is not', (address) => {
    expect(embedTarget(address)).toBeNull();
  });
});
