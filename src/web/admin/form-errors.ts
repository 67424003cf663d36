/**
 * Turning service errors into form errors in the admin's language: an
 * `InvalidInput` goes next to its field, any other known AppError above the
 * form. Unknown errors are rethrown (they become the 500 page).
 */
import { MINUTE_FORMS, countPhrase } from '../../arabic/plural.js';
import { isDiskFull } from '../../lib/disk-full.js';
import { AppError, hasCode, InvalidInput, InvalidInputs } from '../../lib/errors.js';
import type { AdminVoice } from './admin-context.js';
import { adminTime } from './views/admin-time.js';
import type { FormErrors } from './views/auth-pages.js';

/**
 * The message of an error in the admin's language: its catalogue key, filled
 * with its details. A conflict names who saved and when (site time); a
 * sign-in lock says in how many minutes it ends (at least one).
 */
export function errorMessage(voice: AdminVoice, error: AppError): string {
  if (hasCode(error, 'ARTICLE_CHANGED')) {
    const { by, at } = error.details;
    return voice.t('admin.error.ARTICLE_CHANGED', { name: by, time: adminTime(voice, at) });
  }
  if (hasCode(error, 'LOGIN_THROTTLED')) {
    const minutes = Math.max(
      1,
      Math.ceil((error.details.until.getTime() - voice.now.getTime()) / 60_000),
    );
    return voice.t('admin.error.LOGIN_THROTTLED', {
      minutes:
        voice.lang === 'ar'
          ? countPhrase(minutes, MINUTE_FORMS, voice.locale.numerals)
          : `${minutes} minute${minutes === 1 ? '' : 's'}`,
    });
  }
  return error.toUserMessage(voice.t);
}

/**
 * Form errors for `error`: a full disk is said above the form (the form is
 * shown again with what was typed); several invalid inputs (InvalidInputs)
 * each go next to their field, with one sentence above the form; rethrows any other error that is not
 * an AppError of status 4xx.
 */
export function formErrorsOf(voice: AdminVoice, error: unknown): FormErrors {
  if (isDiskFull(error)) return { form: voice.t('admin.error.DISK_FULL') };
  if (error instanceof InvalidInputs) {
    return {
      form: errorMessage(voice, error),
      fields: Object.fromEntries(error.problems.map((p) => [p.field, errorMessage(voice, p)])),
    };
  }
  if (error instanceof InvalidInput)
    return { fields: { [error.field]: errorMessage(voice, error) } };
  if (error instanceof AppError && error.status < 500) return { form: errorMessage(voice, error) };
  throw error;
}

/** A string field of a parsed form body ('' when absent or not a string). */
export function field(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
