/**
 * A Ghost export file read as a stream of text and walked as JSON
 * (json-walk.ts). A Ghost export is one JSON document (Ghost's
 * core/server/data/exporter writes it in one piece); it is read in 64 KiB
 * pieces, so that memory stays bounded whatever the file's size: only what
 * the walk's handler picks is held.
 *
 * Errors never quote the file: it holds members' addresses, API keys and
 * session secrets.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { AppError } from '../../lib/errors.js';
import { lineAndColumnAt } from './json-error-location.js';
import { JsonFault, JsonWalk, type JsonWalkHandler } from './json-walk.js';

/**
 * The largest export read, in bytes: 500 MiB. Memory does not grow with it
 * (the file is streamed); the limit bounds the time a read takes.
 */
export const MAX_GHOST_EXPORT_BYTES = 500 * 1024 * 1024;

const PIECE_BYTES = 64 * 1024;

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
 * The text of `file` in pieces, decoded as UTF-8 (a byte-order mark dropped).
 * @throws AppError IMPORT_FILE_TOO_LARGE over `maxBytes`, checked before
 *   reading and again while reading (the file may grow meanwhile);
 *   IMPORT_FILE_MALFORMED when it is not a regular file or not UTF-8;
 *   the file system's error when it cannot be read (ENOENT, EACCES…).
 */
export async function* readExportText(file: string, maxBytes: number): AsyncGenerator<string> {
  // Told before opening: opening a FIFO waits for a writer, and a device may never end.
  const info = await stat(file);
  if (!info.isFile()) {
    throw new AppError('IMPORT_FILE_MALFORMED', 'The Ghost export is not a regular file.');
  }
  if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw new AppError('IMPORT_FILE_MALFORMED', 'The Ghost export is not UTF-8 text.');
    }
  };
  const stream = createReadStream(file, { highWaterMark: PIECE_BYTES });
  let length = 0;
  try {
    for await (const bytes of stream as AsyncIterable<Buffer>) {
      length += bytes.length;
      if (length > maxBytes) throw tooLarge(length, maxBytes);
      yield decode(bytes);
    }
  } finally {
    stream.destroy();
  }
  yield decode();
}

/**
 * Walks the JSON document of `file` whole with `handler`, and returns the
 * skeleton it kept (json-walk.ts).
 * @throws AppError IMPORT_FILE_MALFORMED naming the line and column of the
 *   first error and why, without any of the file's text; the errors of
 *   readExportText; whatever `handler` throws.
 */
export async function walkExportJson(
  file: string,
  maxBytes: number,
  handler: JsonWalkHandler,
): Promise<unknown> {
  const walk = new JsonWalk(handler);
  try {
    for await (const text of readExportText(file, maxBytes)) walk.write(text);
    walk.end();
  } catch (error) {
    if (!(error instanceof JsonFault)) throw error;
    const { line, column } = await lineAndColumnAt(readExportText(file, maxBytes), error.offset);
    throw new AppError(
      'IMPORT_FILE_MALFORMED',
      `The Ghost export is not well-formed JSON: ${error.reason} at line ${line}, column ${column}.`,
      { details: { line, column } },
    );
  }
  return walk.root;
}
