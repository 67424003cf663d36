/**
 * Refusals of the media library. Like every AppError they carry a stable
 * code and the catalogue's status; `details` holds the values the
 * newsroom's message needs (the limit, the detected type), so the web
 * layer can say it in the admin's language.
 */
import { AppError, type MessageVars } from '../lib/errors.js';

export type MediaErrorCode =
  | 'UPLOAD_MISSING'
  | 'UPLOAD_TOO_LARGE'
  | 'UPLOAD_NOT_AN_IMAGE'
  | 'UPLOAD_TOO_MANY_PIXELS'
  | 'UPLOAD_CORRUPT_IMAGE'
  | 'MEDIA_NOT_FOUND'
  | 'FORBIDDEN';

/** @example throw new MediaError('UPLOAD_TOO_LARGE', 'Over 10 MB.', { details: { maxBytes } }) */
export class MediaError extends AppError<MediaErrorCode> {
  constructor(
    code: MediaErrorCode,
    message: string,
    options: { details?: MessageVars; cause?: unknown } = {},
  ) {
    super(code, message, options);
  }
}
