import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import type { MediaItem } from '../../../domain/media.js';
import { AuthorPhoto, initialOf } from './author-photo.js';

const PHOTO: MediaItem = {
  id: '42',
  uploadedBy: '1',
  originalName: 'layla.jpg',
  mime: 'image/jpeg',
  width: 800,
  height: 1000,
  bytes: 1,
  alt: 'صورة ليلى حسن',
  caption: '',
  credit: '',
  widths: [320, 640, 800],
  originalFile: 'original.jpg',
  createdAt: new Date(0),
};

describe('initialOf', () => {
  it.each([
    ['ليلى حسن', 'ل'],
    ['  أحمد', 'أ'],
    ['عَليّ الأحمد', 'عَ'],
    ['«إيمان»', 'إ'],
    ['ـــمحمد', 'م'],
    ['layla hasan', 'L'],
    ['ñandú', 'Ñ'],
    ['e\u0301mile', 'E\u0301'],
    ['𝒜lice', '𝒜'],
    ['2030 رؤية', '2'],
    ['', ''],
    ['...', ''],
  ])('gives the first letter of %j as %j', (name, letter) => {
    expect(initialOf(name)).toBe(letter);
  });
});

describe('AuthorPhoto', () => {
  it('draws the photo as a small decorative circle of fixed size, lazily', () => {
    const html = renderToString(<AuthorPhoto name="ليلى حسن" photo={PHOTO} size="small" />);
    expect(html).toBe(
      '<span class="author-photo author-photo--small"><img src="/media/42/w800.webp"' +
        ' srcset="/media/42/w320.webp 320w, /media/42/w640.webp 640w, /media/42/w800.webp 800w"' +
        ' sizes="48px" width="48" height="48" alt loading="lazy" decoding="async"/></span>',
    );
  });

  it('draws a large photo at 128 px, eagerly when asked', () => {
    const html = renderToString(
      <AuthorPhoto name="ليلى حسن" photo={PHOTO} size="large" priority="eager" />,
    );
    expect(html).toContain('class="author-photo author-photo--large"');
    expect(html).toContain('sizes="128px" width="128" height="128"');
    expect(html).toContain('loading="eager"');
  });

  it('labels the photo with the name when the name is not printed beside it', () => {
    const html = renderToString(
      <AuthorPhoto name="ليلى حسن" photo={PHOTO} size="small" nameShown={false} />,
    );
    expect(html).toContain('alt="ليلى حسن"');
  });

  it("stands in with the name's first letter, hidden from screen readers, without a photo", () => {
    const html = renderToString(<AuthorPhoto name="عَليّ الأحمد" photo={null} size="large" />);
    expect(html).toBe(
      '<span class="author-photo author-photo--large author-photo--none" aria-hidden="true">عَ</span>',
    );
  });

  it('labels the stand-in with the name when the name is not printed beside it', () => {
    const html = renderToString(
      <AuthorPhoto name="ليلى حسن" photo={null} size="small" nameShown={false} />,
    );
    expect(html).toBe(
      '<span class="author-photo author-photo--small author-photo--none" role="img" aria-label="ليلى حسن">' +
        '<span aria-hidden="true">ل</span></span>',
    );
  });
});
