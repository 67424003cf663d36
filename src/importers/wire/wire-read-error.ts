/**
 * Why a wire document is not read (src/importers/wire/read-wire.ts). The
 * poller (wire-poller.ts) records the message as the source's last error
 * and remembers a refused folder file until it changes; the CLI prints it.
 * Messages are short English sentences naming where the fault is (line and
 * column for XML, the byte offset for encodings).
 */

/** The reasons a wire document is refused. */
export const WIRE_READ_ERROR_CODES = [
  /** A NewsML-G2 `packageItem` (or another item that is no article: knowledge, concept, planning item). */
  'WIRE_PACKAGE',
  /** Neither a feed nor NewsML nor NITF. */
  'WIRE_FORMAT_UNKNOWN',
  /** Not well-formed XML (an undefined entity too); the message names line and column. */
  'WIRE_XML_INVALID',
  /** Bytes invalid in the encoding chosen, an unknown encoding, or one that cannot be told. */
  'WIRE_ENCODING',
  /** Over MAX_WIRE_DOCUMENT_BYTES, a text run over its limit, or nested too deep. */
  'WIRE_TOO_LARGE',
  /** A JSON Feed that is not JSON or not a JSON Feed. */
  'WIRE_JSON_INVALID',
  /** A DOCTYPE with an internal subset or entity declarations (billion laughs, XXE). */
  'WIRE_DTD',
] as const;
export type WireReadErrorCode = (typeof WIRE_READ_ERROR_CODES)[number];

/** A wire document refused, with the reason's code. */
export class WireReadError extends Error {
  override readonly name = 'WireReadError';
  constructor(
    readonly code: WireReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
