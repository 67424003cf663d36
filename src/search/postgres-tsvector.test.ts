import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';
import { estimatedShare, matchQueryText, phraseQueryText } from './postgres-tsvector.js';

describe('matchQueryText', () => {
  it('asks for each word by its exact form or a marked stem, and for each phrase word', () => {
    const query = parseQuery('الأسد "وقف إطلاق"');
    const stems = query.words[0]!.stems.filter((s) => s !== '');
    expect(stems.length).toBeGreaterThan(0);
    expect(matchQueryText(query)).toBe(
      `('الاسد' | ${stems.map((s) => `'~${s}'`).join(' | ')}) & 'وقف' & 'اطلاق'`,
    );
  });

  it('leaves no tsquery syntax of what the reader typed', () => {
    const text = matchQueryText(parseQuery(`a' | b:* & !c <-> (d)`));
    const outsideQuotes = text.replace(/'(?:[^'\\]|\\.)*'/g, '');
    expect(outsideQuotes).toMatch(/^[()|& ]*$/);
  });

  it('escapes quotes and backslashes inside a key', () => {
    expect(matchQueryText({ words: [{ key: `x'\\y`, stems: ['z'] }], phrases: [] })).toBe(
      `('x\\'\\\\y' | '~z')`,
    );
  });
});

describe('phraseQueryText', () => {
  it('asks for the exact forms adjacent and in order', () => {
    expect(phraseQueryText(['وقف', 'اطلاق', 'النار'])).toBe(`'وقف' <-> 'اطلاق' <-> 'النار'`);
  });
});

describe('estimatedShare', () => {
  const word = (key: string, stems: string[]) => ({ key, stems });
  const shares = new Map([
    ['علي', 0.75],
    ['~علي', 0.77],
    ['تونس', 0.24],
    ['~تونس', 0.4],
  ]);

  it('takes the commonest key of each word, exact or stem, and multiplies the words', () => {
    expect(estimatedShare({ words: [word('علي', ['علي'])], phrases: [] }, shares)).toBe(0.77);
    expect(
      estimatedShare(
        { words: [word('علي', ['علي']), word('تونس', ['', 'تونس'])], phrases: [] },
        shares,
      ),
    ).toBeCloseTo(0.77 * 0.4, 10);
  });

  it('is 0 for a word the statistics do not hold, a phrase, or no word', () => {
    expect(
      estimatedShare({ words: [word('علي', []), word('جوهر', ['جوهر'])], phrases: [] }, shares),
    ).toBe(0);
    expect(
      estimatedShare({ words: [word('علي', ['علي'])], phrases: [['علي', 'تونس']] }, shares),
    ).toBe(0);
    expect(estimatedShare({ words: [], phrases: [] }, shares)).toBe(0);
  });
});
