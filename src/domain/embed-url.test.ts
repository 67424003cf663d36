import { describe, expect, it } from 'vitest';
import { parseEmbedUrl } from './embed-url.js';

describe('parseEmbedUrl', () => {
  it.each([
    [
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    ],
    [
      'https://youtu.be/dQw4w9WgXcQ?si=Xy12',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'http://youtu.be/dQw4w9WgXcQ?t=1m30s',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s',
    ],
    [
      'https://x.com/Reuters/status/1768123456789012345',
      'x',
      'https://x.com/Reuters/status/1768123456789012345',
    ],
    [
      'https://twitter.com/AJArabic/status/1768123456789012345?s=20',
      'x',
      'https://x.com/AJArabic/status/1768123456789012345',
    ],
    [
      'https://mobile.twitter.com/AJArabic/status/1768123456789012345/photo/1',
      'x',
      'https://x.com/AJArabic/status/1768123456789012345',
    ],
    ['https://t.me/anapress/1234', 'telegram', 'https://t.me/anapress/1234'],
    ['t.me/s/anapress/1234?single', 'telegram', 'https://t.me/anapress/1234'],
    ['https://telegram.me/anapress/1234', 'telegram', 'https://t.me/anapress/1234'],
  ])('recognises %s', (input, provider, url) => {
    expect(parseEmbedUrl(input)).toEqual({ provider, url });
  });

  it.each([
    'https://vimeo.com/76979871',
    'https://www.youtube.com/channel/UC123',
    'https://www.youtube.com/watch?v=short',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://x.com/Reuters',
    'https://x.com/Reuters/status/abc',
    'https://t.me/c/1234567/89',
    'https://t.me/anapress',
    'https://user:pass@youtu.be/dQw4w9WgXcQ',
    'javascript:alert(1)',
    'قناة على تلغرام',
    '',
  ])('refuses %s', (input) => {
    expect(parseEmbedUrl(input)).toBeNull();
  });
});
