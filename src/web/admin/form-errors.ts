/**
 * Turning service errors into form errors in the admin's language: an
 * `InvalidInput` goes next to its field, any other known AppError above the
 * form. Unknown errors are rethrown (they become the 500 page).
 */
import type { Translate } from '../../i18n/format.js';
import { isDiskFull } from '../../lib/disk-full.js';
import { AppError, InvalidInput } from '../../lib/errors.js';
import type { FormErrors } from './views/auth-pages.js';

/** The message of an error in the admin's language: its catalogue key, filled with its details. */
export function errorMessage(t: Translate, error: AppError): string {
  return error.toUserMessage(t);
}

/**
 * Form errors for `error`: a full disk is said above the form (the form is
 * shown again with what was typed); rethrows any other error that is not
 * an AppError of status 4xx.
 */
export function formErrorsOf(t: Translate, error: unknown): FormErrors {
  if (isDiskFull(error)) return { form: t('admin.error.DISK_FULL') };
  if (error instanceof InvalidInput) return { fields: { [error.field]: errorMessage(t, error) } };
  if (error instanceof AppError && error.status < 500) return { form: errorMessage(t, error) };
  throw error;
}

/** A string field of a parsed form body ('' when absent or not a string). */
export function field(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
