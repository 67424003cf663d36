/**
 * The media library's refusals in the admin's language, with the values
 * they name (the size limit, the detected type, the longest alt text).
 */
import { MEDIA_TEXT_LIMITS } from '../../domain/media.js';
import type { Translate } from '../../i18n/format.js';
import type { AppError } from '../../lib/errors.js';
import { MediaError } from '../../services/media-error.js';

/**
 * A byte count as the newsroom reads it: `10 MB`, `1.5 MB`, `512 KB`
 * (binary units, like the limit's default of 10 MiB).
 */
export function formatBytes(t: Translate, bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  return bytes >= 1024 * 1024
    ? t('admin.media.megabytes', { n: round(bytes / (1024 * 1024)) })
    : t('admin.media.kilobytes', { n: round(bytes / 1024) });
}

/** The message of a media error (or any other AppError) for the newsroom. */
export function mediaErrorMessage(t: Translate, error: AppError): string {
  if (error instanceof MediaError) {
    switch (error.code) {
      case 'UPLOAD_TOO_LARGE':
        return t('admin.error.UPLOAD_TOO_LARGE', {
          size: formatBytes(t, Number(error.details.maxBytes)),
        });
      case 'UPLOAD_NOT_AN_IMAGE':
        return error.details.type === undefined
          ? t('admin.error.UPLOAD_NOT_AN_IMAGE')
          : t('admin.error.UPLOAD_NOT_AN_IMAGE.detected', { type: error.details.type });
      case 'UPLOAD_TOO_MANY_PIXELS':
        return t('admin.error.UPLOAD_TOO_MANY_PIXELS', { ...error.details });
      case 'FORBIDDEN':
        return t('admin.media.readOnly');
      case 'UPLOAD_MISSING':
      case 'UPLOAD_CORRUPT_IMAGE':
      case 'MEDIA_NOT_FOUND':
        return t(`admin.error.${error.code}`);
    }
  }
  switch (error.code) {
    case 'MEDIA_ALT_TOO_LONG':
      return t('admin.error.MEDIA_ALT_TOO_LONG', { max: MEDIA_TEXT_LIMITS.alt });
    case 'MEDIA_CAPTION_TOO_LONG':
      return t('admin.error.MEDIA_CAPTION_TOO_LONG', { max: MEDIA_TEXT_LIMITS.caption });
    case 'MEDIA_CREDIT_TOO_LONG':
      return t('admin.error.MEDIA_CREDIT_TOO_LONG', { max: MEDIA_TEXT_LIMITS.credit });
    default:
      return error.toUserMessage(t);
  }
}
