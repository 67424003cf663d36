import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ResponsiveImage } from './responsive-image.js';

const MAP = {
  id: '42',
  width: 2400,
  height: 1350,
  widths: [320, 640, 960, 1280, 1600],
  alt: 'خريطة "إدلب" وريفها',
};

describe('ResponsiveImage', () => {
  it('renders every variant in srcset, the original size and the alt text, lazily', () => {
    expect(renderToString(<ResponsiveImage media={MAP} />)).toBe(
      '<img src="/media/42/w960.webp"' +
        ' srcset="/media/42/w320.webp 320w, /media/42/w640.webp 640w, /media/42/w960.webp 960w, /media/42/w1280.webp 1280w, /media/42/w1600.webp 1600w"' +
        ' sizes="(min-width: 42rem) 40rem, 100vw" width="2400" height="1350"' +
        ' alt="خريطة &quot;إدلب&quot; وريفها" loading="lazy" decoding="async"/>',
    );
  });

  it('loads the lead image eagerly with high priority, at the sizes given', () => {
    const html = renderToString(
      <ResponsiveImage
        media={{ ...MAP, widths: [300], width: 300, height: 200 }}
        priority="high"
        sizes="100vw"
      />,
    );
    expect(html).toBe(
      '<img src="/media/42/w300.webp" srcset="/media/42/w300.webp 300w" sizes="100vw"' +
        ' width="300" height="200" alt="خريطة &quot;إدلب&quot; وريفها" loading="eager"' +
        ' fetchpriority="high" decoding="async"/>',
    );
  });

  it('lets a decorative use override the alt text', () => {
    expect(renderToString(<ResponsiveImage media={MAP} alt="" priority="eager" />)).toContain(
      ' alt loading="eager" decoding="async"',
    );
  });
});
