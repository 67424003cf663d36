/**
 * Application errors with stable codes.
 *
 * Every error that a user or an operator may see is an `AppError`: a stable
 * `code` that tests assert and logs index, an HTTP `status`, and a
 * `userMessage` a person understands (Arabic by default; the web layer may
 * translate by code). The technical detail goes in `message` and `cause`.
 * Modelled on Fastify's lib/errors.js and Ghost's error-handling guide.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly userMessage: string;

  constructor(
    code: string,
    userMessage: string,
    options: { status?: number; cause?: unknown; detail?: string } = {},
  ) {
    super(options.detail ?? userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 500;
    this.userMessage = userMessage;
  }
}

/** Narrowing helper: true when `error` is an AppError carrying `code`. */
export function hasCode(error: unknown, code: string): error is AppError {
  return error instanceof AppError && error.code === code;
}

/**
 * A request parameter that cannot be used: answered 400 with the
 * parameter's name (`INVALID_PARAMETER`), as the Content API promises.
 */
export class InvalidParameter extends AppError {
  readonly parameter: string;
  constructor(parameter: string, userMessage: string) {
    super('INVALID_PARAMETER', userMessage, { status: 400 });
    this.parameter = parameter;
  }
}
