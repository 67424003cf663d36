import { describe, expect, it } from 'vitest';
import { CaptureError } from './capture-error.js';
import {
  MAX_CAPTURE_BYTES,
  decodeCapture,
  decodeCaptureLines,
  firstInvalidUtf8Offset,
} from './decode.js';
import { utf16WithoutMark } from './utf16.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeCaptureLines', () => {
  it('splits LF, CRLF and CR line endings and trims each line', () => {
    expect(decodeCaptureLines(utf8('أ \r\nب\rج\n  د'))).toEqual(['أ', 'ب', 'ج', 'د']);
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeCaptureLines(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('خبر')]))).toEqual(['خبر']);
  });

  it('cleans each line: presentation forms folded, no-break spaces made spaces', () => {
    expect(decodeCaptureLines(utf8('نظام \uFEF7سد\u00A0اليوم\u00A0'))).toEqual(['نظام لأسد اليوم']);
  });

  it('keeps spelling, tanween and shadda as printed', () => {
    expect(decodeCaptureLines(utf8('أقرأ أيضا: غداً أيّ'))).toEqual(['أقرأ أيضا: غداً أيّ']);
  });
});

const TEXT =
  'انقطاع الكهرباء عن مناطق واسعة في حلب\n12/03/2024 10:00\nhttps://halab.example/a/880001\n';
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => utf16le(text).map((_, i, b) => b[i ^ 1] ?? 0);

function refusal(bytes: Uint8Array): CaptureError {
  try {
    decodeCaptureLines(bytes);
  } catch (error) {
    if (error instanceof CaptureError) return error;
    throw error;
  }
  throw new Error('the bytes were accepted');
}

describe('decodeCaptureLines refuses UTF-16 without a byte order mark', () => {
  it.each([
    ['UTF-16LE', utf16le(TEXT)],
    ['UTF-16BE', utf16be(TEXT)],
    ['UTF-16LE of Arabic with no space or digit', utf16le('الخبرالعاجل')],
    ['UTF-16LE of English', utf16le('Power cut in Aleppo\n')],
  ])('calls %s UTF-16, not binary', (order, bytes) => {
    const error = refusal(bytes);

    expect(error.code).toBe('CAPTURE_NOT_UTF8');
    expect(error.message).toBe(
      `The file looks like ${order.slice(0, 8)} text without a byte order mark, not UTF-8; save it as UTF-8 and import it again.`,
    );
  });

  it.each([
    ['UTF-8 Arabic with a NUL byte', new TextEncoder().encode('عنوان\u0000الخبر')],
    ['a PDF header', new TextEncoder().encode('%PDF-1.4 \u0000\u0001\u0002 hello')],
    ['random bytes', new Uint8Array([0x8d, 0xd3, 0xbe, 0x28, 0xd2, 0x04, 0xb3, 0x1b, 0x00, 0x78])],
  ])('still calls %s binary', (_name, bytes) => {
    expect(refusal(bytes).code).toBe('CAPTURE_BINARY');
  });

  it('does not take UTF-8 text for UTF-16', () => {
    expect(utf16WithoutMark(new TextEncoder().encode(TEXT))).toBeNull();
    expect(utf16WithoutMark(new TextEncoder().encode('      \n  \t  '))).toBeNull();
  });
});

describe('decodeCaptureLines refuses a file too large for one page', () => {
  it.each([
    [MAX_CAPTURE_BYTES + 1, 'The file is 2.1 MB; a capture of one article page is at most 2 MB.'],
    [5_000_000, 'The file is 5.0 MB; a capture of one article page is at most 2 MB.'],
    [87_200_842, 'The file is 87.3 MB; a capture of one article page is at most 2 MB.'],
  ])('refuses %i bytes before reading them', (length, message) => {
    const error = refusal(new Uint8Array(length));

    expect(error.code).toBe('CAPTURE_TOO_LARGE');
    expect(error.message).toBe(message);
  });

  it('reads a file of exactly the largest size', () => {
    const line = new TextEncoder().encode('خبر\n');
    const bytes = new Uint8Array(MAX_CAPTURE_BYTES).fill(0x20);
    bytes.set(line);

    expect(decodeCaptureLines(bytes)[0]).toBe('خبر');
  });
});

