import { describe, expect, it } from 'vitest';
import {
  EncodingError,
  canonicalEncoding,
  charsetOfContentType,
  decodeBytes,
  detectArabicEncoding,
  encodingForFile,
  htmlDeclaration,
  htmlDeclaredEncoding,
  looksLikeMojibake,
  MOJIBAKE_SAMPLE_CHARS,
  streamingDecoder,
  xmlDeclaredEncoding,
} from './text-encoding.js';

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
  return new Uint8Array(
    [...text].map((char) => {
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`«${char}» is not in ${encoding}`);
      return byte;
    }),
  );
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf8 = ascii;

function refusal(run: () => unknown): EncodingError {
  try {
    run();
  } catch (error) {
    if (error instanceof EncodingError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** News text with ف ق ك غ (unmapped bytes in ISO-8859-6 when saved as windows-1256). */
const NEWS =
  'قال وزير الخارجية إن المحادثات مع الجانب الآخر ستستأنف الأسبوع المقبل في العاصمة، وأضاف أن الوفد يضم خبراء في الاقتصاد والطاقة.';
/** News text whose windows-1256 bytes are all mapped in ISO-8859-6 (no غ ف ق ك ـ). */
const PLAIN =
  'وصل المدير الجديد إلى مدينة الرياض مساء السبت لحضور الاجتماع السنوي للمجلس مع الوزير والسيد';

describe('canonicalEncoding', () => {
  it('maps WHATWG labels to canonical names', () => {
    expect(canonicalEncoding('cp1256')).toBe('windows-1256');
    expect(canonicalEncoding(' Windows-1256 ')).toBe('windows-1256');
    expect(canonicalEncoding('ISO_8859-6')).toBe('iso-8859-6');
    expect(canonicalEncoding('arabic')).toBe('iso-8859-6');
    expect(canonicalEncoding('utf8')).toBe('utf-8');
    expect(canonicalEncoding('latin1')).toBe('windows-1252');
  });

  it('knows no made-up label, no empty one and no replacement encoding', () => {
    expect(canonicalEncoding('klingon')).toBeNull();
    expect(canonicalEncoding('')).toBeNull();
    expect(canonicalEncoding('iso-2022-kr')).toBeNull();
  });
});

describe('charsetOfContentType', () => {
  it('reads the charset parameter, quoted or not, in any case', () => {
    expect(charsetOfContentType('text/html; charset=windows-1256')).toBe('windows-1256');
    expect(charsetOfContentType('text/xml;Charset="ISO-8859-6"; q=1')).toBe('ISO-8859-6');
  });

  it('is null without one', () => {
    expect(charsetOfContentType('text/html')).toBeNull();
    expect(charsetOfContentType(null)).toBeNull();
    expect(charsetOfContentType(undefined)).toBeNull();
  });
});

describe('htmlDeclaration', () => {
  it('gives the label as the page wrote it (lower-cased, trimmed) and the encoding it means', () => {
    expect(htmlDeclaration(ascii('<meta charset=" ISO-8859-1 ">'))).toEqual({
      label: 'iso-8859-1',
      encoding: 'windows-1252',
    });
    expect(
      htmlDeclaration(
        ascii('<meta http-equiv="Content-Type" content="text/html; charset=CP1256">'),
      ),
    ).toEqual({ label: 'cp1256', encoding: 'windows-1256' });
    expect(htmlDeclaration(ascii('<meta charset="utf-16">'))).toEqual({
      label: 'utf-16',
      encoding: 'utf-8',
    });
    expect(htmlDeclaration(ascii('<meta charset="nonsense"><p>'))).toBeNull();
  });
});

describe('htmlDeclaredEncoding', () => {
  it('reads <meta charset>', () => {
    expect(htmlDeclaredEncoding(ascii('<!doctype html><html><head><meta charset="cp1256">'))).toBe(
      'windows-1256',
    );
    expect(htmlDeclaredEncoding(ascii('<META CHARSET=utf-8>'))).toBe('utf-8');
  });

  it('reads http-equiv Content-Type with a charset in its content', () => {
    const page =
      '<html><head><title>x</title><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head>';
    expect(htmlDeclaredEncoding(ascii(page))).toBe('windows-1256');
    expect(
      htmlDeclaredEncoding(
        ascii(`<meta content='text/html;charset=ISO-8859-6' http-equiv='content-type'>`),
      ),
    ).toBe('iso-8859-6');
  });

  it('ignores a content charset without http-equiv, comments, and other tags’ attributes', () => {
    expect(
      htmlDeclaredEncoding(ascii('<meta content="text/html; charset=windows-1256">')),
    ).toBeNull();
    expect(
      htmlDeclaredEncoding(ascii('<!-- <meta charset="windows-1256"> --><meta charset="utf-8">')),
    ).toBe('utf-8');
    expect(
      htmlDeclaredEncoding(ascii('<div data-x=\'<meta charset="iso-8859-6">\'></div>')),
    ).toBeNull();
  });

  it('reads a declared UTF-16 as UTF-8 and skips an unknown label', () => {
    expect(htmlDeclaredEncoding(ascii('<meta charset="utf-16">'))).toBe('utf-8');
    expect(htmlDeclaredEncoding(ascii('<meta charset="nonsense"><meta charset="cp1256">'))).toBe(
      'windows-1256',
    );
  });

  it('finds a meta tag after long scripts (past the standard’s 1024 bytes)', () => {
    const page = `<head><script>${'var a = 1;\n'.repeat(300)}</script><meta charset="windows-1256">`;
    expect(htmlDeclaredEncoding(ascii(page))).toBe('windows-1256');
  });
});

describe('xmlDeclaredEncoding', () => {
  it('reads the XML declaration', () => {
    expect(xmlDeclaredEncoding(ascii('<?xml version="1.0" encoding="ISO-8859-6"?><rss/>'))).toBe(
      'iso-8859-6',
    );
    expect(
      xmlDeclaredEncoding(
        new Uint8Array([
          0xef,
          0xbb,
          0xbf,
          ...ascii("<?xml version='1.0' encoding='windows-1256'?>"),
        ]),
      ),
    ).toBe('windows-1256');
  });

  it('is null without a declaration or an encoding in it; gives an unknown label as written', () => {
    expect(xmlDeclaredEncoding(ascii('<?xml version="1.0"?><rss/>'))).toBeNull();
    expect(xmlDeclaredEncoding(ascii('<rss encoding="cp1256"/>'))).toBeNull();
    expect(xmlDeclaredEncoding(ascii('<?xml version="1.0" encoding="x-klingon"?>'))).toBe(
      'x-klingon',
    );
  });

  it('reads UTF-16 with its mark, and a UTF-16 declaration in ASCII bytes as UTF-8', () => {
    const decl = '<?xml version="1.0" encoding="UTF-16"?>';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(decl, 'utf16le')]);
    expect(xmlDeclaredEncoding(le)).toBe('utf-16le');
    expect(xmlDeclaredEncoding(ascii(decl))).toBe('utf-8');
  });
});

describe('detectArabicEncoding', () => {
  it('takes pure ASCII for certain UTF-8', () => {
    expect(detectArabicEncoding(ascii('Damascus, 4 Dec (Midad)'))).toEqual({
      encoding: 'utf-8',
      certain: true,
    });
  });

  it('takes well-formed Arabic UTF-8 for certain, one lone sequence only as a guess', () => {
    expect(detectArabicEncoding(utf8(NEWS))).toEqual({ encoding: 'utf-8', certain: true });
    expect(detectArabicEncoding(utf8('Café opens'))).toEqual({ encoding: 'utf-8', certain: false });
  });

  it('tells windows-1256 news text for certain (ISO-8859-6 cannot read ف ق ك)', () => {
    expect(detectArabicEncoding(encodeSingleByte(NEWS, 'windows-1256'))).toEqual({
      encoding: 'windows-1256',
      certain: true,
    });
  });

  it('tells ISO-8859-6 news text for certain', () => {
    expect(detectArabicEncoding(encodeSingleByte(NEWS, 'iso-8859-6'))).toEqual({
      encoding: 'iso-8859-6',
      certain: true,
    });
  });

  it('tells the two apart by letter statistics when both decode every byte', () => {
    const windows = encodeSingleByte(PLAIN, 'windows-1256');
    const iso = encodeSingleByte(PLAIN, 'iso-8859-6');
    // Both readings decode without an unmapped byte …
    expect(() => new TextDecoder('iso-8859-6', { fatal: true }).decode(windows)).not.toThrow();
    expect(() => new TextDecoder('windows-1256', { fatal: true }).decode(iso)).not.toThrow();
    // … yet only one reads as Arabic.
    expect(detectArabicEncoding(windows)).toEqual({ encoding: 'windows-1256', certain: true });
    expect(detectArabicEncoding(iso)).toEqual({ encoding: 'iso-8859-6', certain: true });
  });

  it('only guesses from a few words', () => {
    expect(detectArabicEncoding(encodeSingleByte('الوزير الجديد', 'windows-1256'))).toEqual({
      encoding: 'windows-1256',
      certain: false,
    });
    expect(detectArabicEncoding(encodeSingleByte('الوزير الجديد', 'iso-8859-6'))).toEqual({
      encoding: 'iso-8859-6',
      certain: false,
    });
  });

  it('only guesses for legacy bytes that are not Arabic', () => {
    expect(detectArabicEncoding(encodeSingleByte('Le café à Paris', 'windows-1256'))).toEqual({
      encoding: 'windows-1256',
      certain: false,
    });
  });
});

describe('decodeBytes', () => {
  const windowsNews = encodeSingleByte(NEWS, 'windows-1256');

  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeBytes(utf8(NEWS), {})).toEqual({
      text: NEWS,
      encoding: 'utf-8',
      source: 'detected',
    });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(NEWS)]), {})).toEqual({
      text: NEWS,
      encoding: 'utf-8',
      source: 'bom',
    });
  });

  it('reads UTF-16 by its byte order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('خبر', 'utf16le')]);
    expect(decodeBytes(le, { declared: 'windows-1256' })).toEqual({
      text: 'خبر',
      encoding: 'utf-16le',
      source: 'bom',
    });
  });

  it('follows forced > BOM > declared > HTTP > detected', () => {
    expect(
      decodeBytes(windowsNews, { forced: 'cp1256', declared: 'utf-8', http: 'utf-8' }),
    ).toEqual({
      text: NEWS,
      encoding: 'windows-1256',
      source: 'forced',
    });
    expect(decodeBytes(windowsNews, { declared: 'windows-1256', http: 'utf-8' })).toEqual({
      text: NEWS,
      encoding: 'windows-1256',
      source: 'declared',
    });
    expect(decodeBytes(windowsNews, { http: 'Windows-1256' })).toEqual({
      text: NEWS,
      encoding: 'windows-1256',
      source: 'http',
    });
    expect(decodeBytes(windowsNews, { http: 'no-such-charset' })).toEqual({
      text: NEWS,
      encoding: 'windows-1256',
      source: 'detected',
    });
  });

  it('does not second-guess a declaration the bytes contradict', () => {
    const read = decodeBytes(windowsNews, { declared: 'iso-8859-1' });
    expect(read.encoding).toBe('windows-1252');
    expect(read.text.startsWith('ÞÇá')).toBe(true);
  });

  it('refuses a declared UTF-8 the bytes break, naming offset and byte', () => {
    const bytes = new Uint8Array([...ascii('<p>'), ...windowsNews]);
    const error = refusal(() => decodeBytes(bytes, { declared: 'utf-8' }));
    expect(error.code).toBe('ENCODING_INVALID');
    expect(error.message).toBe(
      'The bytes are not valid utf-8: byte 0xDE at offset 3 cannot be read.',
    );
    expect([error.encoding, error.offset, error.byte]).toEqual(['utf-8', 3, 0xde]);
  });

  it('refuses a byte ISO-8859-6 leaves unmapped, naming it', () => {
    // ق is 0xDE in windows-1256, unmapped in ISO-8859-6.
    const error = refusal(() => decodeBytes(windowsNews, { forced: 'iso-8859-6' }));
    expect(error.code).toBe('ENCODING_INVALID');
    expect(error.message).toBe(
      'The bytes are not valid iso-8859-6: byte 0xDE at offset 0 cannot be read.',
    );
  });

  it('refuses an unknown forced or declared label', () => {
    const forced = refusal(() => decodeBytes(windowsNews, { forced: 'arabic-dos' }));
    expect(forced.code).toBe('ENCODING_UNKNOWN');
    expect(forced.message).toBe('The encoding named «arabic-dos», which is not a known encoding.');
    expect(refusal(() => decodeBytes(windowsNews, { declared: 'x-klingon' })).code).toBe(
      'ENCODING_UNKNOWN',
    );
  });

  it('refuses an uncertain detection when certainty is required, otherwise uses the guess', () => {
    const few = encodeSingleByte('الوزير الجديد', 'windows-1256');
    const error = refusal(() => decodeBytes(few, { requireCertain: true }));
    expect(error.code).toBe('ENCODING_UNCERTAIN');
    expect(error.encoding).toBe('windows-1256');
    expect(decodeBytes(few, {})).toEqual({
      text: 'الوزير الجديد',
      encoding: 'windows-1256',
      source: 'detected',
    });
    expect(decodeBytes(windowsNews, { requireCertain: true }).encoding).toBe('windows-1256');
  });
});

