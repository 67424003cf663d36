/**
 * A Ghost export file read whole and parsed as JSON. A Ghost export is one
 * JSON document (Ghost's core/server/data/exporter writes it in one piece),
 * so it is held whole in memory: the size limit is what bounds the memory
 * used (about three times the file's size, text and parsed objects).
 *
 * Errors never quote the file: it holds members' addresses, API keys and
 * session secrets.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../lib/errors.js';
import { jsonErrorLocation } from './json-error-location.js';

/**
 * The largest export read, in bytes: 500 MiB, under V8's longest string
 * (2^29 − 24 UTF-16 units in Node 20), so that the file's text always
 * fits in one string.
 */
export const MAX_GHOST_EXPORT_BYTES = 500 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(Math.ceil(bytes / 1e5) / 10).toFixed(1)} MB`;
}

function tooLarge(size: number, maxBytes: number): AppError {
  return new AppError(
    'IMPORT_FILE_TOO_LARGE',
    `The Ghost export is ${megabytes(size)}; at most ${megabytes(maxBytes)} is read.`,
    { details: { bytes: size, max: maxBytes } },
  );
}

/**
 * The text of `file`, decoded as UTF-8 (a byte-order mark dropped).
 * @throws AppError IMPORT_FILE_TOO_LARGE over `maxBytes`, checked before
 *   reading and again while reading (the file may grow meanwhile);
 *   IMPORT_FILE_MALFORMED when it is not a regular file or not UTF-8;
 *   the file system's error when it cannot be read (ENOENT, EACCES…).
 */
export async function readExportText(file: string, maxBytes: number): Promise<string> {
  // Told before opening: opening a FIFO waits for a writer, and a device may never end.
  const info = await stat(file);
  if (!info.isFile()) {
    throw new AppError('IMPORT_FILE_MALFORMED', 'The Ghost export is not a regular file.');
  }
  if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
  const handle = await open(file, 'r');
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(handle, info.size, maxBytes);
  } finally {
    await handle.close();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('IMPORT_FILE_MALFORMED', 'The Ghost export is not UTF-8 text.');
  }
}

/**
 * The file's bytes, `size` expected; never more than `maxBytes` held: a
 * file that grew past it meanwhile is refused.
 */
async function readAtMost(handle: FileHandle, size: number, maxBytes: number): Promise<Uint8Array> {
  let buffer = new Uint8Array(Math.min(size, maxBytes) + 1);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
    if (length > maxBytes) throw tooLarge(length, maxBytes);
    if (length === buffer.length) {
      const grown = new Uint8Array(Math.min(buffer.length * 2, maxBytes + 1));
      grown.set(buffer);
      buffer = grown;
    }
  }
}

/**
 * The JSON value of `text`.
 * @throws AppError IMPORT_FILE_MALFORMED naming the line and column of the
 *   first error and why, without any of the file's text (no `cause`
 *   either: V8's message quotes the text around the error).
 */
export function parseExportJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const v8Message = error instanceof Error ? error.message : '';
    const { line, column, reason } = jsonErrorLocation(text, v8Message);
    throw new AppError(
      'IMPORT_FILE_MALFORMED',
      `The Ghost export is not well-formed JSON: ${reason} at line ${line}, column ${column}.`,
      { details: { line, column } },
    );
  }
}
