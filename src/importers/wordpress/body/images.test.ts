import { describe, expect, it } from 'vitest';
import { tidyImages } from './images.js';
import { testContext } from '../../../../test/helpers/wordpress-body-context.js';

const { context } = testContext({
  '123': { url: 'https://old.example/uploads/souq.jpg', alt: 'سوق "الحميدية"', caption: '' },
});

describe('tidyImages', () => {
  it('keeps src, alt, width and height, and drops the rest', () => {
    expect(
      tidyImages(
        '<p><img class="aligncenter size-full" style="border:0" src="https://old.example/a.jpg" alt=\'قلعة "حلب"\' width="800" height="600" srcset="a-300.jpg 300w" sizes="100vw" loading="lazy" /></p>',
        context,
      ),
    ).toBe(
      '<p><img src="https://old.example/a.jpg" alt="قلعة &quot;حلب&quot;" width="800" height="600"></p>',
    );
  });

  it("takes a media-library image's missing alt (and address) from its attachment", () => {
    expect(
      tidyImages(
        '<img class="wp-image-123" src="https://old.example/s.jpg" alt=""><img class="wp-image-123">',
        context,
      ),
    ).toBe(
      '<img src="https://old.example/s.jpg" alt="سوق &quot;الحميدية&quot;"><img src="https://old.example/uploads/souq.jpg" alt="سوق &quot;الحميدية&quot;">',
    );
  });

  it('keeps an alt written in the post, and an unknown attachment changes nothing', () => {
    expect(
      tidyImages(
        '<img class="wp-image-123" src="a.jpg" alt="كما كُتب"><img class="wp-image-9" src="b.jpg">',
        context,
      ),
    ).toBe('<img src="a.jpg" alt="كما كُتب"><img src="b.jpg" alt="">');
  });

  it("takes a lazy-loaded image's real address", () => {
    expect(
      tidyImages(
        '<img src="data:image/gif;base64,R0lGOD" data-lazy-src="https://old.example/real.jpg" alt="أ">',
        context,
      ),
    ).toBe('<img src="https://old.example/real.jpg" alt="أ">');
  });
});
