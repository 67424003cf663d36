import { describe, expect, it } from 'vitest';
import { textDirection } from './text-direction.js';

describe('textDirection', () => {
  it.each([
    ['Apple تطلق iPhone 15 في 12 مارس', 'rtl'],
    ['توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب', 'rtl'],
    ['Idlib ceasefire: what we know', 'ltr'],
    ['BBC عربي', 'rtl'],
    ['2025', 'auto'],
  ] as const)('%s reads %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });
});
