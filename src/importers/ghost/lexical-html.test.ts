import { describe, expect, it } from 'vitest';
import { lexicalToHtml } from './lexical-html.js';

function render(children: unknown[]): { html: string | null; dropped: string[] } {
  const dropped: string[] = [];
  const html = lexicalToHtml(
    { root: { type: 'root', children } },
    { dropCard: (n) => dropped.push(n) },
  );
  return { html, dropped };
}

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
});
const paragraph = (...children: unknown[]) => ({
  type: 'paragraph',
  children,
  direction: 'rtl',
  format: '',
  indent: 0,
  version: 1,
});

describe('lexicalToHtml', () => {
  it('renders paragraphs, headings within h2–h4, quotes and asides', () => {
    const { html } = render([
      { type: 'heading', tag: 'h1', children: [text('عنوان')] },
      { type: 'extended-heading', tag: 'h3', children: [text('فرعي')] },
      { type: 'heading', tag: 'h5', children: [text('صغير')] },
      paragraph(text('فقرة & نص')),
      paragraph(),
      { type: 'quote', children: [text('اقتباس')] },
      { type: 'aside', children: [text('بارز')] },
    ]);
    expect(html).toBe(
      '<h2>عنوان</h2>\n<h3>فرعي</h3>\n<h4>صغير</h4>\n<p>فقرة &amp; نص</p>\n<blockquote>اقتباس</blockquote>\n<blockquote>بارز</blockquote>',
    );
  });

  it.each([
    [1, '<strong>ن</strong>'],
    [2, '<em>ن</em>'],
    [4, '<s>ن</s>'],
    [8, '<u>ن</u>'],
    [16, '<code>ن</code>'],
    [32, '<sub>ن</sub>'],
    [64, '<sup>ن</sup>'],
    [3, '<strong><em>ن</em></strong>'],
    [128, 'ن'],
    [1 + 8 + 64, '<strong><u><sup>ن</sup></u></strong>'],
  ])('renders text format %i as %s', (format, expected) => {
    expect(render([paragraph(text('ن', format))]).html).toBe(`<p>${expected}</p>`);
  });

  it('renders links, line breaks and lists with nested lists', () => {
    const { html } = render([
      paragraph(
        text('اقرأ '),
        { type: 'link', url: 'https://example.com/a?x=1&y=2', children: [text('التقرير', 1)] },
        { type: 'linebreak' },
        { type: 'extended-text', text: 'سطر' },
      ),
      {
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        children: [
          { type: 'listitem', value: 1, children: [text('أ')] },
          {
            type: 'listitem',
            value: 2,
            children: [
              {
                type: 'list',
                listType: 'number',
                tag: 'ol',
                children: [{ type: 'listitem', children: [text('ب')] }],
              },
            ],
          },
        ],
      },
    ]);
    expect(html).toBe(
      '<p>اقرأ <a href="https://example.com/a?x=1&amp;y=2"><strong>التقرير</strong></a><br>سطر</p>\n<ul><li>أ</li><li><ol><li>ب</li></ol></li></ul>',
    );
  });

  it('renders cards and drops the ones an article has no place for', () => {
    const { html, dropped } = render([
      { type: 'codeblock', code: 'if (a < b) {}', language: 'js', caption: '' },
      { type: 'horizontalrule' },
      {
        type: 'embed',
        url: 'https://twitter.com/midad/status/1234567890',
        html: '<blockquote class="twitter-tweet"></blockquote>',
        embedType: 'twitter',
        metadata: {},
      },
      { type: 'product', productTitle: 'اشتراك' },
      { type: 'email-cta', html: '<p>للمشتركين</p>' },
      { type: 'email', html: '<p>بريد</p>' },
    ]);
    expect(html).toBe(
      [
        '<pre><code class="language-js">if (a &lt; b) {}</code></pre>',
        '<hr>',
        '<figure class="embed" data-embed="x" data-url="https://x.com/midad/status/1234567890"><a href="https://x.com/midad/status/1234567890">https://x.com/midad/status/1234567890</a></figure>',
      ].join('\n'),
    );
    expect(dropped).toEqual(['product', 'email-cta', 'email']);
  });

  it('returns null for a document without root children', () => {
    expect(lexicalToHtml({ root: {} }, { dropCard: () => {} })).toBeNull();
    expect(lexicalToHtml([], { dropCard: () => {} })).toBeNull();
  });
});
