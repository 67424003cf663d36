import { cleanSourceText } from '../../arabic/clean.js';
import {
  canonicalEncoding,
  decodeBytes,
  detectArabicEncoding,
  encodingForFile,
  EncodingError,
  firstInvalidUtf8Offset,
  looksLikeMojibake,
} from '../text-encoding.js';
import { mojibakeMessage } from '../mojibake.js';
import { CaptureError } from './capture-error.js';
import { utf16ByMark, utf16WithoutMark } from './utf16.js';

export { firstInvalidUtf8Offset } from '../text-encoding.js';

/**
 * Bytes to cleaned lines, refusing what is not a text capture.
 *
 * Checks run from cheapest to most specific so that each refusal names the
 * real problem: too large, empty, then UTF-16 (by its byte order mark,
 * before its NUL bytes make it look binary), then binary (NUL bytes, a PNG,
 * a PDF) unless it reads as UTF-16 without a mark, then ill-formed UTF-8,
 * then Arabic garbled through windows-1252 and saved again (mojibake.ts:
 * CAPTURE_ENCODING_INVALID), then blank text. Ill-formed UTF-8 is read in a legacy Arabic encoding
 * when the person importing names it (`--encoding windows-1256`) or when
 * detection is certain (text-encoding.ts: windows-1256 or ISO-8859-6 Arabic
 * news text, told by its letters); otherwise it is refused. A file that is
 * UTF-8 for certain stays UTF-8 whatever encoding is named
 * (encodingForFile: `--encoding` applies to a whole batch).
 */

/** A decoded capture: its lines, and the encoding they were read in and why. */
export interface DecodedCapture {
  lines: string[];
  /** Canonical name: `utf-8`, or the encoding named or detected. */
  encoding: string;
  /**
   * `forced` by the person importing, `detected`, `utf-8` as a capture is by
   * default, or `utf-8-kept`: UTF-8 for certain although another encoding was named.
   */
  source: 'forced' | 'detected' | 'utf-8' | 'utf-8-kept';
}

/**
 * The largest capture accepted: one article page copied as text is tens of
 * kilobytes (the seed is 9 KB); megabytes are a wrong file or a whole site.
 */
export const MAX_CAPTURE_BYTES = 2 * 1024 * 1024;

/** Bytes looked at for the binary test; enough for any file header. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control bytes above which text is taken for binary. */
const MAX_CONTROL_SHARE = 0.1;
/** Whitespace or invisible marks only (direction marks, zero-width characters). */
const BLANK = /^[\s\u200B-\u200F\u061C\u2060\uFEFF]*$/u;

/**
 * Decodes a capture and cleans each line with `cleanSourceText` (NFC,
 * presentation forms folded, no-break spaces made spaces), trimmed at both
 * ends. Line endings may be LF, CRLF or CR.
 *
 * @throws CaptureError CAPTURE_TOO_LARGE, CAPTURE_EMPTY, CAPTURE_BINARY, CAPTURE_NOT_UTF8 or
 *   CAPTURE_ENCODING_INVALID (garbled Arabic).
 * @example decodeCaptureLines(new TextEncoder().encode('عنوان\r\n')) // ['عنوان', '']
 */
export function decodeCaptureLines(
  bytes: Uint8Array,
  options: { encoding?: string | null } = {},
): string[] {
  return decodeCapture(bytes, options).lines;
}

/**
 * decodeCaptureLines, also telling the encoding. With `encoding` (a WHATWG
 * label, `--encoding`) the bytes are read in it; a UTF-16 one skips the
 * UTF-16 and binary checks.
 *
 * @throws CaptureError as decodeCaptureLines; CAPTURE_ENCODING_INVALID for bytes the named encoding
 *   cannot read (the message names the byte, its offset and line) or garbled Arabic (mojibake.ts);
 *   RangeError for an unknown label.
 */
export function decodeCapture(
  bytes: Uint8Array,
  options: { encoding?: string | null } = {},
): DecodedCapture {
  refuseTooLarge(bytes);
  if (bytes.length === 0) throw new CaptureError('CAPTURE_EMPTY', 'The file is empty.');
  const forced = options.encoding ?? null;
  if (forced !== null && canonicalEncoding(forced) === null) {
    throw new RangeError(`unknown encoding: ${forced}`);
  }
  const choice = forced === null ? null : encodingForFile(bytes, forced);
  const named = choice === null || choice.kept ? null : choice.encoding;
  if (named === null || !named.startsWith('utf-16')) {
    if (named === null) refuseUtf16(bytes);
    refuseBinary(bytes);
  }
  const decoded =
    named !== null
      ? { text: decodeNamed(bytes, named), encoding: named, source: 'forced' as const }
      : choice?.kept === true
        ? { text: decodeUtf8(bytes), encoding: 'utf-8', source: 'utf-8-kept' as const }
        : decodeUtf8OrCertain(bytes);
  if (looksLikeMojibake(decoded.text)) {
    throw new CaptureError('CAPTURE_ENCODING_INVALID', mojibakeMessage(decoded.encoding));
  }
  if (BLANK.test(decoded.text)) {
    throw new CaptureError('CAPTURE_EMPTY', 'The file contains only whitespace, no text.');
  }
  return {
    lines: decoded.text
      .split(/\r\n|\r|\n|\u2028|\u2029/u)
      .map((line) => cleanSourceText(line).trim()),
    encoding: decoded.encoding,
    source: decoded.source,
  };
}

