import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { FontSizeControl } from './font-size-control.js';

describe('FontSizeControl', () => {
  it('draws two icon buttons whose names are text (no aria-label that would differ from it)', () => {
    const html = renderToString(<FontSizeControl ctx={testPageContext()} />);
    expect(html).toContain('aria-labelledby="font-size-label" data-font-size-control="true">');
    expect(html).toContain('<span id="font-size-label" class="visually-hidden">حجم الخط:</span>');
    expect(
      [...html.matchAll(/data-font-step="(-?1)">.*?<span class="visually-hidden">([^<]+)</g)].map(
        (m) => [m[1], m[2]],
      ),
    ).toEqual([
      ['1', 'تكبير الخط'],
      ['-1', 'تصغير الخط'],
    ]);
    expect(html).not.toContain('aria-label=');
    expect(html.match(/aria-hidden="true" focusable="false"/g)).toHaveLength(2);
  });
});
