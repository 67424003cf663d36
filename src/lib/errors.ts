/**
 * Application errors with stable codes.
 *
 * Every error that a user or an operator may see is an `AppError`: a stable
 * `code` from the catalogue (error-catalogue.ts) that tests assert and logs
 * index, the code's HTTP `status`, and its `messageKey`, whose sentence a
 * person reads (`toUserMessage()`: Arabic unless the caller's translator says
 * otherwise). `details` carries the values that sentence needs, typed per
 * code. `message` keeps the technical English detail for logs and for the
 * operator's CLI and the Content API, which answer in English.
 * Modelled on Fastify's lib/errors.js and Ghost's error-handling guide.
 */
import { translator, type MessageKey, type Translate } from '../i18n/format.js';
import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue.js';

export { isErrorCode, type ErrorCode } from './error-catalogue.js';

/** Values a message names, e.g. `{ max: 80 }` for `{max}`. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** The structured details of the codes whose callers need more than message values. */
export interface ErrorDetailsByCode {
  /** Someone else saved the article after the writer opened it: who and when. */
  ARTICLE_CHANGED: { readonly by: string; readonly at: Date };
  /** Sign-ins are refused until this moment. */
  LOGIN_THROTTLED: { readonly until: Date };
  /** The fields still missing before the article can be published. */
  PUBLISH_INCOMPLETE: { readonly fields: readonly string[] };
  /** The `src` of each body image without alt text. */
  PUBLISH_MISSING_ALT: { readonly images: readonly string[] };
  /** The query parameter that cannot be used. */
  INVALID_PARAMETER: { readonly parameter: string };
}

/** The details of `C`: its structured shape, or message values. */
export type ErrorDetails<C extends ErrorCode> = C extends keyof ErrorDetailsByCode
  ? ErrorDetailsByCode[C]
  : MessageVars;

/** The codes whose details are message values only. */
export type PlainErrorCode = Exclude<ErrorCode, keyof ErrorDetailsByCode>;

/** Options of an AppError; details are required for the codes that declare a shape. */
export type AppErrorOptions<C extends ErrorCode> = {
  cause?: unknown;
} & (C extends keyof ErrorDetailsByCode
  ? { details: ErrorDetailsByCode[C] }
  : { details?: MessageVars });

type OptionsArgument<C extends ErrorCode> = C extends keyof ErrorDetailsByCode
  ? [options: AppErrorOptions<C>]
  : [options?: AppErrorOptions<C>];

/**
 * An error of the catalogue. `message` is the technical English sentence.
 * @example throw new AppError('TAG_NOT_FOUND', 'No such tag.')
 * @example throw new AppError('ARTICLE_CHANGED', 'Saved meanwhile.', { details: { by, at } })
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly messageKey: MessageKey;
  readonly details: ErrorDetails<C>;

  constructor(code: C, message: string, ...[options]: OptionsArgument<C>) {
    super(message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.messageKey = ERROR_CATALOGUE[code].key;
    this.details = (options?.details ?? {}) as ErrorDetails<C>;
  }

  /**
   * The sentence a person reads, from the message catalogue with the
   * details' text and number values: Arabic unless `t` is another language's.
   */
  toUserMessage(t: Translate = translator('ar')): string {
    const vars = Object.entries(this.details).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    );
    return t(this.messageKey, Object.fromEntries(vars));
  }
}

/** Narrowing helper: true when `error` is an AppError carrying `code`. */
export function hasCode<C extends ErrorCode>(error: unknown, code: C): error is AppError<C> {
  return error instanceof AppError && error.code === code;
}

/**
 * A request parameter that cannot be used: answered 400 with the
 * parameter's name (`INVALID_PARAMETER`), as the Content API promises.
 */
export class InvalidParameter extends AppError<'INVALID_PARAMETER'> {
  constructor(parameter: string, message: string) {
    super('INVALID_PARAMETER', message, { details: { parameter } });
  }
}

/**
 * An input that fails validation (status 422 for every such code): `field`
 * names the form field; `details` the values its message names (e.g. `max`,
 * a field's limit).
 * @example throw new InvalidInput('EMAIL_TAKEN', 'email', 'A user with that e-mail address exists.')
 */
export class InvalidInput extends AppError<PlainErrorCode> {
  readonly field: string;
  constructor(code: PlainErrorCode, field: string, message: string, details: MessageVars = {}) {
    super(code, message, { details });
    this.field = field;
  }
}

/**
 * Several inputs of one form that fail validation, all found at once so the
 * form can mark every one (`FORM_INVALID`, 422): each problem is an
 * InvalidInput naming its field, in the form's order.
 * @example throw new InvalidInputs([new InvalidInput('PROFILE_LINK_INVALID', 'link-x', 'Not a web address.')])
 */
export class InvalidInputs extends AppError<PlainErrorCode> {
  readonly problems: readonly InvalidInput[];
  constructor(problems: readonly InvalidInput[]) {
    super('FORM_INVALID', problems.map((p) => `${p.field}: ${p.message}`).join(' '));
    this.problems = problems;
  }
}
