import { describe, expect, it } from 'vitest';
import { convertWordPressBody } from './convert-body.js';
import { unwrapFigureParagraphs } from './figure-paragraphs.js';
import { testContext } from '../../../../test/helpers/wordpress-body-context.js';

describe('unwrapFigureParagraphs', () => {
  it('takes the paragraph off figures written alone in it', () => {
    expect(
      unwrapFigureParagraphs(
        '<p> <figure><img src="a.jpg"></figure>\n<figure class="g"><figure><img src="b.jpg"></figure></figure> </p><p>نص</p>',
      ),
    ).toBe(
      ' <figure><img src="a.jpg"></figure>\n<figure class="g"><figure><img src="b.jpg"></figure></figure> <p>نص</p>',
    );
  });

  it('leaves a paragraph that holds text beside a figure, or an unclosed figure', () => {
    const html =
      '<p>نص <figure><img src="a.jpg"></figure></p><p><figure></figure>نص</p><p><figure>';
    expect(unwrapFigureParagraphs(html)).toBe(html);
  });

  it('reads a megabyte of unclosed figures in paragraphs once', () => {
    const html = '<p><figure>'.repeat(90_000) + '<p>' + '<figure></figure>'.repeat(50_000);
    expect(unwrapFigureParagraphs(html)).toBe(html);
  });

  it('unwraps a gallery shortcode written in a paragraph block', () => {
    const { context } = testContext({
      '4': { url: 'https://old.example/4.jpg', alt: 'أ', caption: '' },
    });
    expect(
      convertWordPressBody(
        '<!-- wp:paragraph -->\n<p>[gallery ids="4"]</p>\n<!-- /wp:paragraph -->',
        context,
      ),
    ).toBe('<figure><img src="https://old.example/4.jpg" alt="أ"></figure>');
  });
});
