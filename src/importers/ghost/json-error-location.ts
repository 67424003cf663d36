/**
 * Where a JSON document that `JSON.parse` refused goes wrong, as a line
 * and column a person can find in an editor, and why in a few words that
 * never quote the document (an export holds secrets: members' e-mail
 * addresses, API keys, session secrets).
 *
 * V8 (Node 20) names the position for most errors (`… in JSON at position
 * 25`) but not for an unexpected token, whose message quotes the text
 * around it instead (`Unexpected token 'x', "…" is not valid JSON`). The
 * position is taken from V8 when it gives one; otherwise one linear scan
 * of the JSON grammar (RFC 8259 §2–7) finds the first offending character.
 */

/** Where and why a JSON document is not well-formed. */
export interface JsonErrorLocation {
  /** 1-based line (lines end at `\n`). */
  line: number;
  /** 1-based column, in characters (code points) from the line's start. */
  column: number;
  /** Why, in English, without any of the document's text. */
  reason: string;
}

/** A reason from V8 is kept only when made of these characters (it never quotes the document then). */
const PLAIN_REASON = /^[A-Za-z ',{}[\]:-]{1,80}$/;

/**
 * The location of the error V8 reported as `v8Message` for `text`.
 * @example jsonErrorLocation('{\n  "a": 1,\n}', "Expected double-quoted property name in JSON at position 12")
 * // { line: 3, column: 1, reason: 'Expected double-quoted property name' }
 */
export function jsonErrorLocation(text: string, v8Message: string): JsonErrorLocation {
  const reported = /^(.*) in JSON at position (\d+)/s.exec(v8Message);
  if (reported !== null) {
    const offset = Math.min(Number(reported[2]), text.length);
    const v8Reason = reported[1] ?? '';
    const reason = PLAIN_REASON.test(v8Reason) ? v8Reason : 'Unexpected character';
    return { ...lineAndColumn(text, offset), reason };
  }
  const found = firstJsonError(text) ?? { offset: text.length, reason: 'Not valid JSON' };
  return { ...lineAndColumn(text, found.offset), reason: found.reason };
}

/** The 1-based line and column (in code points) of the UTF-16 `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  // Code points, counted without copying the line: an export is often one line of hundreds of MB.
  let column = 1;
  for (let at = lineStart; at < offset; at++) {
    const unit = text.charCodeAt(at);
    const pairsWithPrevious =
      unit >= 0xdc00 &&
      unit <= 0xdfff &&
      at > lineStart &&
      isHighSurrogate(text.charCodeAt(at - 1));
    if (!pairsWithPrevious) column++;
  }
  return { line, column };
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

type Expect =
  'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const STRING_RUN = /[^"\\]*/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;

function skip(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : at;
}

/** The end of the string starting at `start` (a `"`), or the error inside it. */
function scanString(text: string, start: number): number | { offset: number; reason: string } {
  let at = start + 1;
  for (;;) {
    const runEnd = skip(STRING_RUN, text, at);
    for (; at < runEnd; at++) {
      // RFC 8259 §7: control characters (U+0000 to U+001F) must be escaped.
      if (text.charCodeAt(at) < 0x20) {
        return { offset: at, reason: 'Bad control character in string literal' };
      }
    }
    if (at >= text.length) return { offset: text.length, reason: 'Unterminated string' };
    const c = text[at];
    if (c === '"') return at + 1;
    const next = skip(ESCAPE, text, at);
    if (next === at) return { offset: at, reason: 'Bad escaped character' };
    at = next;
  }
}

/**
 * The offset and reason of the first error in `text` by the JSON grammar,
 * or null when it is well-formed. Iterative: any depth of nesting.
 */
export function firstJsonError(text: string): { offset: number; reason: string } | null {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let at = 0;
  const afterValue = (): Expect => (stack.length > 0 ? 'comma-or-close' : 'end');
  for (;;) {
    at = skip(WHITESPACE, text, at);
    if (at >= text.length) {
      return expect === 'end' ? null : { offset: at, reason: 'Unexpected end of JSON input' };
    }
    const c = text[at];
    const closing = stack.at(-1) === '{' ? '}' : ']';
    if (expect === 'end')
      return { offset: at, reason: 'Unexpected non-whitespace character after JSON' };
    if (expect === 'colon') {
      if (c !== ':') return { offset: at, reason: "Expected ':' after property name" };
      at++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-close') {
      if (c === ',') {
        at++;
        expect = closing === '}' ? 'key' : 'value';
      } else if (c === closing) {
        at++;
        stack.pop();
        expect = afterValue();
      } else {
        return { offset: at, reason: `Expected ',' or '${closing}'` };
      }
      continue;
    }
    if ((expect === 'key-or-close' && c === '}') || (expect === 'value-or-close' && c === ']')) {
      at++;
      stack.pop();
      expect = afterValue();
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c !== '"') return { offset: at, reason: 'Expected double-quoted property name' };
      const end = scanString(text, at);
      if (typeof end !== 'number') return end;
      at = end;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c);
      at++;
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    if (c === '"') {
      const end = scanString(text, at);
      if (typeof end !== 'number') return end;
      at = end;
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const end = skip(NUMBER, text, at);
      if (end === at) return { offset: at, reason: 'Malformed number' };
      at = end;
    } else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, at));
      if (literal === undefined) return { offset: at, reason: 'Unexpected character' };
      at += literal.length;
    }
    expect = afterValue();
  }
}
