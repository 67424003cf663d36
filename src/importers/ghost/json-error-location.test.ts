import { describe, expect, it } from 'vitest';
import { firstJsonError, jsonErrorLocation, lineAndColumn } from './json-error-location.js';

function v8Message(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parsed');
}

describe('jsonErrorLocation', () => {
  it('takes the position V8 reports and turns it into a line and column', () => {
    const text = '{\n  "أ": "ب",\n}';
    expect(v8Message(text)).toBe('Expected double-quoted property name in JSON at position 14');
    expect(jsonErrorLocation(text, v8Message(text))).toEqual({
      line: 3,
      column: 1,
      reason: 'Expected double-quoted property name',
    });
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const text = '{"😀😀": 1 2}';
    expect(jsonErrorLocation(text, v8Message(text))).toEqual({
      line: 1,
      column: 10,
      reason: "Expected ',' or '}' after property value",
    });
  });

  it('finds the error itself when V8 names no position, without quoting the text', () => {
    const text = '{"b": tr, "k": "سر-لا-يُطبع"}';
    const message = v8Message(text);
    expect(message).toContain('"سر');
    expect(jsonErrorLocation(text, message)).toEqual({
      line: 1,
      column: 7,
      reason: 'Unexpected character',
    });
  });

  it('places the end of a cut document after its last character', () => {
    const text = '{"a": [1,\n2';
    expect(jsonErrorLocation(text, v8Message(text))).toEqual({
      line: 2,
      column: 2,
      reason: "Expected ',' or ']' after array element",
    });
  });
});

it('places the end of a document V8 finds cut at its very end', () => {
  const text = '{"أ": [1,\n';
  expect(v8Message(text)).toBe('Unexpected end of JSON input');
  expect(jsonErrorLocation(text, v8Message(text))).toEqual({
    line: 2,
    column: 1,
    reason: 'Unexpected end of JSON input',
  });
});

describe('firstJsonError', () => {
  it.each<[string, number, string]>([
    ['{"a": x}', 6, 'Unexpected character'],
    ['[1, 2,]', 6, 'Unexpected character'],
    ['{"a" 1}', 5, "Expected ':' after property name"],
    ['{"a": 1,}', 8, 'Expected double-quoted property name'],
    ['{"a": 1] ', 7, "Expected ',' or '}'"],
    ['[1 2]', 3, "Expected ',' or ']'"],
    ['{"a": "b\u0001"}', 8, 'Bad control character in string literal'],
    ['{"a": "\\x"}', 7, 'Bad escaped character'],
    ['{"a": "b', 8, 'Unterminated string'],
    ['{"a": 01}', 7, "Expected ',' or '}'"],
    ['{"a": -}', 6, 'Malformed number'],
    ['{} {}', 3, 'Unexpected non-whitespace character after JSON'],
    ['', 0, 'Unexpected end of JSON input'],
  ])('finds the error in %j at offset %i', (text, offset, reason) => {
    expect(firstJsonError(text)).toEqual({ offset, reason });
  });

  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u0628\\n"], "b": {}} ', '"س"'])(
    'finds no error in %j',
    (text) => {
      expect(firstJsonError(text)).toBeNull();
    },
  );

  it('agrees with V8 where V8 names a position', () => {
    for (const text of ['{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": "b\u0001"}', '{} {}']) {
      const position = Number(/at position (\d+)/.exec(v8Message(text))?.[1]);
      expect(firstJsonError(text)?.offset).toBe(position);
    }
  });

  it('checks any depth of nesting without recursion', () => {
    const text = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(firstJsonError(text)).toEqual({
      offset: 399_999,
      reason: 'Unexpected end of JSON input',
    });
  });
});

describe('lineAndColumn', () => {
  it('counts far into a single long line, as minified exports are', () => {
    const text = `{"a": "${'س'.repeat(1_000_000)}" x}`;
    expect(jsonErrorLocation(text, v8Message(text))).toEqual({
      line: 1,
      column: 1_000_010,
      reason: "Expected ',' or '}' after property value",
    });
  });

  it('starts at line 1, column 1', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
  });
});
