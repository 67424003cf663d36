import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';
import { tsqueryText } from './postgres-tsvector.js';

describe('tsqueryText', () => {
  it('asks for each word by its exact form or one of its stems, and phrases in order', () => {
    const text = tsqueryText(parseQuery('الأسد "وقف إطلاق"'));
    expect(text).toMatch(/^\('الاسد':AC( \| '[^']+':BD)+\) & \('وقف':AC <-> 'اطلاق':AC\)$/);
  });

  it('leaves no tsquery syntax of what the reader typed', () => {
    const text = tsqueryText(parseQuery(`a' | b:* & !c <-> (d)`));
    const outsideQuotes = text.replace(/'(?:[^'\\]|\\.)*'/g, '');
    expect(outsideQuotes).toMatch(/^[():ABCD|& ]*$/);
    expect(outsideQuotes).not.toMatch(/[!*<>-]/);
  });

  it('escapes quotes and backslashes inside a key', () => {
    expect(tsqueryText({ words: [{ key: `x'\\y`, stems: [] }], phrases: [] })).toBe(
      `('x\\'\\\\y':AC)`,
    );
  });
});
