import { describe, expect, it } from 'vitest';
import { blockDelimiters, isBlockContent } from './block-delimiters.js';
import { convertBlocks } from './blocks.js';

describe('block delimiters', () => {
  it('reads opening, closing and void delimiters with their attributes', () => {
    const html =
      '<!-- wp:heading {"level":3} --><h3>ع</h3><!-- /wp:heading --><!-- wp:jetpack/slideshow {"ids":[1,2]} /--><!-- not a block --><!-- wp:Bad -->';
    expect(
      blockDelimiters(html).map(({ kind, name, attributes }) => ({ kind, name, attributes })),
    ).toEqual([
      { kind: 'open', name: 'heading', attributes: { level: 3 } },
      { kind: 'close', name: 'heading', attributes: {} },
      { kind: 'void', name: 'jetpack/slideshow', attributes: { ids: [1, 2] } },
    ]);
  });

  it('tells a block-editor post by its delimiters', () => {
    expect(isBlockContent('<!-- wp:paragraph --><p>أ</p><!-- /wp:paragraph -->')).toBe(true);
    expect(isBlockContent('نص\n\n<!--more-->\nنص')).toBe(false);
  });
});

describe('convertBlocks', () => {
  it('removes delimiters and the line breaks after them, keeping inner HTML', () => {
    expect(
      convertBlocks(
        '<!-- wp:paragraph -->\n<p>أ</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->',
      ),
    ).toBe('<p>أ</p>\n<hr class="wp-block-separator"/>\n');
  });

  it('paragraphs the text of a shortcode block', () => {
    expect(convertBlocks('<!-- wp:shortcode -->\nسطر\nوسطر\n<!-- /wp:shortcode -->')).toBe(
      '<p>سطر<br>وسطر</p>\n',
    );
  });

  it('makes an embed block with its address only in the inner HTML, or a void one, an embed', () => {
    expect(
      convertBlocks(
        '<!-- wp:core-embed/youtube -->\n<figure><div>\nhttps://youtu.be/dQw4w9WgXcQ\n</div></figure>\n<!-- /wp:core-embed/youtube -->' +
          '<!-- wp:embed {"url":"https://t.me/news_channel/5"} /-->',
      ),
    ).toBe(
      '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>\n' +
        '<figure class="embed" data-embed="telegram" data-url="https://t.me/news_channel/5"><a href="https://t.me/news_channel/5">https://t.me/news_channel/5</a></figure>\n',
    );
  });

  it('makes an embed of another provider a link, its caption a paragraph', () => {
    expect(
      convertBlocks(
        '<!-- wp:embed {"url":"https://www.instagram.com/p/abc/","providerNameSlug":"instagram"} -->\n<figure><div>https://www.instagram.com/p/abc/</div><figcaption>صورة <em>اليوم</em></figcaption></figure>\n<!-- /wp:embed -->',
      ),
    ).toBe(
      '<p><a href="https://www.instagram.com/p/abc/">https://www.instagram.com/p/abc/</a></p>\n<p>صورة <em>اليوم</em></p>\n',
    );
  });
});
