import { describe, expect, it } from 'vitest';
import type { ArticleId } from './article-id.js';
import { formatFooterMenu, parseFooterMenu } from './footer-menu.js';

describe('the footer menu setting', () => {
  it('reads the ids in order, skipping what is not an id and repeats', () => {
    expect(parseFooterMenu('12, 7,12,x,0,,30')).toEqual(['12', '7', '30']);
  });

  it('reads nothing from an absent setting', () => {
    expect(parseFooterMenu(null)).toEqual([]);
  });

  it('writes ids comma-separated, and no setting for none', () => {
    expect(formatFooterMenu(['12', '7'] as ArticleId[])).toBe('12,7');
    expect(formatFooterMenu([])).toBeNull();
  });
});
