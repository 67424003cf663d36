/**
 * Bytes to text for every importer that reads files or responses in
 * whatever encoding they came in: HTML pages, page captures, wire feeds.
 * Pure: no I/O. Encodings are the WHATWG Encoding standard's, as Node's
 * TextDecoder (full ICU) implements them.
 *
 * The order of evidence (decodeBytes): an encoding forced by the person
 * importing, then a byte order mark, then what the document declares (an
 * XML declaration, an HTML meta tag), then the HTTP Content-Type charset,
 * then detection among UTF-8, windows-1256 and ISO-8859-6
 * (detect-arabic-encoding.ts, which explains its rule). Decoding is always
 * strict: a byte the chosen encoding cannot read is refused, named by its
 * offset, never replaced by U+FFFD.
 */
import { canonicalEncoding } from './encoding-label.js';
import { detectArabicEncoding } from './detect-arabic-encoding.js';
import { firstInvalidOffset, firstInvalidUtf8Offset, utf8SequenceLength } from './invalid-byte.js';
import { looksLikeMojibake, mojibakeMessage } from './mojibake.js';

export { canonicalEncoding, charsetOfContentType } from './encoding-label.js';
export { htmlDeclaration, htmlDeclaredEncoding } from './html-charset-prescan.js';
export { detectArabicEncoding } from './detect-arabic-encoding.js';
export { firstInvalidUtf8Offset } from './invalid-byte.js';
export {
  looksLikeMojibake,
  MIN_MOJIBAKE_PAIRS,
  MOJIBAKE_PAIRS_PER_ARABIC_LETTER,
} from './mojibake.js';

/** Where the chosen encoding came from. */
export type EncodingSource = 'forced' | 'bom' | 'declared' | 'http' | 'detected';

/** Decoded text, its encoding's canonical WHATWG name, and why that encoding. */
export interface DecodedText {
  text: string;
  encoding: string;
  source: EncodingSource;
}

export type EncodingErrorCode =
  'ENCODING_INVALID' | 'ENCODING_UNKNOWN' | 'ENCODING_UNCERTAIN' | 'ENCODING_MOJIBAKE';

/**
 * Bytes that cannot be decoded. `message` is one English sentence: for
 * ENCODING_INVALID it names the encoding, the offset of the first bad byte
 * (from 0) and the byte in hex; for ENCODING_UNKNOWN the label; for
 * ENCODING_UNCERTAIN the best guess, and says to name the encoding; for
 * ENCODING_MOJIBAKE what garbled the Arabic and what to do (mojibake.ts).
 */
export class EncodingError extends Error {
  readonly code: EncodingErrorCode;
  /** The encoding tried (canonical name), or the unknown label. */
  readonly encoding: string | null;
  /** ENCODING_INVALID: offset of the first bad byte, from 0. */
  readonly offset: number | null;
  /** ENCODING_INVALID: that byte's value. */
  readonly byte: number | null;

  constructor(
    code: EncodingErrorCode,
    message: string,
    details: { encoding?: string | null; offset?: number | null; byte?: number | null } = {},
  ) {
    super(message);
    this.name = 'EncodingError';
    this.code = code;
    this.encoding = details.encoding ?? null;
    this.offset = details.offset ?? null;
    this.byte = details.byte ?? null;
  }
}

/** Hints for decodeBytes: labels as found (they are canonicalised here). */
export interface DecodeHints {
  /** Named by the person importing (`--encoding`); wins over everything. */
  forced?: string | null;
  /** Declared by the document itself (xmlDeclaredEncoding, htmlDeclaredEncoding). */
  declared?: string | null;
  /** The charset of the HTTP Content-Type (charsetOfContentType). */
  http?: string | null;
  /** Refuse with ENCODING_UNCERTAIN when only detection is left and it is not certain. */
  requireCertain?: boolean;
}

/**
 * Decodes `bytes` in the encoding the evidence points to, in this order:
 * forced > byte order mark (UTF-8, UTF-16LE, UTF-16BE; removed from the
 * text) > declared > HTTP charset > detection. An unknown forced or declared
 * label is refused (ENCODING_UNKNOWN); an unknown HTTP charset is ignored
 * (as browsers do). A declared encoding the bytes contradict is not second
 * guessed, except that a declared UTF-8 the bytes break is refused
 * (ENCODING_INVALID), never silently read as something else. Text that
 * reads as Arabic garbled through windows-1252 (looksLikeMojibake) is
 * refused (ENCODING_MOJIBAKE), whatever the encoding.
 *
 * @throws EncodingError ENCODING_UNKNOWN, ENCODING_INVALID (names encoding, offset and byte),
 *   ENCODING_UNCERTAIN (detection not certain and `requireCertain`), or ENCODING_MOJIBAKE.
 * @example decodeBytes(bytes, { declared: 'cp1256' }) // { text: '…', encoding: 'windows-1256', source: 'declared' }
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): DecodedText {
  const decoded = decodeByEvidence(bytes, hints);
  refuseMojibake(decoded.text, decoded.encoding, bytes);
  return decoded;
}

/**
 * Throws ENCODING_MOJIBAKE when `text`, read in `encoding`, is garbled
 * Arabic. When `bytes` (all of them) are themselves well-formed UTF-8 read
 * in a Latin encoding, the file is sound and only the encoding is wrong:
 * the message says to name UTF-8 instead.
 */
