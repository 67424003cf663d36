/**
 * Telling UTF-16 text from binary. Windows tools ("Unicode" in Notepad,
 * PowerShell's `>`) save UTF-16LE, sometimes without a byte order mark; the
 * NUL high bytes of its ASCII characters would otherwise make it look binary.
 *
 * Without a mark, the bytes are read as 16-bit code units both ways: text is
 * UTF-16 in the order where almost every unit is a character a capture
 * holds (ASCII, Latin-1, the Arabic blocks U+0600–U+08FF, Arabic
 * presentation forms, general punctuation and direction marks). Binary data
 * and UTF-8 text read as UTF-16 give CJK and private-use units instead.
 */
export type Utf16Order = 'LE' | 'BE';

/** Share of code units that must be plausible text. */
const MIN_TEXT_SHARE = 0.9;
/** Fewer code units than this say nothing. */
const MIN_UNITS = 4;
const SNIFF_BYTES = 64 * 1024;

/**
 * The byte order of UTF-16 text given by its byte order mark, or null.
 *
 * @example utf16ByMark(new Uint8Array([0xff, 0xfe, 0x27, 0x06])) === 'LE'
 */
export function utf16ByMark(bytes: Uint8Array): Utf16Order | null {
  const [first, second] = bytes;
  if (first === 0xff && second === 0xfe) return 'LE';
  if (first === 0xfe && second === 0xff) return 'BE';
  return null;
}

/**
 * The byte order in which `bytes`, without a mark, read as UTF-16 text, or null.
 *
 * @example utf16WithoutMark(new Uint8Array([0x27, 0x06, 0x20, 0x00, 0x44, 0x06, 0x0a, 0x00])) === 'LE'
 */
export function utf16WithoutMark(bytes: Uint8Array): Utf16Order | null {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const units = Math.floor(sample.length / 2);
  if (units < MIN_UNITS) return null;
  let little = 0;
  let big = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const a = sample[i] ?? 0;
    const b = sample[i + 1] ?? 0;
    if (isTextUnit(a | (b << 8))) little++;
    if (isTextUnit((a << 8) | b)) big++;
  }
  if (little >= units * MIN_TEXT_SHARE && little >= big) return 'LE';
  if (big >= units * MIN_TEXT_SHARE) return 'BE';
  return null;
}

function isTextUnit(unit: number): boolean {
  return (
    unit === 0x09 ||
    unit === 0x0a ||
    unit === 0x0d ||
    (unit >= 0x20 && unit <= 0x7e) ||
    (unit >= 0xa0 && unit <= 0xff) ||
    (unit >= 0x0600 && unit <= 0x08ff) ||
    (unit >= 0x2000 && unit <= 0x206f) ||
    (unit >= 0xfb50 && unit <= 0xfdff) ||
    (unit >= 0xfe70 && unit <= 0xfeff)
  );
}
