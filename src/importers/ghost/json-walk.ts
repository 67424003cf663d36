/**
 * A JSON document read as a stream of tokens (@streamparser/json's
 * tokenizer), its grammar checked here (RFC 8259 §2–7), and only the parts
 * a caller picks built into values: the rest is read and checked, never
 * held. A Ghost export is one JSON document of up to hundreds of MB whose
 * post bodies and members' rows must never be held whole; this keeps one
 * value at a time.
 *
 * What is built is a skeleton of the document: containers the caller
 * enters keep only the members it picked (`onValue` may replace each by
 * something smaller), a skipped member of an array stays as `null` so that
 * rows keep their index.
 *
 * A fault is thrown as a JsonFault naming the UTF-8 byte offset (of the
 * text without its byte-order mark) and why, in V8's words where V8 has
 * some, never quoting the document (an export holds secrets).
 */
import { Tokenizer, TokenizerError, TokenType } from '@streamparser/json';

/** Keys from the document's root to a value: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/**
 * What to do with the value at a path: `build` it whole, `enter` it (a
 * container whose members are picked one by one; a scalar is built),
 * `skip` it, or `stub` it (a string becomes '', anything else is built:
 * its type is kept for checking, its text is not).
 */
export type JsonPick = 'build' | 'enter' | 'skip' | 'stub';

/** The caller's choices. */
export interface JsonWalkHandler {
  /** Called at the start of every value not inside a skipped one. */
  pick(path: JsonPath): JsonPick;
  /**
   * Called when a value picked `build` or `enter` ends directly in an
   * entered container (or is the root); returns what the skeleton keeps.
   */
  onValue(path: JsonPath, value: unknown): unknown;
}

/** Where and why a document is not well-formed JSON. */
export class JsonFault extends Error {
  constructor(
    /** UTF-8 byte offset of the fault in the text (byte-order mark excluded). */
    readonly offset: number,
    /** Why, in English, without any of the document's text. */
    readonly reason: string,
  ) {
    super(`${reason} at byte ${offset}`);
    this.name = 'JsonFault';
  }
}

/**
 * How deep containers may nest. A Ghost export nests about six levels (its
 * Lexical and mobiledoc bodies are strings, not nested JSON); a file of
 * nothing but `[`, up to the size limit, would otherwise hold a frame per
 * byte, hundreds of millions of them.
 */
export const MAX_JSON_DEPTH = 256;

type Mode = 'build' | 'enter' | 'skip';
type Container = Record<string, unknown> | unknown[];

interface Frame {
  mode: Mode;
  /** Null when skipped. */
  value: Container | null;
  isArray: boolean;
  empty: boolean;
}

type State = 'value' | 'key' | 'colon' | 'comma' | 'end';

/** Tokenizer states of a literal (`t`, `tr`, `tru` read…): the number is how many letters. */
const LITERAL_STATE = /^(?:TRUE|FALSE|NULL)(\d)$/;
const UNICODE_STATE = /^STRING_UNICODE_DIGIT_(\d)$/;
const TOKENIZER_ERROR = /absolute position "(\d+)"\) in state (\w+)$/;
const END_ERROR = /\(state: (\w+)\)/;

/** Sets `key` on `object` as an own property, `__proto__` included. */
function setMember(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}

/**
 * The reason and offset of a tokenizer error; its own message quotes the
 * character. `expected` is the fault of a character where the grammar
 * wanted a comma, colon, key or the end (null where it wanted a value).
 */
function tokenizerFault(
  message: string,
  bytesWritten: number,
  expected: (offset: number) => JsonFault | null,
): JsonFault {
  const found = TOKENIZER_ERROR.exec(message);
  if (found === null) {
    const state = END_ERROR.exec(message)?.[1] ?? '';
    const reason = state.startsWith('STRING')
      ? 'Unterminated string'
      : 'Unexpected end of JSON input';
    return new JsonFault(bytesWritten, reason);
  }
  const at = Number(found[1]);
  const state = found[2] ?? '';
  const literal = LITERAL_STATE.exec(state);
  if (literal !== null) return new JsonFault(at - Number(literal[1]), 'Unexpected character');
  if (state === 'STRING_DEFAULT') {
    return new JsonFault(at, 'Bad control character in string literal');
  }
  if (state === 'STRING_AFTER_BACKSLASH') return new JsonFault(at - 1, 'Bad escaped character');
  const unicode = UNICODE_STATE.exec(state);
  if (unicode !== null) return new JsonFault(at - Number(unicode[1]) - 1, 'Bad escaped character');
  if (state === 'NUMBER_AFTER_INITIAL_MINUS') return new JsonFault(at - 1, 'Malformed number');
  if (state.startsWith('NUMBER')) return new JsonFault(at, 'Malformed number');
  return expected(at) ?? new JsonFault(at, 'Unexpected character');
}

/**
 * One reading of a document: `write` its text in pieces, then `end`.
 * @example
 * const walk = new JsonWalk({ pick: () => 'build', onValue: (_, v) => v });
 * walk.write('{"a": [1'); walk.write(']}'); walk.end(); walk.root // { a: [1] }
 */
export class JsonWalk {
  private readonly tokenizer = new Tokenizer({ stringBufferSize: 64 * 1024 });
  private readonly frames: Frame[] = [];
  private readonly path: (string | number)[] = [];
  private state: State = 'value';
  private bytes = 0;
  private readonly encoder = new TextEncoder();
  /** The skeleton of the document, once it ended. */
  root: unknown = undefined;

