/**
 * Errors of the newsroom's JSON routes (autosave, the editor's search and
 * media, any request under /admin that sends or asks for JSON) as JSON:
 * `{"error":{"code":"DISK_FULL","message":"…"}}` with the right status,
 * never an HTML page, so that the editor can say what happened and keep
 * the writer's text.
 */
import type { FastifyRequest } from 'fastify';
import type { Translate } from '../../i18n/format.js';
import { isDiskFull } from '../../lib/disk-full.js';
import { ERROR_CATALOGUE } from '../../lib/error-catalogue.js';
import { AppError, type ErrorCode } from '../../lib/errors.js';
import type { AdminVoice } from './admin-context.js';
import { errorMessage } from './form-errors.js';

/** An error answer: the status and the body. */
export interface JsonError {
  readonly status: number;
  readonly body: { error: { code: ErrorCode; message: string } };
}

/** True when the request sent JSON or asks for it first (Accept). */
export function wantsJson(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  if (/^application\/json\b/i.test(type)) return true;
  const accept = request.headers.accept ?? '';
  return /^\s*application\/json\b/i.test(accept);
}

/**
 * The JSON answer to `error`: a full disk is 507 `DISK_FULL`; an AppError
 * keeps its status and code; a request over its size limit is 413
 * `REQUEST_TOO_LARGE`; Fastify's refusals (a body too large, JSON
 * that does not parse, a stale CSRF token) keep their status; anything else
 * is 500 `INTERNAL`. Messages come from the catalogue in the admin's language.
 */
export function jsonError(voice: AdminVoice, error: unknown): JsonError {
  const { t } = voice;
  if (isDiskFull(error)) return jsonRefusal(t, 'DISK_FULL');
  if (error instanceof AppError) {
    return answer(error.status, error.code, errorMessage(voice, error));
  }
  const code = (error as { code?: unknown }).code;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof code === 'string' && code.startsWith('FST_CSRF')) {
    return jsonRefusal(t, 'CSRF');
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return jsonRefusal(t, 'REQUEST_TOO_LARGE');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return answer(status, 'BAD_REQUEST', t(ERROR_CATALOGUE.BAD_REQUEST.key));
  }
  return jsonRefusal(t, 'INTERNAL');
}

/** The answer for a code of the catalogue: its status, and its message in `t`'s language. */
export function jsonRefusal(t: Translate, code: ErrorCode): JsonError {
  const { status, key } = ERROR_CATALOGUE[code];
  return answer(status, code, t(key));
}

function answer(status: number, code: ErrorCode, message: string): JsonError {
  return { status, body: { error: { code, message } } };
}
