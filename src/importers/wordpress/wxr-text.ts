/**
 * Text as the WXR reader takes it from the file: decoded in the encoding
 * the file declares, gathered per field up to a limit, freed of the
 * characters XML 1.0 forbids, and copied out of the chunk it was cut from.
 */
import { open } from 'node:fs/promises';
import { removeXmlForbidden } from '../../arabic/clean.js';
import { cutAtGraphemeBoundary } from '../../arabic/truncate.js';
import { malformed } from './wxr-refusals.js';

/** Text gathered for one field, cut at its limit. */
export class FieldText {
  private readonly parts: string[] = [];
  private length = 0;
  /** True once text past the limit was dropped. */
  truncated = false;
  /**
   * `limit`: the most UTF-16 code units kept (0 skips the field's text);
   * the cut falls between graphemes, so a little less may be kept.
   */
  constructor(private readonly limit: number) {}
  /** Appends the next piece of the field's text, as far as the limit allows. */
  add(text: string): void {
    if (this.truncated) return;
    const room = this.limit - this.length;
    if (text.length > room) {
      this.parts.push(cutAtGraphemeBoundary(text, room));
      this.length = this.limit;
      this.truncated = true;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }
  /** The text, forbidden characters removed, in a string of its own. */
  value(): string {
    return detached(removeXmlForbidden(this.parts.join('')));
  }
}

/**
 * A copy of `text` that shares no memory with the chunk it was cut from.
 * saxes hands text over as slices of the 64 KiB chunk it is reading, and
 * V8 keeps a slice's whole parent alive: a link kept in a map for each of
 * 20,000 posts would hold 20,000 chunks (over a gigabyte).
 */
export function detached(text: string): string {
  return text.length === 0 ? '' : Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * A decoder for the encoding the file declares (`<?xml … encoding="…"?>`,
 * as WordPress writes its blog charset: UTF-8, or windows-1256 on some old
 * Arabic blogs), UTF-8 when it declares none or starts with a UTF-8 BOM.
 * Bytes that are not text in that encoding become U+FFFD.
 * @throws AppError IMPORT_FILE_MALFORMED for an encoding that is unknown.
 */
export async function textDecoder(file: string): Promise<TextDecoder> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const declared =
    head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
      ? null
      : (/^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(
          head.toString('latin1'),
        )?.[1] ?? null);
  try {
    return new TextDecoder(declared ?? 'utf-8');
  } catch {
    throw malformed(
      1,
      1,
      `the encoding «${declared ?? ''}» the file declares is not one that can be read.`,
    );
  }
}
