import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './normalize.js';
import { lightStem, stemCandidates } from './stem.js';

const stem = (word: string) => lightStem(normalizeForSearch(word));

describe('lightStem', () => {
  it.each([
    ['the article', 'الأسد', 'اسد'],
    ['و + the article', 'والأسد', 'اسد'],
    ['ب + the article', 'بالأسد', 'اسد'],
    ['ل + the article, contracted', 'للمدرسة', 'مدرس'],
    ['ف + the article', 'فالأمر', 'امر'],
    ['ك + the article', 'كالعادة', 'عاد'],
    ['a particle before a long word', 'وسوريا', 'سوريا'],
    ['a feminine plural', 'المفاوضات', 'مفاوض'],
    ['a masculine plural, then the nisba', 'السوريين', 'سور'],
    ['a dual', 'الجانبان', 'جانب'],
    ['a possessive suffix', 'مدينتها', 'مدينت'],
    ['a nisba adjective', 'السورية', 'سور'],
    ['a taa marbuta as ه', 'المحافظة', 'محافظ'],
  ])('strips %s: %s → %s', (_kind, word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['a three-letter root starting with ب', 'بلد', 'بلد'],
    ['a three-letter root starting with ك', 'كتب', 'كتب'],
    ['a short word after و', 'ولد', 'ولد'],
    ['a two-letter word after the article', 'الحق', 'حق'],
    ['a word that is only the article plus one letter', 'الي', 'الي'],
    ['Latin words', 'iphone', 'iphone'],
    ['numbers', '2020', '2020'],
  ])('never cuts too far: %s (%s → %s)', (_kind, word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('gives spelling variants of the same word the same stem', () => {
    const variants = ['الأسد', 'الاسد', 'الأسَد', 'والأسد', 'بالأسد', 'الأســد', 'الﺃسد'];
    expect(new Set(variants.map(stem))).toEqual(new Set(['اسد']));
  });
});

describe('stemCandidates', () => {
  it.each([
    ['بلادها', ['بلاد', 'لادها']],
    ['بمدينة', ['بمدين', 'مدين']],
    ['والأسد', ['اسد']],
    ['وزير', ['وزير', 'زير']],
    ['وزارة', ['وزار', 'زاره']],
    ['وأيّ', ['واي', 'اي']],
    ['فهو', ['فهو']],
    ['بسيارته', ['بسيارت', 'سيارت']],
  ])('reads %s as %j', (word, expected) => {
    expect(stemCandidates(normalizeForSearch(word))).toEqual(expected);
  });

  it.each([
    ['فاسدة', 'الأسد'],
    ['فيلم', 'يلمّ'],
  ])('never gives %s a stem of %s', (word, other) => {
    const stems = new Set(stemCandidates(normalizeForSearch(other)));
    expect(stemCandidates(normalizeForSearch(word)).filter((s) => stems.has(s))).toEqual([]);
  });
});
