/**
 * Encoding labels as the WHATWG Encoding standard defines them (the table
 * of labels in §4.2, which Node's TextDecoder implements): `cp1256` and
 * `windows-1256` name one encoding, `arabic`, `ISO_8859-6` and `iso-8859-6`
 * another, `latin1` and `iso-8859-1` both mean windows-1252.
 */

/**
 * The canonical (WHATWG) name of the encoding `label` names, or null when
 * the label is unknown, or names the "replacement" encoding (ISO-2022-KR
 * and the like, which no decoder reads).
 *
 * @example canonicalEncoding(' CP1256 ') === 'windows-1256'
 * @example canonicalEncoding('ISO_8859-6') === 'iso-8859-6'
 * @example canonicalEncoding('klingon') === null
 */
export function canonicalEncoding(label: string): string | null {
  const trimmed = label.trim();
  if (trimmed === '') return null;
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}

/**
 * The charset parameter of a Content-Type header value (RFC 9110 §8.3.1:
 * parameter names are case-insensitive, values may be quoted strings), as
 * written, or null when there is none.
 *
 * @example charsetOfContentType('text/html; Charset="windows-1256"') === 'windows-1256'
 */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  if (contentType === null || contentType === undefined) return null;
  const parameter = /;\s*charset\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentType);
  if (parameter === null) return null;
  const value = (parameter[1]?.replace(/\\(.)/g, '$1') ?? parameter[2] ?? '').trim();
  return value === '' ? null : value;
}
