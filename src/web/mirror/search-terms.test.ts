import { describe, expect, it } from 'vitest';
import { indexTerms, queryWords, termChunk } from './search-terms.js';

/** Whether the headline's terms match every word of the query, as the mirror's search page does. */
const matches = (headline: string, query: string): boolean => {
  const terms = new Set(indexTerms(headline));
  return queryWords(query).every((word) => word.some((term) => terms.has(term)));
};

describe('indexTerms', () => {
  it('files a headline under its exact keys, then its stems marked', () => {
    expect(indexTerms('المسؤولة عن البيئة')).toEqual([
      'المسووله',
      'عن',
      'البييه',
      '~مسئول',
      '~مسوول',
      '~عن',
      '~بيئ',
      '~بيي',
      '~بيئه',
      '~بييه',
    ]);
  });
});

describe('queryWords', () => {
  it('reads each word once, as its exact key and its stems; stop words only when alone', () => {
    expect(queryWords('مسئولة مسئولة')).toEqual([['مسيوله', '~مسئول', '~مسيول']]);
    expect(queryWords('على المدرسة')).toEqual([['المدرسه', '~مدرس']]);
    expect(queryWords('على')).toEqual([['علي', '~علي']]);
    expect(queryWords('  ،؟ ')).toEqual([]);
    expect(queryWords(Array.from({ length: 12 }, (_, i) => `كلمة${i}`).join(' ')).length).toBe(10);
  });
});

describe('a headline and a query', () => {
  it.each([
    ['الوزارة المسؤولة عن البيئة', 'مسئولة'],
    ['الوزارة المسؤولة عن البيئة', 'المسئولين'],
    ['الوزارة المسؤولة عن البيئة', 'بيئة وزارة'],
    ['افتتاح المدرسة الكبرى في مدينة حلب', 'الْمَدْرَسَةُ'],
    ['افتتاح المدرسة الكبرى في مدينة حلب', 'والمدرسة'],
    ['افتتاح المدرسة الكبرى في مدينة حلب', 'الكبري'],
    ['افتتاح المدرسة الكبرى في مدينة حلب', 'إفتتاح حـــلب'],
    ['توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب', 'ادلب اطلاق'],
  ])('%j is found by %j', (headline, query) => {
    expect(matches(headline, query)).toBe(true);
  });

  it.each([
    ['افتتاح المدرسة الكبرى في مدينة حلب', 'المدرسة باريس'],
    ['الوزارة المسؤولة عن البيئة', 'مسئولة حلب'],
  ])('%j is not found by %j', (headline, query) => {
    expect(matches(headline, query)).toBe(false);
  });
});

describe('termChunk', () => {
  it('is FNV-1a over UTF-16 code units', () => {
    expect(termChunk('', 1000)).toBe(0x811c9dc5 % 1000);
    expect(termChunk('a', 2 ** 32 - 1)).toBe(0xe40c292c % (2 ** 32 - 1));
  });
});