function decodeNamed(bytes: Uint8Array, encoding: string): string {
  try {
    return decodeBytes(bytes, { forced: encoding }).text;
  } catch (cause) {
    if (cause instanceof EncodingError && cause.code === 'ENCODING_MOJIBAKE') {
      throw new CaptureError('CAPTURE_ENCODING_INVALID', cause.message, { cause });
    }
    if (!(cause instanceof EncodingError) || cause.offset === null) throw cause;
    throw new CaptureError(
      'CAPTURE_ENCODING_INVALID',
      `The file is not valid ${encoding} (byte 0x${hex(cause.byte ?? 0)} at offset ${cause.offset}, line ${lineAt(bytes, cause.offset)}).`,
      { cause },
    );
  }
}

/** UTF-8 as a capture is by default, else the legacy encoding detected for certain. */
function decodeUtf8OrCertain(bytes: Uint8Array): Omit<DecodedCapture, 'lines'> & { text: string } {
  if (firstInvalidUtf8Offset(bytes) >= 0) {
    const guess = detectArabicEncoding(bytes);
    if (guess.certain && guess.encoding !== 'utf-8') {
      return {
        text: decodeNamed(bytes, guess.encoding),
        encoding: guess.encoding,
        source: 'detected',
      };
    }
  }
  return { text: decodeUtf8(bytes), encoding: 'utf-8', source: 'utf-8' };
}

/** True when a line has nothing visible on it. */
export function isBlankLine(line: string): boolean {
  return BLANK.test(line);
}

function isControlByte(byte: number): boolean {
  // Tab, LF, VT, FF and CR occur in real text files.
  if (byte === 0x09 || byte === 0x0a || byte === 0x0b || byte === 0x0c || byte === 0x0d) {
    return false;
  }
  return byte < 0x20 || byte === 0x7f;
}

function refuseTooLarge(bytes: Uint8Array): void {
  if (bytes.length > MAX_CAPTURE_BYTES) throw tooLargeError(bytes.length);
}

/**
 * The refusal of a capture of `size` bytes, above MAX_CAPTURE_BYTES. Sizes
 * are in decimal megabytes as file managers print them, rounded up so that
 * a refused file never reads as within the limit.
 */
export function tooLargeError(size: number): CaptureError {
  const printed =
    size >= 1e9
      ? `${(Math.ceil(size / 1e8) / 10).toFixed(1)} GB`
      : `${(Math.ceil(size / 1e5) / 10).toFixed(1)} MB`;
  return new CaptureError(
    'CAPTURE_TOO_LARGE',
    `The file is ${printed}; a capture of one article page is at most ${MAX_CAPTURE_BYTES / 1024 / 1024} MB.`,
    { details: { bytes: size } },
  );
}

function refuseBinary(bytes: Uint8Array): void {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0 || (isControlByte(byte) && ++controls > sample.length * MAX_CONTROL_SHARE)) {
      const order = utf16WithoutMark(bytes);
      if (order) {
        throw new CaptureError(
          'CAPTURE_NOT_UTF8',
          `The file looks like UTF-16${order} text without a byte order mark, not UTF-8; save it as UTF-8 and import it again.`,
        );
      }
      throw new CaptureError('CAPTURE_BINARY', 'The file is binary, not a text capture.', {
        details: { reason: byte === 0 ? 'NUL byte in the file' : 'too many control bytes' },
      });
    }
  }
}

function refuseUtf16(bytes: Uint8Array): void {
  if (utf16ByMark(bytes)) {
    throw new CaptureError(
      'CAPTURE_NOT_UTF8',
      'The file is UTF-16 text, not UTF-8; save it as UTF-8 and import it again.',
    );
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // The default `ignoreBOM: false` strips a leading UTF-8 byte order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const offset = firstInvalidUtf8Offset(bytes);
    const where =
      offset < 0
        ? ''
        : ` (byte 0x${hex(bytes[offset] ?? 0)} at offset ${offset}, line ${lineAt(bytes, offset)})`;
    throw new CaptureError(
      'CAPTURE_NOT_UTF8',
      `The file is not valid UTF-8${where}; it may be in a legacy encoding such as windows-1256.`,
      { cause },
    );
  }
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
