import { describe, expect, it } from 'vitest';
import { lineAndColumnAt } from './json-error-location.js';
import { JsonFault, JsonWalk } from './json-walk.js';

/** Where and why `text` is not well-formed, as the Ghost reader reports it. */
async function jsonErrorLocation(text: string) {
  const walk = new JsonWalk({ pick: () => 'build', onValue: (_path, value) => value });
  try {
    walk.write(text);
    walk.end();
  } catch (error) {
    if (!(error instanceof JsonFault)) throw error;
    return { ...(await lineAndColumnAt([text], error.offset)), reason: error.reason };
  }
  throw new Error('parsed');
}

describe('the line and column of a fault', () => {
  it('turns the fault into a line and column', async () => {
    expect(await jsonErrorLocation('{\n  "أ": "ب",\n}')).toEqual({
      line: 3,
      column: 1,
      reason: 'Expected double-quoted property name',
    });
  });

  it('counts columns in characters, not UTF-16 units or bytes', async () => {
    expect(await jsonErrorLocation('{"😀😀": 1 2}')).toEqual({
      line: 1,
      column: 10,
      reason: "Expected ',' or '}' after property value",
    });
  });

  it('places a broken literal at its start, without quoting the text', async () => {
    const location = await jsonErrorLocation('{"b": tr, "k": "سر-لا-يُطبع"}');
    expect(location).toEqual({ line: 1, column: 7, reason: 'Unexpected character' });
    expect(JSON.stringify(location)).not.toContain('سر');
  });

  it('places the end of a cut document after its last character', async () => {
    expect(await jsonErrorLocation('{"a": [1,\n2')).toEqual({
      line: 2,
      column: 2,
      reason: "Expected ',' or ']' after array element",
    });
  });

  it('places the end of a document cut at its very end', async () => {
    expect(await jsonErrorLocation('{"أ": [1,\n')).toEqual({
      line: 2,
      column: 1,
      reason: 'Unexpected end of JSON input',
    });
  });
});

describe('lineAndColumnAt', () => {
  it('counts far into a single long line, as minified exports are', async () => {
    expect(await jsonErrorLocation(`{"a": "${'س'.repeat(1_000_000)}" x}`)).toEqual({
      line: 1,
      column: 1_000_010,
      reason: "Expected ',' or '}' after property value",
    });
  });

  it('starts at line 1, column 1, and reads the text in pieces', async () => {
    expect(await lineAndColumnAt(['abc'], 0)).toEqual({ line: 1, column: 1 });
    expect(await lineAndColumnAt(['ab\ncd\nef'], 7)).toEqual({ line: 3, column: 2 });
    expect(await lineAndColumnAt(['{\n  "أ": 1,', '\n}'], 13)).toEqual({ line: 3, column: 1 });
  });

  it('places an offset past the end after the last character', async () => {
    expect(await lineAndColumnAt(['ab\nc'], 99)).toEqual({ line: 2, column: 2 });
  });
});
