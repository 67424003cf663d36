import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, readingTimeLabel } from './reading-time.js';

describe('countWords', () => {
  it.each([
    ['empty text has no words', '', 0],
    ['whitespace only has no words', ' \n\t ', 0],
    ['lone punctuation is not a word', 'إدلب .. بين : جبهتين', 3],
    ['a number is a word', 'مقتل 3 مدنيين و٥ جنود', 5],
    ['a word with attached punctuation is a word', '«الأسد»، لماذا؟', 2],
    ['Latin words count too', 'BBC عربي', 2],
    ['a word with tashkeel is one word', 'نظامُ الأسدِ', 2],
  ])('%s', (_name, text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});

describe('readingMinutes', () => {
  it.each([
    ['no words take no minutes', 0, 0],
    ['one word takes one minute', 1, 1],
    ['137 words still take one minute', 137, 1],
    ['275 words take one minute', 275, 1],
    ['413 words round up to two minutes', 413, 2],
    ['1100 words take four minutes', 1100, 4],
  ])('%s', (_name, words, expected) => {
    expect(readingMinutes(words)).toBe(expected);
  });

  it('uses the given reading speed', () => {
    expect(readingMinutes(600, 200)).toBe(3);
  });

  it.each([
    ['a negative word count', -1, 275],
    ['a fractional word count', 1.5, 275],
    ['a zero reading speed', 100, 0],
  ])('throws a RangeError for %s', (_name, words, speed) => {
    expect(() => readingMinutes(words, speed)).toThrow(RangeError);
  });
});

describe('readingTimeLabel', () => {
  it.each([
    [0, 'latn', 'أقل من دقيقة'],
    [275, 'latn', 'دقيقة واحدة'],
    [550, 'latn', 'دقيقتان'],
    [1100, 'latn', '4 دقائق'],
    [1100, 'arab', '٤ دقائق'],
    [3300, 'latn', '12 دقيقة'],
  ] as const)('labels %d words in %s digits as %s', (words, numerals, expected) => {
    expect(readingTimeLabel(words, numerals)).toBe(expected);
  });
});
