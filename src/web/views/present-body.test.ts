import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/format.js';
import { presentBody } from './present-body.js';

const t = translator('ar');

describe('presentBody', () => {
  it('makes a body image without a loading attribute load lazily', () => {
    expect(
      presentBody('<p>نص</p><figure><img src="/media/3/w640.webp" alt="صورة"></figure>', t),
    ).toBe('<p>نص</p><figure><img loading="lazy" src="/media/3/w640.webp" alt="صورة"></figure>');
  });

  it('keeps the loading attribute an image already has', () => {
    const html = '<img src="/media/3/w640.webp" alt="" loading="lazy" decoding="async">';
    expect(presentBody(html, t)).toBe(html);
  });

  it('gives a reader saving data each image at its narrowest width alone', () => {
    const html =
      '<figure><img src="/media/3/w960.webp" alt="صورة" width="1600" height="900" srcset="/media/3/w320.webp 320w, /media/3/w640.webp 640w, /media/3/w960.webp 960w" sizes="(min-width: 42rem) 40rem, 100vw" loading="lazy" decoding="async"></figure>';
    expect(presentBody(html, t, true)).toBe(
      '<figure><img src="/media/3/w320.webp" alt="صورة" width="1600" height="900" loading="lazy" decoding="async"></figure>',
    );
    expect(presentBody(html, t)).toBe(html);
  });
});
