import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import type { MediaItem } from '../../../domain/media.js';
import { StoryImage } from './story-image.js';

const IMAGE: MediaItem = {
  id: '7',
  uploadedBy: '1',
  originalName: 'a.jpg',
  mime: 'image/jpeg',
  width: 1000,
  height: 500,
  bytes: 1,
  alt: 'وصف',
  caption: '',
  credit: '',
  widths: [320, 640, 960, 1000],
  originalFile: 'original.jpg',
  createdAt: new Date(0),
};

describe('StoryImage', () => {
  it('draws the featured image as a decorative thumbnail, lazily, with its size', () => {
    const html = renderToString(
      <StoryImage story={{ image: IMAGE, section: null }} size="thumb" fallbackText="مداد" />,
    );
    expect(html).toContain('class="story-image story-image--thumb"');
    expect(html).toContain(' alt loading'); // an empty alt, as Preact writes it
    expect(html).toContain('sizes="7.5rem"');
    expect(html).toContain('width="1000" height="500"');
    expect(html).toContain('loading="lazy"');
  });

  it("stands in with the section's name when the story has no image, hidden from screen readers", () => {
    const html = renderToString(
      <StoryImage
        story={{ image: null, section: { id: '1', slug: 'sport', name: 'رياضة' } }}
        size="card"
        fallbackText="مداد"
      />,
    );
    expect(html).toBe(
      '<div class="story-image story-image--card story-image--none" aria-hidden="true">' +
        '<span class="story-image__stand-in">رياضة</span></div>',
    );
  });

  it('stands in with the fallback text when the story has neither image nor section', () => {
    const html = renderToString(
      <StoryImage story={{ image: null, section: null }} size="lead" fallbackText="مداد" />,
    );
    expect(html).toContain('<span class="story-image__stand-in">مداد</span>');
    expect(html).not.toContain('<img');
  });
});
