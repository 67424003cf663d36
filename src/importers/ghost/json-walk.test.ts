import { describe, expect, it } from 'vitest';
import { JsonFault, JsonWalk, MAX_JSON_DEPTH, type JsonPath, type JsonPick } from './json-walk.js';

function v8Message(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parsed');
}

/** The first fault of `text`, written one character at a time (every piece boundary), or null. */
function firstJsonError(text: string): { offset: number; reason: string } | null {
  const walk = new JsonWalk({ pick: () => 'build', onValue: (_path, value) => value });
  try {
    for (const character of text) walk.write(character);
    walk.end();
  } catch (error) {
    if (!(error instanceof JsonFault)) throw error;
    return { offset: error.offset, reason: error.reason };
  }
  return null;
}

describe('JsonWalk faults', () => {
  it.each<[string, number, string]>([
    ['{"a": x}', 6, 'Unexpected character'],
    ['[1, 2,]', 6, 'Unexpected character'],
    ['{"a" 1}', 5, "Expected ':' after property name"],
    ['{"a": 1,}', 8, 'Expected double-quoted property name'],
    ['{"a": 1] ', 7, "Expected ',' or '}' after property value"],
    ['[1 2]', 3, "Expected ',' or ']' after array element"],
    ['{"a": "b\u0001"}', 8, 'Bad control character in string literal'],
    ['{"a": "\\x"}', 7, 'Bad escaped character'],
    ['{"a": "b', 8, 'Unterminated string'],
    ['{"a": 01}', 7, "Expected ',' or '}' after property value"],
    ['{"a": -}', 6, 'Malformed number'],
    ['{} {}', 3, 'Unexpected non-whitespace character after JSON'],
    ['', 0, 'Unexpected end of JSON input'],
  ])('finds the error in %j at offset %i', (text, offset, reason) => {
    expect(firstJsonError(text)).toEqual({ offset, reason });
  });

  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "\\u0628\\n"], "b": {}} ',
    '"س"',
    '7',
  ])('finds no error in %j', (text) => {
    expect(firstJsonError(text)).toBeNull();
  });

  it('agrees with V8 where V8 names a position', () => {
    for (const text of ['{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": "b\u0001"}', '{} {}']) {
      const position = Number(/at position (\d+)/.exec(v8Message(text))?.[1]);
      expect(firstJsonError(text)?.offset).toBe(position);
    }
  });

  it('reads nesting up to MAX_JSON_DEPTH levels, and refuses one level more where it opens', () => {
    const deepest = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(firstJsonError(deepest)).toBeNull();
    expect(firstJsonError('{"a":' + '['.repeat(200_000))).toEqual({
      offset: 5 + MAX_JSON_DEPTH - 1,
      reason: `Nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  it("passes a handler's error as it is", () => {
    const walk = new JsonWalk({
      pick: () => {
        throw new RangeError('from the handler');
      },
      onValue: (_path, value) => value,
    });
    expect(() => walk.write('[1]')).toThrow(new RangeError('from the handler'));
  });
});

describe('JsonWalk skeleton', () => {
  it('keeps what is picked, stubs strings, keeps skipped array slots as null', () => {
    const picks: Record<string, JsonPick> = {
      '': 'enter',
      secrets: 'skip',
      rows: 'enter',
      'rows.0': 'build',
      'rows.1': 'skip',
      'rows.0.html': 'stub',
      'rows.0.tags': 'build',
    };
    const seen: string[] = [];
    const walk = new JsonWalk({
      pick: (path: JsonPath) => picks[path.join('.')] ?? 'build',
      onValue: (path, value) => {
        seen.push(path.join('.'));
        return path.join('.') === 'rows.0' ? { kept: value } : value;
      },
    });
    walk.write(
      '{"secrets": [{"key": "FAKE"}], "rows": [{"id": 1, "html": "<p>نص</p>", "tags": [2, {"__proto__": 3}]}, {"id": 2}], "n": null}',
    );
    walk.end();
    expect(walk.root).toEqual({
      rows: [{ kept: { id: 1, html: '', tags: [2, JSON.parse('{"__proto__": 3}')] } }, null],
      n: null,
    });
    expect(seen).toEqual(['rows.0', 'rows', 'n', '']);
  });
});