  constructor(private readonly handler: JsonWalkHandler) {
    this.tokenizer.onToken = ({ token, value, offset }) => this.onToken(token, value, offset);
    this.tokenizer.onError = (error) => {
      // Only the tokenizer's own errors are read; a fault or a handler's error passes as it is.
      if (!(error instanceof TokenizerError)) throw error;
      throw tokenizerFault(error.message, this.bytes, (offset) => this.expectedFault(offset));
    };
    this.tokenizer.onEnd = () => undefined;
  }

  /**
   * Reads the next piece of the text.
   * @throws JsonFault at the first fault.
   */
  write(text: string): void {
    const bytes = this.encoder.encode(text);
    this.bytes += bytes.length;
    this.tokenizer.write(bytes);
  }

  /**
   * Ends the text.
   * @throws JsonFault when the document is cut short.
   */
  end(): void {
    this.tokenizer.end();
    if (this.state === 'end') return;
    const top = this.frames.at(-1);
    if (this.state === 'comma' && top !== undefined) throw this.commaFault(top, this.bytes);
    throw new JsonFault(this.bytes, 'Unexpected end of JSON input');
  }

  /** The fault of an unexpected token at `offset` where no value may come; null where one may. */
  private expectedFault(offset: number): JsonFault | null {
    const top = this.frames.at(-1);
    switch (this.state) {
      case 'value':
        return null;
      case 'end':
        return new JsonFault(offset, 'Unexpected non-whitespace character after JSON');
      case 'colon':
        return new JsonFault(offset, "Expected ':' after property name");
      case 'key':
        return new JsonFault(offset, 'Expected double-quoted property name');
      case 'comma':
        return top === undefined ? null : this.commaFault(top, offset);
    }
  }

  private commaFault(top: Frame, offset: number): JsonFault {
    return new JsonFault(
      offset,
      top.isArray
        ? "Expected ',' or ']' after array element"
        : "Expected ',' or '}' after property value",
    );
  }

  private onToken(token: TokenType, value: unknown, offset: number): void {
    const top = this.frames.at(-1);
    switch (this.state) {
      case 'end':
        throw this.expectedFault(offset);
      case 'colon':
        if (token !== TokenType.COLON) throw this.expectedFault(offset);
        this.state = 'value';
        return;
      case 'key':
        if (token === TokenType.STRING) {
          this.path[this.path.length - 1] = value as string;
          this.state = 'colon';
        } else if (token === TokenType.RIGHT_BRACE && top?.empty === true) {
          this.close();
        } else {
          throw this.expectedFault(offset);
        }
        return;
      case 'comma':
        if (top === undefined) throw new JsonFault(offset, 'Unexpected character');
        if (token === TokenType.COMMA) {
          if (top.isArray) {
            this.path[this.path.length - 1] = (this.path.at(-1) as number) + 1;
            this.state = 'value';
          } else {
            this.state = 'key';
          }
        } else if (token === (top.isArray ? TokenType.RIGHT_BRACKET : TokenType.RIGHT_BRACE)) {
          this.close();
        } else {
          throw this.commaFault(top, offset);
        }
        return;
      case 'value':
        this.onValueToken(token, value, offset, top);
        return;
    }
  }

  private onValueToken(
    token: TokenType,
    value: unknown,
    offset: number,
    top: Frame | undefined,
  ): void {
    if (token === TokenType.RIGHT_BRACKET && top?.isArray === true && top.empty) {
      this.close();
      return;
    }
    const opens = token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET;
    const scalar =
      token === TokenType.STRING ||
      token === TokenType.NUMBER ||
      token === TokenType.TRUE ||
      token === TokenType.FALSE ||
      token === TokenType.NULL;
    if (!opens && !scalar) throw new JsonFault(offset, 'Unexpected character');
    const pick: JsonPick = top?.mode === 'skip' ? 'skip' : this.handler.pick(this.path);
    if (opens) {
      if (this.frames.length >= MAX_JSON_DEPTH)
        throw new JsonFault(offset, `Nested deeper than ${MAX_JSON_DEPTH} levels`);
      const isArray = token === TokenType.LEFT_BRACKET;
      const mode: Mode = pick === 'stub' ? 'build' : pick;
      this.frames.push({
        mode,
        value: mode === 'skip' ? null : isArray ? [] : {},
        isArray,
        empty: true,
      });
      this.path.push(isArray ? 0 : '');
      this.state = isArray ? 'value' : 'key';
      return;
    }
    const kept = pick === 'stub' && typeof value === 'string' ? '' : value;
    this.finish(pick === 'skip' ? 'skip' : 'build', kept);
  }

  /** Ends the container on top. */
  private close(): void {
    const frame = this.frames.pop();
    this.path.pop();
    if (frame !== undefined) this.finish(frame.mode, frame.value);
  }

  /** Puts a finished value of `mode` into its container. */
  private finish(mode: Mode, value: unknown): void {
    const parent = this.frames.at(-1);
    if (parent === undefined) {
      this.root = mode === 'skip' ? undefined : this.handler.onValue(this.path, value);
      this.state = 'end';
      return;
    }
    parent.empty = false;
    this.state = 'comma';
    if (parent.value === null) return;
    let kept: unknown = null;
    if (mode !== 'skip') {
      kept = parent.mode === 'enter' ? this.handler.onValue(this.path, value) : value;
    }
    if (Array.isArray(parent.value)) parent.value.push(kept);
    else if (mode !== 'skip') setMember(parent.value, String(this.path.at(-1)), kept);
  }
}
