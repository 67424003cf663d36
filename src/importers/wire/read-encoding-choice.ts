/**
 * The encoding of a wire document, chosen from its first bytes before any
 * is decoded, in the order of the common plan (and of ENC's decodeBytes):
 * an encoding the operator forced, a byte order mark, the XML declaration,
 * the HTTP charset; null leaves it to detection (read-wire.ts).
 */
import { canonicalEncoding, charsetOfContentType, xmlDeclaredEncoding } from '../text-encoding.js';
import { WireReadError } from './wire-read-error.js';

/** What besides the bytes may name the encoding. */
export interface EncodingHints {
  contentType?: string | null;
  forcedEncoding?: string | null;
}

/** The encoding a byte order mark names, or null. */
function bomEncoding(head: Uint8Array): string | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  return null;
}

function knownEncoding(label: string, where: string): string {
  const encoding = canonicalEncoding(label);
  if (encoding === null) {
    throw new WireReadError(
      'WIRE_ENCODING',
      `The encoding «${label}» ${where} is not one that can be read.`,
    );
  }
  return encoding;
}

/**
 * The encoding by the plan's order: forced, byte order mark, XML
 * declaration, HTTP charset; null when detection must decide. An unknown
 * HTTP charset is noted in `warnings` and passed over.
 * @throws WireReadError WIRE_ENCODING for a forced or declared encoding that is unknown.
 */
export function chosenEncoding(
  head: Uint8Array,
  hints: EncodingHints,
  warnings: string[],
): string | null {
  if (hints.forcedEncoding) return knownEncoding(hints.forcedEncoding, 'that was imposed');
  const bom = bomEncoding(head);
  if (bom !== null) return bom;
  const declared = xmlDeclaredEncoding(head);
  if (declared !== null) return knownEncoding(declared, 'the XML declaration names');
  const http = charsetOfContentType(hints.contentType);
  if (http !== null) {
    const encoding = canonicalEncoding(http);
    if (encoding !== null) return encoding;
    warnings.push(
      `The Content-Type charset «${http}» is unknown; the encoding was detected instead.`,
    );
  }
  return null;
}
