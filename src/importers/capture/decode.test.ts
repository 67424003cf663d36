import { describe, expect, it } from 'vitest';
import { decodeCaptureLines, firstInvalidUtf8Offset } from './decode.js';

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
