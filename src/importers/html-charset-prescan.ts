/**
 * The encoding an HTML page declares in its markup, found the way browsers
 * find it before parsing: the WHATWG HTML standard's "prescan a byte stream
 * to determine its encoding" (§13.2.3.2), over bytes, without decoding.
 * Comments, other tags and processing instructions are skipped so that a
 * `charset` inside a comment or a script's string is never read.
 *
 * One difference, on purpose: the standard stops after 1024 bytes; old
 * CMSs' saved pages put long inline scripts and styles before their meta
 * tag, so HTML_PRESCAN_BYTES bytes are read (Chromium also reads past 1024
 * bytes before it gives up).
 */
import { canonicalEncoding } from './encoding-label.js';

/** How far into a page the prescan looks, in bytes. */
export const HTML_PRESCAN_BYTES = 16 * 1024;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

function isSpace(byte: number | undefined): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}

function isLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

function startsWithAt(bytes: Uint8Array, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) {
    const byte = bytes[at + i];
    if (byte === undefined || lower(byte) !== ascii.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The canonical name of the encoding that `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` declares near the
 * start of an HTML page, or null when there is none (or it names no known
 * encoding). As the standard says, a declared UTF-16 is read as UTF-8 (the
 * bytes being ASCII-compatible, the declaration cannot be true) and
 * `x-user-defined` as windows-1252.
 *
 * @param head the first bytes of the page (more than HTML_PRESCAN_BYTES are ignored).
 * @example htmlDeclaredEncoding(bytes('<meta charset="cp1256">')) === 'windows-1256'
 */
export function htmlDeclaredEncoding(head: Uint8Array): string | null {
  return htmlDeclaration(head)?.encoding ?? null;
}

/**
 * What htmlDeclaredEncoding finds, with the label as the page wrote it
 * (`iso-8859-1` for the encoding windows-1252), in lower case (the prescan
 * reads attribute values so), for messages that quote the page; null when
 * the page declares no known encoding.
 *
 * @example htmlDeclaration(bytes('<meta charset="ISO-8859-1">')) // { label: 'iso-8859-1', encoding: 'windows-1252' }
 */
export function htmlDeclaration(head: Uint8Array): { label: string; encoding: string } | null {
  const bytes = head.subarray(0, HTML_PRESCAN_BYTES);
  let at = 0;
  while (at < bytes.length) {
    if (startsWithAt(bytes, at, '<!--')) {
      const end = indexOfAscii(bytes, '-->', at + 2);
      if (end < 0) return null;
      at = end + 3;
    } else if (
      startsWithAt(bytes, at, '<meta') &&
      (isSpace(bytes[at + 5]) || bytes[at + 5] === SLASH)
    ) {
      const found = readMeta(bytes, at + 6);
      if (found.encoding !== null && found.label !== null) {
        return { label: found.label, encoding: found.encoding };
      }
      at = found.next;
    } else if (
      bytes[at] === LT &&
      (isLetter(bytes[at + 1]) || (bytes[at + 1] === SLASH && isLetter(bytes[at + 2])))
    ) {
      at = skipTag(bytes, at);
    } else if (
      bytes[at] === LT &&
      (bytes[at + 1] === 0x21 || bytes[at + 1] === SLASH || bytes[at + 1] === 0x3f)
    ) {
      const end = bytes.indexOf(GT, at + 1);
      if (end < 0) return null;
      at = end + 1;
    } else {
      at++;
    }
  }
  return null;
}

function indexOfAscii(bytes: Uint8Array, ascii: string, from: number): number {
  for (let i = from; i + ascii.length <= bytes.length; i++) {
    if (startsWithAt(bytes, i, ascii)) return i;
  }
  return -1;
}

/** Past a start or end tag's name and attributes. */
function skipTag(bytes: Uint8Array, at: number): number {
  let i = at + 1;
  while (i < bytes.length && !isSpace(bytes[i]) && bytes[i] !== GT) i++;
  for (;;) {
    const attribute = readAttribute(bytes, i);
    if (attribute === null) return bytes.length;
    i = attribute.next;
    if (attribute.name === '') return i;
  }
}

function readMeta(
  bytes: Uint8Array,
  from: number,
): { encoding: string | null; label: string | null; next: number } {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  let i = from;
  for (;;) {
    const attribute = readAttribute(bytes, i);
    if (attribute === null) return { encoding: null, label: null, next: bytes.length };
    i = attribute.next;
    const { name, value } = attribute;
    if (name === '') break;
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === 'http-equiv') {
      if (value.toLowerCase() === 'content-type') gotPragma = true;
    } else if (name === 'content') {
      const label = charsetInMetaContent(value);
      if (label !== null && charset === null) {
        charset = label;
        needPragma = true;
      }
    } else if (name === 'charset') {
      charset = value;
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || charset === null) {
    return { encoding: null, label: null, next: i };
  }
  const label = charset.trim();
  const encoding = canonicalEncoding(charset);
  if (encoding === null) return { encoding: null, label: null, next: i };
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return { encoding: 'utf-8', label, next: i };
  }
  if (encoding === 'x-user-defined') return { encoding: 'windows-1252', label, next: i };
  return { encoding, label, next: i };
}

/**
 * One attribute of a tag (the standard's "get an attribute"), or an empty
 * name at the tag's end; null when the bytes end first. Values are read as
 * Latin-1: only ASCII names and labels matter here.
 */
function readAttribute(
  bytes: Uint8Array,
  from: number,
): { name: string; value: string; next: number } | null {
  let i = from;
  while (i < bytes.length && (isSpace(bytes[i]) || bytes[i] === SLASH)) i++;
  if (i >= bytes.length) return null;
  if (bytes[i] === GT) return { name: '', value: '', next: i + 1 };
  let name = '';
  let value = '';
  // The name.
  for (;;) {
    const byte = bytes[i];
    if (byte === undefined) return null;
    if (byte === EQUALS && name !== '') {
      i++;
      break;
    }
    if (isSpace(byte)) {
      while (isSpace(bytes[i])) i++;
      if (bytes[i] !== EQUALS) return { name, value: '', next: i };
      i++;
      break;
    }
    if (byte === SLASH || byte === GT) return { name, value: '', next: i };
    name += String.fromCharCode(lower(byte));
    i++;
  }
  while (isSpace(bytes[i])) i++;
  const quote = bytes[i];
  if (quote === DQUOTE || quote === SQUOTE) {
    i++;
    for (;;) {
      const byte = bytes[i];
      if (byte === undefined) return null;
      i++;
      if (byte === quote) return { name, value, next: i };
      value += String.fromCharCode(lower(byte));
    }
  }
  if (quote === GT) return { name, value: '', next: i };
  for (;;) {
    const byte = bytes[i];
    if (byte === undefined) return null;
    if (isSpace(byte) || byte === GT) return { name, value, next: i };
    value += String.fromCharCode(lower(byte));
    i++;
  }
}

/**
 * The charset in a meta element's `content` (the standard's "extracting a
 * character encoding from a meta element"): `text/html; charset=windows-1256`
 * → `windows-1256`; null when there is none or its quote is not closed.
 */
function charsetInMetaContent(content: string): string | null {
  let from = 0;
  for (;;) {
    const at = content.toLowerCase().indexOf('charset', from);
    if (at < 0) return null;
    let i = at + 'charset'.length;
    while (/[\t\n\f\r ]/.test(content[i] ?? '')) i++;
    if (content[i] !== '=') {
      from = i;
      continue;
    }
    i++;
    while (/[\t\n\f\r ]/.test(content[i] ?? '')) i++;
    const quote = content[i];
    if (quote === '"' || quote === "'") {
      const end = content.indexOf(quote, i + 1);
      return end < 0 ? null : content.slice(i + 1, end);
    }
    const rest = content.slice(i);
    const value = /^[^\t\n\f\r ;]*/.exec(rest)?.[0] ?? '';
    return value === '' ? null : value;
  }
}