describe('encodingForFile', () => {
  it('gives the encoding named, but keeps a file that is UTF-8 for certain', () => {
    expect(encodingForFile(encodeSingleByte(NEWS, 'windows-1256'), 'cp1256')).toEqual({
      encoding: 'windows-1256',
      kept: false,
    });
    expect(encodingForFile(utf8(NEWS), 'windows-1256')).toEqual({ encoding: 'utf-8', kept: true });
    expect(encodingForFile(ascii('plain'), 'windows-1256')).toEqual({
      encoding: 'windows-1256',
      kept: false,
    });
    expect(encodingForFile(utf8(NEWS), 'utf-8')).toEqual({ encoding: 'utf-8', kept: false });
  });

  it('refuses an unknown label', () => {
    expect(refusal(() => encodingForFile(ascii('x'), 'nope')).code).toBe('ENCODING_UNKNOWN');
  });
});

describe('streamingDecoder', () => {
  it('joins a character split between chunks', () => {
    const bytes = utf8('خبر عاجل');
    const decoder = streamingDecoder('utf-8');
    let text = '';
    for (let i = 0; i < bytes.length; i += 3) text += decoder.write(bytes.subarray(i, i + 3));
    text += decoder.end();
    expect(text).toBe('خبر عاجل');
  });

  it('drops a byte order mark and decodes a single-byte encoding', () => {
    const decoder = streamingDecoder('cp1256');
    expect(decoder.write(encodeSingleByte('خبر', 'windows-1256')) + decoder.end()).toBe('خبر');
    const utf = streamingDecoder('utf-8');
    expect(utf.write(new Uint8Array([0xef, 0xbb, 0xbf, ...ascii('a')])) + utf.end()).toBe('a');
  });

  it('names the offset from the start of the stream', () => {
    const decoder = streamingDecoder('utf-8');
    decoder.write(ascii('abcd'));
    decoder.write(new Uint8Array([0xd8])); // the first byte of «ا», cut by the chunk
    const error = refusal(() => decoder.write(new Uint8Array([0xa7, 0x20, 0xff])));
    expect([error.code, error.offset, error.byte]).toEqual(['ENCODING_INVALID', 7, 0xff]);

    const iso = streamingDecoder('iso-8859-6');
    iso.write(ascii('abc'));
    expect(refusal(() => iso.write(new Uint8Array([0x41, 0xde]))).offset).toBe(4);
  });

  it('refuses a character cut by the end of the stream', () => {
    const decoder = streamingDecoder('utf-8');
    decoder.write(ascii('ab'));
    decoder.write(new Uint8Array([0xd8]));
    const error = refusal(() => decoder.end());
    expect([error.offset, error.byte]).toEqual([2, 0xd8]);
  });
});