function refuseMojibake(text: string, encoding: string, bytes: Uint8Array, whole = true): void {
  if (!looksLikeMojibake(text)) return;
  const soundUtf8 = encoding !== 'utf-8' && isUtf8(bytes, whole);
  throw new EncodingError(
    'ENCODING_MOJIBAKE',
    soundUtf8
      ? `The text is UTF-8 Arabic read as ${encoding}, which garbles every letter («Ø§Ù„…» for «ال…»); name the encoding utf-8 (--encoding utf-8).`
      : mojibakeMessage(encoding),
    { encoding },
  );
}

/** True when `bytes` are well-formed UTF-8; unless `whole`, a character cut at their end is allowed. */
function isUtf8(bytes: Uint8Array, whole: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !whole });
    return true;
  } catch {
    return false;
  }
}

function decodeByEvidence(bytes: Uint8Array, hints: DecodeHints): DecodedText {
  const forced = hints.forced ?? null;
  if (forced !== null) return decodeStrict(bytes, requireKnown(forced, 'forced'), 'forced');
  const bom = byteOrderMark(bytes);
  if (bom !== null) return decodeStrict(bytes, bom, 'bom');
  const declared = hints.declared ?? null;
  if (declared !== null) return decodeStrict(bytes, requireKnown(declared, 'declared'), 'declared');
  const http =
    hints.http === null || hints.http === undefined ? null : canonicalEncoding(hints.http);
  if (http !== null) return decodeStrict(bytes, http, 'http');
  const guess = detectArabicEncoding(bytes);
  if (!guess.certain && hints.requireCertain === true) {
    throw new EncodingError(
      'ENCODING_UNCERTAIN',
      `The text declares no encoding and it cannot be told for certain (it may be ${guess.encoding}); name the encoding (e.g. --encoding windows-1256).`,
      { encoding: guess.encoding },
    );
  }
  return decodeStrict(bytes, guess.encoding, 'detected');
}

/**
 * The encoding to read one file of a batch in when the person importing
 * named one for all of them (`midad import --encoding windows-1256 *.txt`):
 * the named encoding, except that a file that is UTF-8 for certain
 * (detectArabicEncoding: well-formed, with multi-byte characters) stays
 * UTF-8, since reading it in a legacy encoding would only garble it
 * (`ط§ظ„…`); `kept` says so, for a warning. Pure ASCII reads the same in
 * every encoding named here and keeps the name.
 *
 * @throws EncodingError ENCODING_UNKNOWN for an unknown label.
 * @example encodingForFile(utf8Arabic, 'windows-1256') // { encoding: 'utf-8', kept: true }
 */
export function encodingForFile(
  bytes: Uint8Array,
  label: string,
): { encoding: string; kept: boolean } {
  const named = requireKnown(label, 'forced');
  if (named === 'utf-8' || named.startsWith('utf-16')) return { encoding: named, kept: false };
  if (bytes.every((byte) => byte < 0x80)) return { encoding: named, kept: false };
  const guess = detectArabicEncoding(bytes);
  return guess.certain && guess.encoding === 'utf-8'
    ? { encoding: 'utf-8', kept: true }
    : { encoding: named, kept: false };
}

function requireKnown(label: string, where: 'forced' | 'declared'): string {
  const encoding = canonicalEncoding(label);
  if (encoding === null) {
    const whose = where === 'forced' ? 'The encoding named' : 'The document declares the encoding';
    throw new EncodingError(
      'ENCODING_UNKNOWN',
      `${whose} «${label}», which is not a known encoding.`,
      {
        encoding: label,
      },
    );
  }
  return encoding;
}

