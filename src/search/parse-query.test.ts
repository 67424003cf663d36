import { describe, expect, it } from 'vitest';
import { isEmptyQuery, MAX_QUERY_LENGTH, MAX_TERMS, parseQuery, tidyQuery } from './parse-query.js';

const keys = (q: string) => parseQuery(q).words.map((w) => w.key);

describe('parseQuery', () => {
  it('reads words as search keys with their stems', () => {
    expect(parseQuery('والأسَد')).toEqual({
      words: [{ key: 'والاسد', stems: ['اسد'], surface: 'والأسد' }],
      phrases: [],
    });
  });

  it('reads stems from the hamza seats the reader typed, and the key without them', () => {
    expect(
      parseQuery('مسئول المسؤولين طموحهم بقضبان').words.map(({ key, stems }) => ({ key, stems })),
    ).toEqual([
      { key: 'مسيول', stems: ['مسئول', 'مسيول'] },
      { key: 'المسوولين', stems: ['مسئول', 'مسوول'] },
      { key: 'طموحهم', stems: ['طموح'] },
      { key: 'بقضبان', stems: ['بقضب', 'قضبان'] },
    ]);
  });

  it("keeps the reader's spelling of a word whose key unifies letters, and only then", () => {
    const spelled = (q: string) => parseQuery(q).words.map((w) => [w.key, w.surface]);
    expect(spelled('مدرسة مدرسه')).toEqual([['مدرسه', 'مدرسة']]);
    expect(spelled('مَدرســه تونس الأراضي')).toEqual([
      ['مدرسه', undefined],
      ['تونس', undefined],
      ['الاراضي', 'الأراضي'],
    ]);
  });

  it('reads quoted text, in any quotation marks, as phrases', () => {
    expect(parseQuery('"وقف إطلاق" «النار اليوم»').phrases).toEqual([
      ['وقف', 'اطلاق'],
      ['النار', 'اليوم'],
    ]);
  });

  it('drops stop words when other words remain, and keeps them when alone', () => {
    expect(keys('القبض على المتهم')).toEqual(['القبض', 'المتهم']);
    expect(keys('على')).toEqual(['علي']);
    expect(keys('في هذه')).toEqual(['في', 'هذه']);
    expect(parseQuery('على "على الأرض"')).toEqual({ words: [], phrases: [['علي', 'الارض']] });
  });

  it('drops repeated words and stops at MAX_TERMS', () => {
    expect(keys('تونس تونس تونِس')).toEqual(['تونس']);
    const many = Array.from({ length: 15 }, (_, i) => `كلمة${i}`).join(' ');
    expect(keys(many)).toHaveLength(MAX_TERMS);
  });

  it('turns FTS syntax into nothing but words', () => {
    expect(keys('الأسد* NEAR(سوريا) col:x')).toEqual(['الاسد', 'near', 'سوريا', 'col', 'x']);
    expect(isEmptyQuery(parseQuery('"*:؟،!'))).toBe(true);
  });
});

describe('tidyQuery', () => {
  it.each([
    ['  الأسَـد   ٢٠٢٤ ', 'الأسد 2024'],
    ['مدرسة', 'مدرسة'],
    ['"وقف   إطلاق" النار', '"وقف إطلاق" النار'],
    ['GAZA\u200F', 'gaza'],
  ])('reads %j as %j', (raw, tidy) => {
    expect(tidyQuery(raw)).toBe(tidy);
  });

  it('keeps at most MAX_QUERY_LENGTH characters, and searches the same words', () => {
    expect(MAX_QUERY_LENGTH).toBe(200);
    expect(tidyQuery('كلمة '.repeat(60))).toBe('كلمة '.repeat(40).trim());
    // Cut through a word: the part of it is left out, as it would match nothing.
    expect(tidyQuery('الأسد '.repeat(34))).toBe('الأسد '.repeat(33).trim());
    expect(tidyQuery(`${'ب'.repeat(199)} جج`)).toBe('ب'.repeat(199));
    expect(tidyQuery('ب'.repeat(250))).toBe('ب'.repeat(200));
    expect(parseQuery(tidyQuery('تونسُ  الخضراء'))).toEqual(parseQuery('تونسُ  الخضراء'));
  });
});