/** What windows-1252 reads in the bytes 0x80–0x9F (Node's decoder reads them as ISO-8859-1 does). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Arabic UTF-8 decoded once as windows-1252 (the damage looksLikeMojibake finds). */
const garble = (text: string): string =>
  [...new TextEncoder().encode(text)]
    .map((byte) =>
      byte >= 0x80 && byte <= 0x9f
        ? WINDOWS_1252_HIGH.charAt(byte - 0x80)
        : String.fromCharCode(byte),
    )
    .join('');

const MOJIBAKE_MESSAGE =
  "The text is garbled Arabic («Ø§Ù„…» for «ال…»): the file's Arabic was once decoded as windows-1252 and saved again as UTF-8, so every letter became two Latin ones; it cannot be read back reliably. Ask for the original file, or save the page again from the source.";

describe('looksLikeMojibake', () => {
  it('finds Arabic garbled through windows-1252, written out', () => {
    expect(garble('الأمطار')).toBe('Ø§Ù„Ø£Ù…Ø·Ø§Ø±');
    expect(looksLikeMojibake('Ø§Ù„Ø£Ù…Ø·Ø§Ø±')).toBe(true);
    expect(looksLikeMojibake(garble(NEWS))).toBe(true);
    // ISO-8859-1 leaves C1 controls where windows-1252 has its specials.
    expect(looksLikeMojibake(new TextDecoder('latin1').decode(utf8(NEWS)))).toBe(true);
    expect(looksLikeMojibake(`<p>${garble(PLAIN)}</p> <a href="/x">more</a>`)).toBe(true);
  });

  it('accepts real Arabic, Latin text and a short or quoted garbled word', () => {
    expect(looksLikeMojibake(NEWS)).toBe(false);
    expect(looksLikeMojibake('Ørsted åbner et nyt kontor i København «Øst».')).toBe(false);
    expect(looksLikeMojibake(garble('خبر'))).toBe(false); // 3 pairs: fewer than 5
    expect(looksLikeMojibake(garble('خبر عاجل'))).toBe(true); // 7 pairs
    // A real Arabic text quoting a garbled line: 31 pairs, over 100 real letters.
    expect(looksLikeMojibake(`${NEWS} ${garble('قال وزير الخارجية إن المحادثات')}`)).toBe(false);
  });
});

