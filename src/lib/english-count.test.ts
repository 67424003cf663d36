import { describe, expect, it } from 'vitest';
import { englishCount } from './english-count.js';

describe('englishCount', () => {
  it.each([
    [0, 'line', '0 lines'],
    [1, 'line', '1 line'],
    [2, 'line', '2 lines'],
    [1250, 'post', '1,250 posts'],
  ])('says %d %s as %j', (n, noun, expected) => {
    expect(englishCount(n, noun)).toBe(expected);
  });

  it('takes an irregular plural', () => {
    expect(englishCount(3, 'copy', 'copies')).toBe('3 copies');
  });
});