/** The encoding a byte order mark at the start of `bytes` gives, or null. */
function byteOrderMark(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

function invalidError(encoding: string, offset: number, byte: number): EncodingError {
  return new EncodingError(
    'ENCODING_INVALID',
    `The bytes are not valid ${encoding}: byte 0x${hex(byte)} at offset ${offset} cannot be read.`,
    { encoding, offset, byte },
  );
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function decodeStrict(bytes: Uint8Array, encoding: string, source: EncodingSource): DecodedText {
  try {
    // `ignoreBOM: false` (the default) strips the mark of the encoding itself.
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return { text, encoding, source };
  } catch {
    const offset = Math.max(0, firstInvalidOffset(bytes, encoding));
    throw invalidError(encoding, offset, bytes[offset] ?? 0);
  }
}

/**
 * The encoding an XML declaration (`<?xml version="1.0" encoding="…"?>`)
 * names at the start of `head`: its canonical name, or the label as written
 * when it names no known encoding (decodeBytes then refuses it), or null
 * when there is no declaration or it names none. Bytes may start with a
 * UTF-8 byte order mark; UTF-16 with a byte order mark is read as such. A
 * declared UTF-16 in ASCII-compatible bytes cannot be true and gives utf-8.
 *
 * @example xmlDeclaredEncoding(bytes('<?xml version="1.0" encoding="ISO-8859-6"?>')) === 'iso-8859-6'
 */
export function xmlDeclaredEncoding(head: Uint8Array): string | null {
  const bom = byteOrderMark(head);
  const start = head.subarray(0, 1024);
  const text =
    bom === 'utf-16le' || bom === 'utf-16be'
      ? new TextDecoder(bom).decode(start)
      : new TextDecoder('windows-1252').decode(start).replace(/^\u00EF\u00BB\u00BF/, '');
  const declaration =
    /^\uFEFF?<\?xml[\t\n\r ][^>]*?\bencoding[\t\n\r ]*=[\t\n\r ]*(["'])([A-Za-z][\w.-]*)\1/.exec(
      text,
    );
  const label = declaration?.[2];
  if (label === undefined) return null;
  const encoding = canonicalEncoding(label);
  if (encoding === null) return label;
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && bom === null) return 'utf-8';
  return encoding;
}

/** Characters of a stream's start checked for mojibake (64 Ki): enough for many items of a feed. */
export const MOJIBAKE_SAMPLE_CHARS = 64 * 1024;

/**
 * A strict decoder for a document read in chunks (a feed as it arrives).
 * Choose the encoding first (decodeBytes on the first chunk, or
 * xmlDeclaredEncoding), then call `write` for each chunk and `end` once: a
 * character split between chunks comes out whole. A leading byte order
 * mark of the encoding is dropped.
 *
 * The first MOJIBAKE_SAMPLE_CHARS characters decoded (or all of a shorter
 * text, at `end`) are checked for Arabic garbled through windows-1252
 * (looksLikeMojibake): the write that completes them throws
 * ENCODING_MOJIBAKE.
 *
 * @throws EncodingError ENCODING_UNKNOWN from the call for an unknown label; ENCODING_INVALID
 *   from `write`/`end`, with the offset counted from the start of the stream (exact for UTF-8
 *   and single-byte encodings, the byte where the error showed for other multi-byte ones);
 *   ENCODING_MOJIBAKE from `write`/`end`.
 */
export function streamingDecoder(encoding: string): {
  write(chunk: Uint8Array): string;
  end(): string;
} {
  const name = requireKnown(encoding, 'forced');
  const decoder = new TextDecoder(name, { fatal: true });
  /** The decoded text's start and its bytes, until they are checked for mojibake (then null). */
  let sample: string | null = '';
  let sampleBytes: Uint8Array[] = [];
  const check = (text: string, chunk: Uint8Array | null): string => {
    if (sample === null) return text;
    sample += text;
    if (chunk !== null) sampleBytes.push(chunk.slice());
    if (sample.length >= MOJIBAKE_SAMPLE_CHARS || chunk === null) {
      const start = sample.slice(0, MOJIBAKE_SAMPLE_CHARS);
      const bytes = concatBytes(sampleBytes);
      sample = null;
      sampleBytes = [];
      refuseMojibake(start, name, bytes, chunk === null);
    }
    return text;
  };
  /** Bytes before the current chunk, and the last few of them (a character cut by the chunk's end). */
  let consumed = 0;
  let tail = new Uint8Array(0);

  const fail = (chunk: Uint8Array, atEnd: boolean): never => {
    const joined = new Uint8Array(tail.length + chunk.length);
    joined.set(tail);
    joined.set(chunk, tail.length);
    const base = consumed - tail.length;
    let offset = name === 'utf-8' ? firstInvalidUtf8FromTail(joined, tail.length) : -1;
    if (offset < 0) {
      const inChunk = firstInvalidOffset(chunk, name);
      offset = inChunk >= 0 ? tail.length + inChunk : atEnd ? joined.length - 1 : tail.length;
    }
    throw invalidError(name, base + Math.max(0, offset), joined[Math.max(0, offset)] ?? 0);
  };

  return {
    write(chunk) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return fail(chunk, false);
      }
      consumed += chunk.length;
      const keep = Math.min(3, consumed);
      const joined = new Uint8Array(tail.length + chunk.length);
      joined.set(tail);
      joined.set(chunk, tail.length);
      tail = joined.slice(joined.length - keep);
      return check(text, chunk);
    },
    end() {
      let text: string;
      try {
        text = decoder.decode();
      } catch {
        return fail(new Uint8Array(0), true);
      }
      return check(text, null);
    },
  };
}

/**
 * The first ill-formed UTF-8 sequence in `joined` (the kept tail of earlier
 * chunks, then the new chunk), looking from a sequence start within the
 * tail.
 */
function firstInvalidUtf8FromTail(joined: Uint8Array, tailLength: number): number {
  // Find where the character that the tail may have cut begins.
  let start = tailLength;
  for (let i = Math.max(0, tailLength - 3); i < tailLength; i++) {
    const length = utf8SequenceLength(joined[i] ?? 0);
    if (length > 1 && i + length > tailLength) {
      start = i;
      break;
    }
  }
  const offset = firstInvalidUtf8Offset(joined.subarray(start));
  // The decoder threw, so an error lies before any incomplete last character.
  return offset < 0 ? -1 : start + offset;
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}
