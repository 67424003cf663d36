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
import type { FastifyRequest } from 'fastify';
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
 * The uploaded file of a multipart request, read into memory (at most
 * `uploadMaxBytes`: the multipart limit stops reading past it).
 * @throws MediaError UPLOAD_MISSING (400), UPLOAD_TOO_LARGE (413).
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new MediaError('UPLOAD_MISSING', 'Choose an image file to upload.');
  }
  try {
    const part = await request.file();
    if (!part) throw new MediaError('UPLOAD_MISSING', 'Choose an image file to upload.');
    return { bytes: await part.toBuffer(), fileName: part.filename };
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new MediaError('UPLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`, {
        vars: { maxBytes },
        cause: error,
      });
    }
    throw new MediaError('UPLOAD_MISSING', 'Choose an image file to upload.', { cause: error });
  }
}
