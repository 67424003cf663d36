/**
 * Where bytes stop being text in an encoding: the offset of the first byte
 * a strict (fatal) decoder refuses, so that a refusal can name it.
 */

/**
 * The offset of the first byte that starts an ill-formed UTF-8 sequence
 * (Unicode 15, table 3-7: no overlongs, no surrogates, nothing past
 * U+10FFFF; a sequence cut short by the end is ill-formed), or -1 when the
 * bytes are well-formed UTF-8.
 *
 * @example firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc7, 0xe1])) === 1
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(lead);
    if (length === 0) return i;
    const [low, high] = secondByteRange(lead);
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return -1;
}

/** The length of the UTF-8 sequence that `lead` starts, 0 when it starts none. */
export function utf8SequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

const singleByteTables = new Map<string, Uint8Array>();

/**
 * For a single-byte encoding, a table of 256 flags, 1 for each byte value
 * its decoder refuses (ISO-8859-6 leaves 45 values unmapped); null for an
 * encoding whose characters take more than one byte.
 */
export function unmappedBytes(encoding: string): Uint8Array | null {
  const known = singleByteTables.get(encoding);
  if (known !== undefined) return known;
  const table = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++) {
    try {
      const decoder = new TextDecoder(encoding, { fatal: true });
      const text = decoder.decode(new Uint8Array([byte]), { stream: true });
      // A multi-byte encoding leaves a lead byte pending: nothing comes out.
      if (text.length === 0) return null;
    } catch {
      table[byte] = 1;
    }
  }
  singleByteTables.set(encoding, table);
  return table;
}

/**
 * The offset of the first byte of `bytes` that `encoding` (a canonical
 * name) cannot decode, or -1. Exact for UTF-8 (the start of the ill-formed
 * sequence) and single-byte encodings; for other multi-byte encodings it is
 * the byte at which the decoder found the error.
 */
export function firstInvalidOffset(bytes: Uint8Array, encoding: string): number {
  if (encoding === 'utf-8') return firstInvalidUtf8Offset(bytes);
  const table = unmappedBytes(encoding);
  if (table !== null) {
    for (let i = 0; i < bytes.length; i++) if (table[bytes[i] ?? 0] === 1) return i;
    return -1;
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return i;
    }
  }
  try {
    decoder.decode();
  } catch {
    return Math.max(0, bytes.length - 1);
  }
  return -1;
}
