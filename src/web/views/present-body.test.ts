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
});
