import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { keepTokens } from './keep-tokens.js';

const render = (text: string) => renderToString(<a>{keepTokens(text)}</a>);

describe('keepTokens', () => {
  it.each([
    [
      'إجراءات لمواجهة COVID-19 في المدارس',
      '<a>إجراءات لمواجهة <span class="nowrap">COVID-19</span> في المدارس</a>',
    ],
    [
      'طائرات F-16 و1,250 جندياً',
      '<a>طائرات <span class="nowrap">F-16</span> و<span class="nowrap">1,250</span> جندياً</a>',
    ],
    ['وزير خارجية U.S. يصل', '<a>وزير خارجية <span class="nowrap">U.S.</span> يصل</a>'],
    ['الساعة 14:30 بتوقيت دمشق', '<a>الساعة <span class="nowrap">14:30</span> بتوقيت دمشق</a>'],
  ])('keeps the joined Latin tokens of %s whole', (text, html) => {
    expect(render(text)).toBe(html);
  });

  it('leaves Arabic text, single Latin words and Arabic hyphenation as they are', () => {
    expect(render('وكالة Reuters: اتفاق أمريكي-تركي')).toBe(
      '<a>وكالة Reuters: اتفاق أمريكي-تركي</a>',
    );
  });

  it('gives no children for empty text', () => {
    expect(keepTokens('')).toEqual([]);
  });
});
