import { describe, expect, it } from 'vitest';
import {
  ARTICLE_FORMS,
  arabicPluralCategory,
  countPhrase,
  MINUTE_FORMS,
  VIEW_FORMS,
  HOUR_FORMS,
  TIMES_FORMS,
  RESULT_FORMS,
  NEW_UPDATE_FORMS,
} from './plural.js';

describe('arabicPluralCategory', () => {
  it.each([
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [10, 'few'],
    [11, 'many'],
    [99, 'many'],
    [100, 'other'],
    [101, 'other'],
    [102, 'other'],
    [103, 'few'],
    [111, 'many'],
    [1000, 'other'],
    [1.5, 'other'],
    [-3, 'few'],
  ])('puts %d in the %s category', (n, expected) => {
    expect(arabicPluralCategory(n)).toBe(expected);
  });

  it('throws a RangeError for NaN', () => {
    expect(() => arabicPluralCategory(Number.NaN)).toThrow(RangeError);
  });
});

describe('countPhrase with VIEW_FORMS', () => {
  it.each([
    [0, 'latn', 'لا مشاهدات'],
    [1, 'latn', 'مشاهدة واحدة'],
    [2, 'latn', 'مشاهدتان'],
    [3, 'latn', '3 مشاهدات'],
    [10, 'latn', '10 مشاهدات'],
    [11, 'latn', '11 مشاهدة'],
    [100, 'latn', '100 مشاهدة'],
    [103, 'latn', '103 مشاهدات'],
    [236, 'latn', '236 مشاهدة'],
    [236, 'arab', '٢٣٦ مشاهدة'],
    [1234, 'latn', '1,234 مشاهدة'],
    [1205, 'arab', '١٬٢٠٥ مشاهدات'],
  ] as const)('says %d views in %s digits as %s', (n, numerals, expected) => {
    expect(countPhrase(n, VIEW_FORMS, numerals)).toBe(expected);
  });
});

describe('countPhrase with MINUTE_FORMS', () => {
  it.each([
    [0, 'latn', 'أقل من دقيقة'],
    [1, 'latn', 'دقيقة واحدة'],
    [2, 'latn', 'دقيقتان'],
    [4, 'arab', '٤ دقائق'],
    [15, 'latn', '15 دقيقة'],
  ] as const)('says %d minutes in %s digits as %s', (n, numerals, expected) => {
    expect(countPhrase(n, MINUTE_FORMS, numerals)).toBe(expected);
  });
});

describe('HOUR_FORMS', () => {
  it.each([
    [1, 'ساعة واحدة'],
    [2, 'ساعتان'],
    [3, '3 ساعات'],
    [12, '12 ساعة'],
    [48, '48 ساعة'],
  ])('%i hours read %s', (n, expected) => {
    expect(countPhrase(n, HOUR_FORMS, 'latn')).toBe(expected);
  });
});

describe('TIMES_FORMS', () => {
  it.each([
    [1, 'arab', 'مرة واحدة'],
    [2, 'latn', 'مرتين'],
    [3, 'arab', '٣ مرات'],
    [11, 'latn', '11 مرة'],
    [1200, 'arab', '١٬٢٠٠ مرة'],
  ] as const)('%i times in %s digits read %s', (n, numerals, expected) => {
    expect(countPhrase(n, TIMES_FORMS, numerals)).toBe(expected);
  });
});

describe('RESULT_FORMS', () => {
  it.each([
    [1, 'نتيجة واحدة'],
    [2, 'نتيجتان'],
    [7, '7 نتائج'],
    [11, '11 نتيجة'],
    [102, '102 نتيجة'],
  ])('%i results read %s', (n, expected) => {
    expect(countPhrase(n, RESULT_FORMS, 'latn')).toBe(expected);
  });
});

describe('ARTICLE_FORMS', () => {
  it.each([
    [0, 'latn', 'لا مقالات'],
    [1, 'latn', 'مقال واحد'],
    [2, 'latn', 'مقالان'],
    [3, 'latn', '3 مقالات'],
    [10, 'arab', '١٠ مقالات'],
    [11, 'latn', '11 مقالاً'],
    [99, 'latn', '99 مقالاً'],
    [100, 'latn', '100 مقال'],
    [102, 'latn', '102 مقال'],
    [103, 'latn', '103 مقالات'],
    [111, 'latn', '111 مقالاً'],
    [5000, 'arab', '٥٬٠٠٠ مقال'],
  ] as const)('%i articles in %s digits read %s', (n, numerals, expected) => {
    expect(countPhrase(n, ARTICLE_FORMS, numerals)).toBe(expected);
  });
});

describe('NEW_UPDATE_FORMS', () => {
  it.each([
    [1, 'latn', 'تحديث جديد (1)'],
    [2, 'latn', 'تحديثان جديدان (2)'],
    [3, 'latn', 'تحديثات جديدة (3)'],
    [10, 'arab', 'تحديثات جديدة (١٠)'],
    [11, 'latn', 'تحديثات جديدة (11)'],
    [99, 'arab', 'تحديثات جديدة (٩٩)'],
    [100, 'latn', 'تحديثات جديدة (100)'],
    [102, 'latn', 'تحديثات جديدة (102)'],
    [111, 'latn', 'تحديثات جديدة (111)'],
  ] as const)('%i new updates read %s (%s digits)', (n, numerals, expected) => {
    expect(countPhrase(n, NEW_UPDATE_FORMS, numerals)).toBe(expected);
  });
});
