/**
 * Refusals of the media library. Like every AppError they carry a stable
 * code and status; `vars` holds the values the newsroom's message needs
 * (the limit, the detected type), so the web layer can say it in the
 * admin's language.
 */
import { AppError } from '../lib/errors.js';

export type MediaErrorCode =
  | 'UPLOAD_MISSING'
  | 'UPLOAD_TOO_LARGE'
  | 'UPLOAD_NOT_AN_IMAGE'
  | 'UPLOAD_TOO_MANY_PIXELS'
  | 'UPLOAD_CORRUPT_IMAGE'
  | 'MEDIA_NOT_FOUND'
  | 'FORBIDDEN';

const STATUS: Readonly<Record<MediaErrorCode, number>> = {
  UPLOAD_MISSING: 400,
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_NOT_AN_IMAGE: 415,
  UPLOAD_TOO_MANY_PIXELS: 413,
  UPLOAD_CORRUPT_IMAGE: 422,
  MEDIA_NOT_FOUND: 404,
  FORBIDDEN: 403,
};

export class MediaError extends AppError {
  override readonly code: MediaErrorCode;
  readonly vars: Readonly<Record<string, string | number>>;

  constructor(
    code: MediaErrorCode,
    userMessage: string,
    options: { vars?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(code, userMessage, { status: STATUS[code], cause: options.cause });
    this.code = code;
    this.vars = options.vars ?? {};
  }
}
