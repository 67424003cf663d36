/**
 * Turning service errors into form errors in the admin's language: an
 * `InvalidInput` goes next to its field, any other known AppError above the
 * form. Unknown errors are rethrown (they become the 500 page).
 */
import { MINUTE_FORMS, countPhrase } from '../../arabic/plural.js';
import { isDiskFull } from '../../lib/disk-full.js';
import { formatNumber } from '../../arabic/digits.js';
import { ROLES } from '../../domain/roles.js';
import {
  AppError,
  hasCode,
  InvalidInput,
  InvalidInputs,
  type ImageWithoutAlt,
} from '../../lib/errors.js';
import type { AdminVoice } from './admin-context.js';
import { adminTime } from './views/admin-time.js';
import type { FormErrors } from './views/auth-pages.js';

/**
 * The message of an error in the admin's language: its catalogue key, filled
 * with its details. A conflict names who saved and when (site time); a
 * sign-in lock says in how many minutes it ends (at least one); a refused
 * role names the value sent and the roles there are.
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
  if (hasCode(error, 'PUBLISH_MISSING_ALT')) {
    return [
      error.toUserMessage(voice.t),
      ...error.details.named.map((image) => missingAltSentence(voice, image)),
    ].join(' ');
  }
  if (hasCode(error, 'ROLE_INVALID')) {
    const role = String(error.details.role ?? '');
    const roles = roleList(voice);
    return role === ''
      ? voice.t('admin.error.ROLE_MISSING', { roles })
      : voice.t('admin.error.ROLE_INVALID', { role, roles });
  }
  return error.toUserMessage(voice.t);
}

/** «مساهم أو كاتب أو محرر أو مدير», "Contributor, Author, Editor or Administrator". */
function roleList(voice: AdminVoice): string {
  const names = ROLES.map((role) => voice.t(`admin.role.${role}`));
  if (voice.lang === 'ar') return names.join(' أو ');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

/**
 * The sentence naming one image without alt text and where to give it:
 * the featured image's field under the picker, or the body image (by its
 * place and file name, isolated so a Latin name keeps the sentence's order).
 */
function missingAltSentence(voice: AdminVoice, image: ImageWithoutAlt): string {
  const name = `\u2068${image.name}\u2069`;
  if (image.where === 'featured') return voice.t('admin.error.missingAlt.featured', { name });
  const position = formatNumber(image.position, voice.locale.numerals);
  return image.name === ''
    ? voice.t('admin.error.missingAlt.bodyUnnamed', { position })
    : voice.t('admin.error.missingAlt.body', { position, name });
}

/**
 * Form errors for `error`: every field's problem next to it (all of an
 * InvalidInputs, the first one per field), any other refusal and a full
 * disk above the form (the form is shown again with what was typed);
 * rethrows any other error that is not an AppError of status 4xx.
 */
export function formErrorsOf(voice: AdminVoice, error: unknown): FormErrors {
  if (isDiskFull(error)) return { form: voice.t('admin.error.DISK_FULL') };
  if (error instanceof InvalidInputs) {
    const fields: Record<string, string> = {};
    for (const problem of error.problems) fields[problem.field] ??= errorMessage(voice, problem);
    return { fields };
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
