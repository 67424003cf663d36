import { AppError, type ErrorCode } from '../../lib/errors.js';

/** Why a saved HTML page was refused. */
export type HtmlPageErrorCode = Extract<ErrorCode, `HTML_PAGE_${string}`>;

/**
 * A saved HTML page the importer cannot read (HTTP 422, as every capture
 * refusal). `message` is one English sentence naming what is wrong.
 *
 * @example throw new HtmlPageError('HTML_PAGE_NO_BODY', 'No article text was found in the page.')
 */
export class HtmlPageError extends AppError<HtmlPageErrorCode> {
  constructor(code: HtmlPageErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'HtmlPageError';
  }
}
