import { AppError, type ErrorCode } from '../../lib/errors.js';

/** Why a capture was refused. Tests and callers switch on these codes. */
export type CaptureErrorCode = Extract<ErrorCode, `CAPTURE_${string}`>;

/**
 * A page capture the importer cannot read. Always HTTP 422 (the catalogue's
 * status for every CAPTURE_ code): the request was understood, the file is
 * not usable. `message` is one English sentence that says what is wrong
 * with the file; `details` the values it names.
 *
 * @example throw new CaptureError('CAPTURE_EMPTY', 'The file is empty.')
 */
export class CaptureError extends AppError<CaptureErrorCode> {
  constructor(
    code: CaptureErrorCode,
    message: string,
    options: { cause?: unknown; details?: Readonly<Record<string, string | number>> } = {},
  ) {
    super(code, message, options);
    this.name = 'CaptureError';
  }
}
