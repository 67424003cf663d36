import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';
import { matchQueryText, phraseQueryText } from './postgres-tsvector.js';

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
