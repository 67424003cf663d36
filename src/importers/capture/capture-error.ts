import { AppError } from '../../lib/errors.js';

/** Why a capture was refused. Tests and callers switch on these codes. */
export type CaptureErrorCode =
  | 'CAPTURE_TOO_LARGE'
  | 'CAPTURE_EMPTY'
  | 'CAPTURE_BINARY'
  | 'CAPTURE_NOT_UTF8'
  | 'CAPTURE_NO_HEADLINE'
  | 'CAPTURE_NO_BODY';

/**
 * A page capture the importer cannot read. Always HTTP 422: the request was
 * understood, the file is not usable. `userMessage` is one English sentence
 * that says what is wrong with the file.
 *
 * @example throw new CaptureError('CAPTURE_EMPTY', 'The file is empty.')
 */
export class CaptureError extends AppError {
  declare readonly code: CaptureErrorCode;

  constructor(
    code: CaptureErrorCode,
    userMessage: string,
    options: { cause?: unknown; detail?: string } = {},
  ) {
    super(code, userMessage, { ...options, status: 422 });
    this.name = 'CaptureError';
  }
}
