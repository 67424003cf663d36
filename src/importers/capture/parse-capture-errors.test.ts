import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import {
  CaptureError,
  MAX_CAPTURE_BYTES,
  parseCapture,
  type CaptureErrorCode,
} from './parse-capture.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): CaptureError {
  try {
    parseCapture(bytes);
  } catch (error) {
    if (error instanceof CaptureError) return error;
    throw error;
  }
  throw new Error('the capture was accepted');
}

const PARAGRAPH =
  'قالت وزارة الزراعة إن موسم القمح هذا العام جاء أفضل من المتوقع بفضل الأمطار الغزيرة التي هطلت في الشتاء.';

/** `الخبر` in windows-1256, the usual legacy encoding of Arabic pages. */
const WINDOWS_1256_AL_KHABAR = [0xc7, 0xe1, 0xce, 0xc8, 0xd1];

describe('parseCapture refuses files it cannot read', () => {
  it.each<[string, Uint8Array, CaptureErrorCode]>([
    ['a file over 2 MB', new Uint8Array(MAX_CAPTURE_BYTES + 1).fill(0x41), 'CAPTURE_TOO_LARGE'],
    ['an empty file', new Uint8Array(), 'CAPTURE_EMPTY'],
    ['a file of spaces, tabs and newlines', utf8(' \n\t\r\n  \n'), 'CAPTURE_EMPTY'],
    [
      'a file of no-break spaces and a byte order mark',
      utf8('\uFEFF\u00A0 \n\u00A0\n'),
      'CAPTURE_EMPTY',
    ],
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
      'CAPTURE_BINARY',
    ],
    ['text with a NUL byte', utf8('عنوان\u0000الخبر'), 'CAPTURE_BINARY'],
    [
      'bytes that are mostly control characters',
      new Uint8Array([1, 2, 3, 4, 5, 6, 0x41, 7, 8]),
      'CAPTURE_BINARY',
    ],
    [
      'windows-1256 text',
      new Uint8Array([...utf8('title\n'), ...WINDOWS_1256_AL_KHABAR]),
      'CAPTURE_NOT_UTF8',
    ],
    [
      'UTF-16 text with its byte order mark',
      new Uint8Array([0xff, 0xfe, 0x27, 0x06, 0x44, 0x06]),
      'CAPTURE_NOT_UTF8',
    ],
    [
      'UTF-16LE text without a byte order mark',
      new Uint8Array(Buffer.from('عنوان الخبر\nنص الخبر', 'utf16le')),
      'CAPTURE_NOT_UTF8',
    ],
    [
      'UTF-8 cut in the middle of a letter',
      new Uint8Array([...utf8('خبر'), 0xd8]),
      'CAPTURE_NOT_UTF8',
    ],
    ['an overlong encoding of "/"', new Uint8Array([0x61, 0xc0, 0xaf]), 'CAPTURE_NOT_UTF8'],
    ['a single line', utf8('توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب\n'), 'CAPTURE_NO_BODY'],
    ['only page chrome', utf8('حجم الخط:\nA+ A-\nشارك\nطباعة\n'), 'CAPTURE_NO_BODY'],
    [
      'a headline and metadata but no prose',
      utf8('عنوان الخبر الرئيسي اليوم\n11:43\n236 مشاهدة\nكلمة\n'),
      'CAPTURE_NO_BODY',
    ],
    [
      'prose with no title line',
      utf8(`${PARAGRAPH}\n\n${PARAGRAPH.replace('القمح', 'الشعير')}\n`),
      'CAPTURE_NO_HEADLINE',
    ],
  ])('refuses %s', (_name, bytes, code) => {
    expect(refusal(bytes).code).toBe(code);
  });

  it('answers with HTTP 422 and an AppError that the web layer can render', () => {
    const error = refusal(new Uint8Array());

    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(422);
    expect(error.message).toBe('The file is empty.');
  });

  it('says where a windows-1256 file stops being UTF-8', () => {
    const error = refusal(new Uint8Array([...utf8('title\nabcdef'), ...WINDOWS_1256_AL_KHABAR]));

    expect(error.message).toBe(
      'The file is not valid UTF-8 (byte 0xC7 at offset 12, line 2); it may be in a legacy encoding such as windows-1256.',
    );
  });

  it.each<[CaptureErrorCode, Uint8Array, string]>([
    [
      'CAPTURE_TOO_LARGE',
      new Uint8Array(3 * 1024 * 1024),
      'The file is 3.2 MB; a capture of one article page is at most 2 MB.',
    ],
    ['CAPTURE_EMPTY', utf8('  \n'), 'The file contains only whitespace, no text.'],
    [
      'CAPTURE_BINARY',
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0]),
      'The file is binary, not a text capture.',
    ],
    [
      'CAPTURE_NO_HEADLINE',
      utf8(`${PARAGRAPH}\n${PARAGRAPH}\n`),
      'No headline was found in the file: no short title line comes before the article text.',
    ],
    [
      'CAPTURE_NO_BODY',
      utf8('عنوان\nشارك\n'),
      'No article body was found in the file: it has no paragraphs of prose.',
    ],
  ])('explains %s in one sentence', (code, bytes, message) => {
    const error = refusal(bytes);

    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
