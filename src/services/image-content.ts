/**
 * What an upload really is, judged by its bytes and never by its name or
 * the browser's declared type: a shell script or an HTML page renamed
 * `photo.jpg` is refused, and the refusal says what it is.
 */
import { isMediaMime, type MediaMime } from '../domain/media.js';
import { MediaError } from './media-error.js';

/** A C0 control character other than tab, line feed, vertical tab, form feed and carriage return. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 && (code < 0x09 || code > 0x0d);
}

/**
 * The MIME type of text content that file-type (which knows binary formats)
 * leaves undetected, or null when the bytes are not recognisable text.
 */
function textType(bytes: Uint8Array): string | null {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('#!')) return 'text/x-shellscript';
  if (head.startsWith('<?php')) return 'text/x-php';
  if (/^(<!--[^]*?-->\s*)*<svg[\s>]/.test(head) || /^<\?xml[^>]*>\s*<svg[\s>]/.test(head)) {
    return 'image/svg+xml';
  }
  if (/^(<!doctype html|<html|<head|<body|<script|<meta|<iframe|<!--)/.test(head)) {
    return 'text/html';
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096));
    return [...text].some(isControl) ? null : 'text/plain';
  } catch {
    // A multi-byte character cut at 4096 bytes, or binary data.
    return null;
  }
}

/**
 * The accepted image type of `bytes`.
 * @throws MediaError UPLOAD_NOT_AN_IMAGE (415), with `vars.type` the
 *   detected MIME type when known (`text/html`, `image/gif`, `application/pdf`).
 */
export async function sniffImage(bytes: Uint8Array): Promise<MediaMime> {
  // Loaded on the first upload, not with the server (issue 21, item 5: some 1.5 MiB of heap).
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  if (found && isMediaMime(found.mime)) return found.mime;
  const type =
    found?.mime === 'application/xml'
      ? (textType(bytes) ?? found.mime)
      : (found?.mime ?? textType(bytes));
  throw new MediaError(
    'UPLOAD_NOT_AN_IMAGE',
    type
      ? `This file is not a JPEG, PNG, WebP or AVIF image: its content is ${type}.`
      : 'This file is not a JPEG, PNG, WebP or AVIF image.',
    type ? { details: { type } } : {},
  );
}