describe('firstInvalidUtf8Offset', () => {
  it.each<[string, number[], number]>([
    ['ASCII', [0x61, 0x62], -1],
    ['Arabic letters', [...utf8('إدلب')], -1],
    ['a four-byte emoji', [...utf8('😀')], -1],
    ['a windows-1256 alef before a lam', [0x61, 0xc7, 0xe1], 1],
    ['a lone continuation byte', [0x80], 0],
    ['an overlong two-byte sequence', [0xc0, 0xaf], 0],
    ['an overlong three-byte sequence', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut at the end', [0x61, 0xd8], 1],
  ])('%s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8Offset(new Uint8Array(bytes))).toBe(offset);
  });
});

describe('decodeCapture in a legacy Arabic encoding', () => {
  /** `text` in a single-byte encoding, by inverting its decoder over the 256 byte values. */
  function encodeSingleByte(text: string, encoding: string): Uint8Array {
    const table = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      try {
        const char = new TextDecoder(encoding, { fatal: true }).decode(new Uint8Array([byte]));
        if (!table.has(char)) table.set(char, byte);
      } catch {
        // unmapped
      }
    }
    return new Uint8Array([...text].map((char) => table.get(char) ?? 0x3f));
  }

  const CAPTURE =
    'انقطاع الكهرباء عن مناطق واسعة في حلب\r\n\r\nقالت مصادر محلية إن الكهرباء انقطعت عن الأحياء الشرقية من المدينة منذ صباح اليوم بسبب عطل في المحطة الرئيسية.\r\n';
  const lines = ['انقطاع الكهرباء عن مناطق واسعة في حلب', '', CAPTURE.split('\r\n')[2], ''];

  it('reads windows-1256 when it is named', () => {
    expect(
      decodeCapture(encodeSingleByte(CAPTURE, 'windows-1256'), { encoding: 'cp1256' }),
    ).toEqual({
      lines,
      encoding: 'windows-1256',
      source: 'forced',
    });
  });

  it('reads windows-1256 and ISO-8859-6 news text detected for certain', () => {
    for (const encoding of ['windows-1256', 'iso-8859-6']) {
      expect(decodeCapture(encodeSingleByte(CAPTURE, encoding))).toEqual({
        lines,
        encoding,
        source: 'detected',
      });
    }
  });

  it('refuses short legacy text it cannot tell for certain, as before', () => {
    const error = refusal(encodeSingleByte('الخبر\nنص', 'windows-1256'));
    expect(error.code).toBe('CAPTURE_NOT_UTF8');
    expect(error.message).toBe(
      'The file is not valid UTF-8 (byte 0xC7 at offset 0, line 1); it may be in a legacy encoding such as windows-1256.',
    );
  });

  it('refuses a byte the named encoding cannot read, naming it', () => {
    // ق is 0xDE in windows-1256, a byte ISO-8859-6 leaves unmapped.
    const bytes = encodeSingleByte('خبر\nقال', 'windows-1256');
    let error: unknown;
    try {
      decodeCapture(bytes, { encoding: 'iso-8859-6' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe('CAPTURE_ENCODING_INVALID');
    expect((error as CaptureError).message).toBe(
      'The file is not valid iso-8859-6 (byte 0xDE at offset 4, line 2).',
    );
  });

  it('keeps a UTF-8 file UTF-8 when a legacy encoding is named for the batch', () => {
    expect(decodeCapture(utf8(CAPTURE), { encoding: 'windows-1256' })).toEqual({
      lines,
      encoding: 'utf-8',
      source: 'utf-8-kept',
    });
  });
});

describe('garbled Arabic (mojibake)', () => {
  // «عاجل: أمطار غزيرة في الساحل» once decoded as windows-1252, saved again as UTF-8.
  const GARBLED = 'Ø¹Ø§Ø¬Ù„: Ø£Ù…Ø·Ø§Ø± ØºØ²ÙŠØ±Ø© ÙÙŠ Ø§Ù„Ø³Ø§Ø­Ù„';

  it('refuses it, saying what happened and what to do', () => {
    let error: unknown;
    try {
      decodeCapture(utf8(`${GARBLED}\n${GARBLED}`));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CaptureError);
    expect([(error as CaptureError).code, (error as CaptureError).message]).toEqual([
      'CAPTURE_ENCODING_INVALID',
      "The text is garbled Arabic («Ø§Ù„…» for «ال…»): the file's Arabic was once decoded as windows-1252 and saved again as UTF-8, so every letter became two Latin ones; it cannot be read back reliably. Ask for the original file, or save the page again from the source.",
    ]);
  });
});