describe('decodeBytes and mojibake', () => {
  it('refuses garbled Arabic saved as UTF-8, with what happened and what to do', () => {
    const error = refusal(() => decodeBytes(utf8(garble(NEWS)), { declared: 'utf-8' }));
    expect([error.code, error.encoding, error.message]).toEqual([
      'ENCODING_MOJIBAKE',
      'utf-8',
      MOJIBAKE_MESSAGE,
    ]);
  });

  it('tells sound UTF-8 read as windows-1252 to be read as UTF-8', () => {
    const error = refusal(() => decodeBytes(utf8(NEWS), { declared: 'iso-8859-1' }));
    expect([error.code, error.message]).toEqual([
      'ENCODING_MOJIBAKE',
      'The text is UTF-8 Arabic read as windows-1252, which garbles every letter («Ø§Ù„…» for «ال…»); name the encoding utf-8 (--encoding utf-8).',
    ]);
  });

  it('reads the same text in UTF-8 as it is', () => {
    expect(decodeBytes(utf8(NEWS), { forced: 'utf-8' }).text).toBe(NEWS);
  });
});

describe('streamingDecoder and mojibake', () => {
  it('refuses when the start of the stream is garbled Arabic, at the end of a short one', () => {
    const decoder = streamingDecoder('utf-8');
    expect(decoder.write(utf8(`<nitf><p>${garble(NEWS)}</p>`))).toContain('Ø');
    const error = refusal(() => decoder.end());
    expect([error.code, error.message]).toEqual(['ENCODING_MOJIBAKE', MOJIBAKE_MESSAGE]);
  });

  it('tells sound UTF-8 bytes read as windows-1252 to be read as UTF-8', () => {
    const bytes = utf8(`<rss><item>${NEWS}</item></rss>`);
    const decoder = streamingDecoder('iso-8859-1');
    // The first chunk ends inside «ق» (two bytes).
    expect(() => decoder.write(bytes.subarray(0, 12))).not.toThrow();
    decoder.write(bytes.subarray(12));
    expect(refusal(() => decoder.end()).message).toBe(
      'The text is UTF-8 Arabic read as windows-1252, which garbles every letter («Ø§Ù„…» for «ال…»); name the encoding utf-8 (--encoding utf-8).',
    );
  });

  it('tells the same when the 64 Ki characters end inside a UTF-8 character', () => {
    const news = utf8(NEWS);
    // A cut inside a two-byte letter: its first half is an invalid end.
    const cut = [201, 202].find((n) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(news.subarray(0, n));
        return false;
      } catch {
        return true;
      }
    });
    const decoder = streamingDecoder('windows-1252');
    decoder.write(utf8('a'.repeat(MOJIBAKE_SAMPLE_CHARS - 100)));
    expect(refusal(() => decoder.write(news.subarray(0, cut))).message).toMatch(
      /^The text is UTF-8 Arabic read as windows-1252/u,
    );
  });

  it('checks the first 64 Ki characters as soon as they are decoded, and no more', () => {
    const filler = 'a'.repeat(MOJIBAKE_SAMPLE_CHARS - 100);
    const decoder = streamingDecoder('utf-8');
    decoder.write(utf8(filler));
    expect(refusal(() => decoder.write(utf8(garble(NEWS)))).code).toBe('ENCODING_MOJIBAKE');

    const late = streamingDecoder('utf-8');
    late.write(utf8(`${filler}${'b'.repeat(100)}`));
    expect(late.write(utf8(garble(NEWS))) + late.end()).toBe(garble(NEWS));
  });
});
