import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['keeps Arabic letters and hamza forms', 'وقف إطلاق النار في إدلب!', 'وقف-إطلاق-النار-في-إدلب'],
    ['drops tashkeel and tatweel', 'غداً الأخـــبار', 'غدا-الأخبار'],
    ['folds presentation forms', 'نظام \uFEF7سد', 'نظام-لأسد'],
    ['lower-cases Latin and makes digits Latin', 'Reuters (UK) ٢٠٢٠', 'reuters-uk-2020'],
    ['drops Arabic punctuation', '«سوريا»، اليوم؟', 'سوريا-اليوم'],
    ['gives an empty slug for punctuation only', '!!! ...', ''],
  ])('%s', (_name, input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('cuts long text at a word boundary', () => {
    const slug = slugify('كلمة '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('كلمة')).toBe(true);
  });
});

describe('slugify of one word longer than a slug', () => {
  it.each([
    // 1 + 41 × 2 = 83 UTF-16 units: the cut falls between two surrogate pairs, not inside one.
    ['an astral letter at the limit', `x${'𝐀'.repeat(41)}`, `x${'𝐀'.repeat(39)}`],
    ['Arabic letters only', 'ب'.repeat(90), 'ب'.repeat(80)],
  ])('%s', (_name, input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});
