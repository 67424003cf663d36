import { describe, expect, it } from 'vitest';
import { mobiledocToHtml } from './mobiledoc-html.js';

function render(doc: unknown): { html: string | null; dropped: string[] } {
  const dropped: string[] = [];
  const html = mobiledocToHtml(doc, { dropCard: (name) => dropped.push(name) });
  return { html, dropped };
}

const base = { version: '0.3.1', atoms: [], cards: [], markups: [] };

describe('mobiledocToHtml', () => {
  it('renders markup sections, mapping headings into h2–h4 and aside into a blockquote', () => {
    const { html } = render({
      ...base,
      sections: [
        [1, 'h1', [[0, [], 0, 'عنوان أول']]],
        [1, 'h3', [[0, [], 0, 'عنوان ثالث']]],
        [1, 'h6', [[0, [], 0, 'عنوان سادس']]],
        [1, 'p', [[0, [], 0, 'فقرة < وعلامة & أخرى']]],
        [1, 'blockquote', [[0, [], 0, 'اقتباس']]],
        [1, 'aside', [[0, [], 0, 'اقتباس بارز']]],
        [1, 'p', []],
      ],
    });
    expect(html).toBe(
      [
        '<h2>عنوان أول</h2>',
        '<h3>عنوان ثالث</h3>',
        '<h4>عنوان سادس</h4>',
        '<p>فقرة &lt; وعلامة &amp; أخرى</p>',
        '<blockquote>اقتباس</blockquote>',
        '<blockquote>اقتباس بارز</blockquote>',
      ].join('\n'),
    );
  });

  it('opens and closes markups as the markers say, and renders a soft-return atom as <br>', () => {
    const { html } = render({
      ...base,
      atoms: [['soft-return', '', {}]],
      markups: [
        ['strong'],
        ['a', ['href', 'https://example.com/?a=1&b=2', 'rel', 'noopener']],
        ['em'],
        ['code'],
        ['s'],
        ['u'],
        ['sub'],
        ['sup'],
        ['b'],
        ['i'],
      ],
      sections: [
        [
          1,
          'p',
          [
            [0, [0], 0, 'قال '],
            [0, [1], 2, 'الوزير'],
            [1, [], 0, 0],
            [0, [2], 1, 'مائل'],
            [0, [3, 4, 5, 6, 7], 5, 'x'],
            [0, [8, 9], 2, 'قديم'],
          ],
        ],
      ],
    });
    expect(html).toBe(
      '<p><strong>قال <a href="https://example.com/?a=1&amp;b=2">الوزير</a></strong><br><em>مائل</em><code><s><u><sub><sup>x</sup></sub></u></s></code><strong><em>قديم</em></strong></p>',
    );
  });

  it('closes markups left open at the end of a section', () => {
    const { html } = render({
      ...base,
      markups: [['em']],
      sections: [[1, 'p', [[0, [0], 0, 'نص']]]],
    });
    expect(html).toBe('<p><em>نص</em></p>');
  });

  it('reads Mobiledoc 0.2 markers without a type', () => {
    const { html } = render({
      version: '0.2.0',
      markups: [['strong']],
      sections: [[1, 'p', [[[0], 1, 'قديم']]]],
    });
    expect(html).toBe('<p><strong>قديم</strong></p>');
  });

  it('renders list sections and legacy image sections', () => {
    const { html } = render({
      ...base,
      sections: [
        [3, 'ul', [[[0, [], 0, 'أول']], [[0, [], 0, 'ثان']]]],
        [3, 'ol', [[[0, [], 0, 'واحد']]]],
        [2, '__GHOST_URL__/content/images/a.jpg'],
      ],
    });
    expect(html).toBe(
      '<ul><li>أول</li><li>ثان</li></ul>\n<ol><li>واحد</li></ol>\n<figure><img src="__GHOST_URL__/content/images/a.jpg" alt=""></figure>',
    );
  });

  it('renders cards through the shared card renderer and counts the dropped ones', () => {
    const { html, dropped } = render({
      ...base,
      cards: [
        [
          'image',
          {
            src: '__GHOST_URL__/content/images/2021/01/gaza.jpg',
            alt: 'غزة',
            caption: 'صورة <b>أرشيفية</b>',
            width: 1200,
            height: 800,
          },
        ],
        ['hr', {}],
        ['paywall', {}],
        ['card-markdown', { cardName: 'card-markdown', markdown: '**مهم**' }],
        ['signup', {}],
      ],
      sections: [
        [10, 0],
        [10, 1],
        [10, 2],
        [10, 3],
        [10, 4],
        [10, 9],
      ],
    });
    expect(html).toBe(
      [
        '<figure><img src="__GHOST_URL__/content/images/2021/01/gaza.jpg" alt="غزة" width="1200" height="800"><figcaption>صورة <b>أرشيفية</b></figcaption></figure>',
        '<hr>',
        '<p><strong>مهم</strong></p>',
      ].join('\n'),
    );
    expect(dropped).toEqual(['paywall', 'signup', 'unknown']);
  });

  it('returns null for a document without sections', () => {
    expect(render({ version: '0.3.1' }).html).toBeNull();
    expect(render('نص').html).toBeNull();
    expect(render(null).html).toBeNull();
  });
});
