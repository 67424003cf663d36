/**
 * File uploads in the newsroom: multipart limits, where a multipart
 * request's CSRF token travels, and reading the one file of an upload.
 *
 * A multipart body is read by the handler, after the permission check and
 * the CSRF check (both preHandlers), so a visitor or a forged form never
 * makes the server read a file. That is why the token of a multipart
 * request cannot travel in the body: the editor sends it in the
 * `x-csrf-token` header, and the upload form, which works without
 * JavaScript, in its action's query string (`?_csrf=`). The query string is
 * accepted only for multipart requests; Referrer-Policy `no-referrer`
 * (helmet's default) keeps it from leaking to other sites.
 */
import type { FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/schema.js';
import { MediaError } from '../../services/media-error.js';
import type { Upload } from '../../services/media.js';

/** Multipart limits: one file of at most `uploadMaxBytes`, and hardly any fields. */
export function multipartOptions(config: Config): FastifyMultipartOptions {
  return {
    limits: {
      fileSize: config.uploadMaxBytes,
      files: 1,
      fields: 4,
      fieldSize: 4096,
      parts: 5,
      headerPairs: 50,
    },
    throwFileSizeLimit: true,
  };
}

function firstString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isMultipartRequest(request: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

/**
 * The CSRF token of a request: a form's `_csrf` field, an `x-csrf-token`
 * (or `csrf-token`, `xsrf-token`, `x-xsrf-token`) header as
 * @fastify/csrf-protection reads by default, or, for a multipart form
 * only, `?_csrf=` in the URL.
 */
export function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | null | undefined;
  const headers = request.headers;
  return (
    firstString(typeof body === 'object' && body !== null ? body._csrf : undefined) ??
    firstString(headers['csrf-token']) ??
    firstString(headers['xsrf-token']) ??
    firstString(headers['x-csrf-token']) ??
    firstString(headers['x-xsrf-token']) ??
    (isMultipartRequest(request)
      ? firstString((request.query as Record<string, unknown> | undefined)?._csrf)
      : undefined)
  );
}

/**
 * Room for the rest of a multipart body beside its file, bytes: the
 * boundaries, the part's headers and the few small fields that
 * multipartOptions allows (4 of at most 4096 bytes).
 */
export const MULTIPART_OVERHEAD = 64 * 1024;

const missing = (cause?: unknown) =>
  new MediaError('UPLOAD_MISSING', 'Choose an image file to upload.', { cause });

/**
 * The refusal of a file over `maxBytes`. The connection is closed after
 * the answer, as Fastify does past a route's bodyLimit: the client may
 * still be sending a body that will not be read.
 */
function tooLarge(reply: FastifyReply, maxBytes: number, cause?: unknown): MediaError {
  reply.header('connection', 'close');
  return new MediaError('UPLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`, {
    details: { maxBytes },
    cause,
  });
}

/**
 * The uploaded file of a multipart request, read into memory, whole or
 * not at all: a file of more than `maxBytes` is refused, never cut at the
 * limit and judged by its first `maxBytes`.
 *
 * Fastify's bodyLimit does not apply to multipart bodies (the multipart
 * parser streams them), so the body's declared length is judged here: past
 * `maxBytes` + MULTIPART_OVERHEAD, it is refused before a byte is read.
 * A body within that (or sent in chunks without a length) is read through
 * busboy, which stops keeping the file at `maxBytes` (multipartOptions)
 * and marks it `truncated`; without a declared length, reading stops
 * there too.
 * @throws MediaError UPLOAD_MISSING (400), UPLOAD_TOO_LARGE (413, `vars.maxBytes`).
 */
export async function readUpload(
  request: FastifyRequest,
  reply: FastifyReply,
  maxBytes: number,
): Promise<Upload> {
  if (!request.isMultipart()) throw missing();
  // NaN when the body is sent in chunks without a length.
  const declared = Number(request.headers['content-length']);
  if (declared > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(reply, maxBytes);
  try {
    const part = await request.file();
    if (!part) throw missing();
    const file = part.file;
    if (Number.isNaN(declared)) {
      file.once('limit', () => file.destroy(tooLarge(reply, maxBytes)));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    }
    // Asked once the file has ended, not after each chunk as @fastify/multipart's
    // toBuffer() does: when the limit falls between two chunks, busboy marks the file
    // truncated after the last chunk it gives, and toBuffer() returned the first
    // `maxBytes` as if they were the whole file.
    if (file.truncated || size > maxBytes) throw tooLarge(reply, maxBytes);
    return { bytes: Buffer.concat(chunks), fileName: part.filename };
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(reply, maxBytes, error);
    throw missing(error);
  }
}
