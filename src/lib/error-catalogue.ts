/**
 * The catalogue of every error code Midad raises: code → HTTP status →
 * message key of the i18n catalogue (src/i18n/messages, Arabic first).
 * A code is stable (tests assert it, logs index it, the Content API and the
 * newsroom's JSON send it); its status is the one the web answers with; its
 * key names the sentence a person reads. Modelled on Fastify's lib/errors.js,
 * where each code is declared once with its status and message.
 *
 * To add an error: add a line here, add its key to messages/ar.json and
 * messages/en.json (the catalogue test checks both), and, when its message
 * needs values, declare their shape in `ErrorDetailsByCode` (errors.ts).
 */
import type { MessageKey } from '../i18n/format.js';

interface CatalogueEntry {
  readonly status: number;
  readonly key: MessageKey;
}

export const ERROR_CATALOGUE = {
  // Signing in and accounts
  LOGIN_FAILED: { status: 401, key: 'admin.error.LOGIN_FAILED' },
  LOGIN_THROTTLED: { status: 429, key: 'admin.error.LOGIN_THROTTLED' },
  NOT_SIGNED_IN: { status: 401, key: 'admin.error.SIGNED_OUT' },
  SIGNED_OUT: { status: 401, key: 'admin.error.SIGNED_OUT' },
  FORBIDDEN: { status: 403, key: 'admin.error.FORBIDDEN' },
  CSRF: { status: 403, key: 'admin.error.CSRF' },
  SETUP_ALREADY_DONE: { status: 409, key: 'error.SETUP_ALREADY_DONE' },
  EMAIL_INVALID: { status: 422, key: 'admin.error.EMAIL_INVALID' },
  EMAIL_TAKEN: { status: 422, key: 'admin.error.EMAIL_TAKEN' },
  NAME_INVALID: { status: 422, key: 'admin.error.NAME_INVALID' },
  ROLE_INVALID: { status: 422, key: 'admin.error.ROLE_INVALID' },
  PASSWORD_TOO_SHORT: { status: 422, key: 'admin.error.PASSWORD_TOO_SHORT' },
  PASSWORD_TOO_LONG: { status: 422, key: 'admin.error.PASSWORD_TOO_LONG' },
  PASSWORD_SAME_AS_EMAIL: { status: 422, key: 'admin.error.PASSWORD_SAME_AS_EMAIL' },
  CURRENT_PASSWORD_WRONG: { status: 422, key: 'admin.error.CURRENT_PASSWORD_WRONG' },
  USER_NOT_FOUND: { status: 404, key: 'error.USER_NOT_FOUND' },
  LAST_ADMINISTRATOR: { status: 409, key: 'admin.error.LAST_ADMINISTRATOR' },
  SELF_DEACTIVATION_NOT_CONFIRMED: {
    status: 422,
    key: 'admin.error.SELF_DEACTIVATION_NOT_CONFIRMED',
  },

  // Articles
  ARTICLE_NOT_FOUND: { status: 404, key: 'admin.error.ARTICLE_NOT_FOUND' },
  ARTICLE_CHANGED: { status: 409, key: 'admin.error.ARTICLE_CHANGED' },
  ARTICLE_HEADLINE_TOO_LONG: { status: 422, key: 'admin.error.ARTICLE_HEADLINE_TOO_LONG' },
  ARTICLE_EXCERPT_TOO_LONG: { status: 422, key: 'admin.error.ARTICLE_EXCERPT_TOO_LONG' },
  ARTICLE_SEOTITLE_TOO_LONG: { status: 422, key: 'admin.error.ARTICLE_SEOTITLE_TOO_LONG' },
  ARTICLE_SEODESCRIPTION_TOO_LONG: {
    status: 422,
    key: 'admin.error.ARTICLE_SEODESCRIPTION_TOO_LONG',
  },
  ARTICLE_FEATUREDCAPTION_TOO_LONG: {
    status: 422,
    key: 'admin.error.ARTICLE_FEATUREDCAPTION_TOO_LONG',
  },
  ARTICLE_FEATUREDCREDIT_TOO_LONG: {
    status: 422,
    key: 'admin.error.ARTICLE_FEATUREDCREDIT_TOO_LONG',
  },
  ARTICLE_BYLINE_TOO_LONG: {
    status: 422,
    key: 'admin.error.ARTICLE_BYLINE_TOO_LONG',
  },
  ARTICLE_TAGS_TOO_MANY: { status: 422, key: 'admin.error.ARTICLE_TAGS_TOO_MANY' },
  ARTICLE_TAGS_TOO_LONG: { status: 422, key: 'admin.error.ARTICLE_TAGS_TOO_LONG' },
  ARTICLE_AUTHORIDS_REQUIRED: { status: 422, key: 'admin.error.ARTICLE_AUTHORIDS_REQUIRED' },
  ARTICLE_AUTHOR_UNKNOWN: { status: 422, key: 'admin.error.ARTICLE_AUTHOR_UNKNOWN' },
  ARTICLE_SECTION_UNKNOWN: { status: 422, key: 'admin.error.ARTICLE_SECTION_UNKNOWN' },
  BODY_HTML_TOO_LARGE: { status: 422, key: 'admin.error.BODY_HTML_TOO_LARGE' },
  BODY_HTML_TOO_DEEP: { status: 422, key: 'admin.error.BODY_HTML_TOO_DEEP' },
  REVISION_NOT_FOUND: { status: 404, key: 'admin.error.REVISION_NOT_FOUND' },
  MOVE_NOT_POSSIBLE: { status: 409, key: 'admin.error.MOVE_NOT_POSSIBLE' },
  SCHEDULE_IN_PAST: { status: 422, key: 'admin.error.SCHEDULE_IN_PAST' },
  PUBLISH_INCOMPLETE: { status: 422, key: 'admin.error.PUBLISH_INCOMPLETE' },
  PUBLISH_MISSING_ALT: { status: 422, key: 'admin.error.PUBLISH_MISSING_ALT' },
  BREAKING_TOO_LONG: { status: 422, key: 'admin.error.BREAKING_TOO_LONG' },
  TOO_MANY_SAVES: { status: 429, key: 'admin.error.TOO_MANY_SAVES' },

  // Live coverage and public notes (issue 19)
  LIVE_NOT_STARTED: { status: 409, key: 'admin.error.LIVE_NOT_STARTED' },
  LIVE_NOT_FOR_PAGES: { status: 409, key: 'admin.error.LIVE_NOT_FOR_PAGES' },
  LIVE_POST_FORBIDDEN: { status: 403, key: 'admin.error.LIVE_POST_FORBIDDEN' },
  LIVE_UPDATE_NOT_FOUND: { status: 404, key: 'admin.error.LIVE_UPDATE_NOT_FOUND' },
  LIVE_UPDATE_EMPTY: { status: 422, key: 'admin.error.LIVE_UPDATE_EMPTY' },
  LIVE_UPDATE_HEADLINE_TOO_LONG: { status: 422, key: 'admin.error.LIVE_UPDATE_HEADLINE_TOO_LONG' },
  LIVE_UPDATE_MISSING_ALT: { status: 422, key: 'admin.error.LIVE_UPDATE_MISSING_ALT' },
  LIVE_UPDATE_CHANGED: { status: 409, key: 'admin.error.LIVE_UPDATE_CHANGED' },
  ARTICLE_NOTE_EMPTY: { status: 422, key: 'admin.error.ARTICLE_NOTE_EMPTY' },
  ARTICLE_NOTE_TOO_LONG: { status: 422, key: 'admin.error.ARTICLE_NOTE_TOO_LONG' },
  ARTICLE_NOTE_NOT_PUBLISHED: { status: 422, key: 'admin.error.ARTICLE_NOTE_NOT_PUBLISHED' },
  ARTICLE_NOTE_KIND_INVALID: { status: 422, key: 'admin.error.ARTICLE_NOTE_KIND_INVALID' },
  ARTICLE_NOTE_NOT_FOUND: { status: 404, key: 'admin.error.ARTICLE_NOTE_NOT_FOUND' },

  // Sections and tags
  SECTION_NAME_INVALID: { status: 422, key: 'admin.error.SECTION_NAME_INVALID' },
  SECTION_TAKEN: { status: 422, key: 'admin.error.SECTION_TAKEN' },
  SECTION_NOT_FOUND: { status: 404, key: 'error.SECTION_NOT_FOUND' },
  TAG_NAME_INVALID: { status: 422, key: 'admin.error.TAG_NAME_INVALID' },
  TAG_TAKEN: { status: 422, key: 'admin.error.TAG_TAKEN' },
  TAG_NOT_FOUND: { status: 404, key: 'error.TAG_NOT_FOUND' },
  DELETE_NOT_CONFIRMED: { status: 422, key: 'admin.error.DELETE_NOT_CONFIRMED' },

  // Author profiles (photo, bio, links) and section/tag descriptions
  PROFILE_BIO_TOO_LONG: { status: 422, key: 'admin.error.PROFILE_BIO_TOO_LONG' },
  PROFILE_LINK_INVALID: { status: 422, key: 'admin.error.PROFILE_LINK_INVALID' },
  PROFILE_LINK_TOO_LONG: { status: 422, key: 'admin.error.PROFILE_LINK_TOO_LONG' },
  PROFILE_PHOTO_NOT_FOUND: { status: 422, key: 'admin.error.PROFILE_PHOTO_NOT_FOUND' },
  DESCRIPTION_TOO_LONG: { status: 422, key: 'admin.error.DESCRIPTION_TOO_LONG' },

  // Media library
  UPLOAD_MISSING: { status: 400, key: 'admin.error.UPLOAD_MISSING' },
  UPLOAD_TOO_LARGE: { status: 413, key: 'admin.error.UPLOAD_TOO_LARGE' },
  UPLOAD_NOT_AN_IMAGE: { status: 415, key: 'admin.error.UPLOAD_NOT_AN_IMAGE' },
  UPLOAD_TOO_MANY_PIXELS: { status: 413, key: 'admin.error.UPLOAD_TOO_MANY_PIXELS' },
  UPLOAD_CORRUPT_IMAGE: { status: 422, key: 'admin.error.UPLOAD_CORRUPT_IMAGE' },
  MEDIA_NOT_FOUND: { status: 404, key: 'admin.error.MEDIA_NOT_FOUND' },
  // The header and front page settings (issue 17)
  FRONT_PAGE_SECTION_UNKNOWN: { status: 422, key: 'admin.error.FRONT_PAGE_SECTION_UNKNOWN' },
  FRONT_PAGE_TOO_MANY: { status: 422, key: 'admin.error.FRONT_PAGE_TOO_MANY' },
  FRONT_PAGE_ARTICLE_UNKNOWN: { status: 422, key: 'admin.error.FRONT_PAGE_ARTICLE_UNKNOWN' },
  FRONT_PAGE_ARTICLE_REPEATED: { status: 422, key: 'admin.error.FRONT_PAGE_ARTICLE_REPEATED' },
  MEDIA_ALT_TOO_LONG: { status: 422, key: 'admin.error.MEDIA_ALT_TOO_LONG' },
  FEATURED_ALT_NOT_YOURS: { status: 422, key: 'admin.error.FEATURED_ALT_NOT_YOURS' },
  MEDIA_CAPTION_TOO_LONG: { status: 422, key: 'admin.error.MEDIA_CAPTION_TOO_LONG' },
  MEDIA_CREDIT_TOO_LONG: { status: 422, key: 'admin.error.MEDIA_CREDIT_TOO_LONG' },

  // API keys and webhooks
  API_KEY_NAME_INVALID: { status: 422, key: 'admin.error.API_KEY_NAME_INVALID' },
  API_KEY_NOT_FOUND: { status: 404, key: 'admin.error.API_KEY_NOT_FOUND' },
  REVOKE_NOT_CONFIRMED: { status: 422, key: 'admin.error.REVOKE_NOT_CONFIRMED' },
  WEBHOOK_URL_INVALID: { status: 422, key: 'admin.error.WEBHOOK_URL_INVALID' },
  WEBHOOK_HOST_UNKNOWN: { status: 422, key: 'admin.error.WEBHOOK_HOST_UNKNOWN' },
  WEBHOOK_PRIVATE_ADDRESS: { status: 422, key: 'admin.error.WEBHOOK_PRIVATE_ADDRESS' },
  WEBHOOK_EVENTS_MISSING: { status: 422, key: 'admin.error.WEBHOOK_EVENTS_MISSING' },
  WEBHOOK_NOT_FOUND: { status: 404, key: 'admin.error.WEBHOOK_NOT_FOUND' },

  // The wire desk (issue 18)
  WIRE_NAME_INVALID: { status: 422, key: 'admin.error.WIRE_NAME_INVALID' },
  WIRE_NAME_TAKEN: { status: 422, key: 'admin.error.WIRE_NAME_TAKEN' },
  WIRE_AGENCY_INVALID: { status: 422, key: 'admin.error.WIRE_AGENCY_INVALID' },
  WIRE_WHERE_MISSING: { status: 422, key: 'admin.error.WIRE_WHERE_MISSING' },
  WIRE_URL_INVALID: { status: 422, key: 'admin.error.WIRE_URL_INVALID' },
  WIRE_HOST_UNKNOWN: { status: 422, key: 'admin.error.WIRE_HOST_UNKNOWN' },
  WIRE_PRIVATE_ADDRESS: { status: 422, key: 'admin.error.WIRE_PRIVATE_ADDRESS' },
  WIRE_FOLDER_INVALID: { status: 422, key: 'admin.error.WIRE_FOLDER_INVALID' },
  WIRE_FOLDER_OUTSIDE: { status: 422, key: 'admin.error.WIRE_FOLDER_OUTSIDE' },
  WIRE_SECTION_UNKNOWN: { status: 422, key: 'admin.error.WIRE_SECTION_UNKNOWN' },
  WIRE_EVERY_INVALID: { status: 422, key: 'admin.error.WIRE_EVERY_INVALID' },
  WIRE_SOURCE_NOT_FOUND: { status: 404, key: 'admin.error.WIRE_SOURCE_NOT_FOUND' },
  WIRE_ITEM_NOT_FOUND: { status: 404, key: 'admin.error.WIRE_ITEM_NOT_FOUND' },
  WIRE_ITEM_BUSY: { status: 409, key: 'admin.error.WIRE_ITEM_BUSY' },
  WIRE_ITEM_WITHDRAWN: { status: 409, key: 'admin.error.WIRE_ITEM_WITHDRAWN' },
  PUBLISH_WIRE_WITHDRAWN: { status: 409, key: 'admin.error.PUBLISH_WIRE_WITHDRAWN' },

  // Redirects of old addresses
  REDIRECT_INVALID: { status: 422, key: 'admin.error.REDIRECT_INVALID' },
  REDIRECT_HOME: { status: 422, key: 'admin.error.REDIRECT_HOME' },
  REDIRECT_TARGET_INVALID: { status: 422, key: 'admin.error.REDIRECT_TARGET_INVALID' },
  REDIRECT_STATUS_INVALID: { status: 422, key: 'admin.error.REDIRECT_STATUS_INVALID' },
  REDIRECT_TO_ITSELF: { status: 422, key: 'admin.error.REDIRECT_TO_ITSELF' },
  REDIRECT_LOOP: { status: 422, key: 'admin.error.REDIRECT_LOOP' },
  REDIRECT_EXISTS: { status: 409, key: 'admin.error.REDIRECT_EXISTS' },
  REDIRECT_NOT_FOUND: { status: 404, key: 'admin.error.REDIRECT_NOT_FOUND' },
  REDIRECT_CSV_INVALID: { status: 422, key: 'admin.error.REDIRECT_CSV_INVALID' },
  REDIRECT_CSV_MISSING: { status: 400, key: 'admin.error.REDIRECT_CSV_MISSING' },
  REDIRECT_CSV_TOO_LARGE: { status: 413, key: 'admin.error.REDIRECT_CSV_TOO_LARGE' },

  // Content API (its OpenAPI document at /api/openapi.json)
  INVALID_PARAMETER: { status: 400, key: 'error.INVALID_PARAMETER' },
  API_KEY_MISSING: { status: 401, key: 'error.API_KEY_MISSING' },
  API_KEY_INVALID: { status: 401, key: 'error.API_KEY_INVALID' },
  NOT_FOUND: { status: 404, key: 'error.NOT_FOUND' },

  // Requests the web refuses whatever the route
  BAD_REQUEST: { status: 400, key: 'admin.error.BAD_REQUEST' },
  BAD_HOST: { status: 400, key: 'error.BAD_HOST' },
  METHOD_NOT_ALLOWED: { status: 405, key: 'error.METHOD_NOT_ALLOWED' },
  REQUEST_TOO_LARGE: { status: 413, key: 'admin.error.REQUEST_TOO_LARGE' },
  DISK_FULL: { status: 507, key: 'admin.error.DISK_FULL' },
  INTERNAL: { status: 500, key: 'admin.error.INTERNAL' },

  // Imports, archives and backups (the CLI)
  CAPTURE_TOO_LARGE: { status: 422, key: 'error.CAPTURE_TOO_LARGE' },
  CAPTURE_EMPTY: { status: 422, key: 'error.CAPTURE_EMPTY' },
  CAPTURE_BINARY: { status: 422, key: 'error.CAPTURE_BINARY' },
  CAPTURE_NOT_UTF8: { status: 422, key: 'error.CAPTURE_NOT_UTF8' },
  CAPTURE_ENCODING_INVALID: { status: 422, key: 'error.CAPTURE_ENCODING_INVALID' },
  CAPTURE_NO_HEADLINE: { status: 422, key: 'error.CAPTURE_NO_HEADLINE' },
  CAPTURE_NO_BODY: { status: 422, key: 'error.CAPTURE_NO_BODY' },
  HTML_PAGE_TOO_LARGE: { status: 422, key: 'error.HTML_PAGE_TOO_LARGE' },
  HTML_PAGE_ENCODING: { status: 422, key: 'error.HTML_PAGE_ENCODING' },
  HTML_PAGE_NO_HEADLINE: { status: 422, key: 'error.HTML_PAGE_NO_HEADLINE' },
  HTML_PAGE_NO_BODY: { status: 422, key: 'error.HTML_PAGE_NO_BODY' },
  IMPORT_FIELD_TOO_LONG: { status: 422, key: 'error.IMPORT_FIELD_TOO_LONG' },
  IMPORT_ID_TAKEN: { status: 409, key: 'error.IMPORT_ID_TAKEN' },
  IMPORT_FILE_MALFORMED: { status: 422, key: 'error.IMPORT_FILE_MALFORMED' },
  IMPORT_FILE_UNSAFE: { status: 422, key: 'error.IMPORT_FILE_UNSAFE' },
  IMPORT_FILE_TOO_LARGE: { status: 413, key: 'error.IMPORT_FILE_TOO_LARGE' },
  IMPORT_FILE_CHANGED: { status: 409, key: 'error.IMPORT_FILE_CHANGED' },
  ARCHIVE_UNREADABLE: { status: 400, key: 'error.ARCHIVE_UNREADABLE' },
  ARCHIVE_INVALID: { status: 400, key: 'error.ARCHIVE_INVALID' },
  ARCHIVE_INCOMPATIBLE: { status: 400, key: 'error.ARCHIVE_INCOMPATIBLE' },
  ARCHIVE_TARGET_NOT_EMPTY: { status: 400, key: 'error.ARCHIVE_TARGET_NOT_EMPTY' },
  ARCHIVE_EXISTS: { status: 400, key: 'error.ARCHIVE_EXISTS' },
  BACKUP_EXISTS: { status: 500, key: 'error.BACKUP_EXISTS' },
  BACKUP_FAILED: { status: 500, key: 'error.BACKUP_FAILED' },
  MIRROR_TARGET_INVALID: { status: 400, key: 'error.MIRROR_TARGET_INVALID' },
  MIRROR_TARGET_UNWRITABLE: { status: 400, key: 'error.MIRROR_TARGET_UNWRITABLE' },
  MIRROR_MEDIA_MISSING: { status: 400, key: 'error.MIRROR_MEDIA_MISSING' },
  MIRROR_NOT_VERIFIED: { status: 400, key: 'error.MIRROR_NOT_VERIFIED' },
  MIRROR_FOLDER_MISSING: { status: 400, key: 'error.MIRROR_FOLDER_MISSING' },
  MIRROR_KEY_INVALID: { status: 400, key: 'error.MIRROR_KEY_INVALID' },
  MIRROR_PUSH_INVALID: { status: 400, key: 'error.MIRROR_PUSH_INVALID' },
  MIRROR_HOOK_INVALID: { status: 400, key: 'error.MIRROR_HOOK_INVALID' },
  MIRROR_PUSH_FAILED: { status: 502, key: 'error.MIRROR_PUSH_FAILED' },
  MIRROR_HOOK_FAILED: { status: 500, key: 'error.MIRROR_HOOK_FAILED' },
  MIRROR_CHILD_FAILED: { status: 500, key: 'error.MIRROR_CHILD_FAILED' },

  // Starting up (the CLI)
  CONFIG_INVALID: { status: 500, key: 'error.CONFIG_INVALID' },
  DB_NOT_FOUND: { status: 400, key: 'error.DB_NOT_FOUND' },
  DB_OPEN_FAILED: { status: 500, key: 'error.DB_OPEN_FAILED' },
  MIGRATION_FAILED: { status: 500, key: 'error.MIGRATION_FAILED' },
  LISTEN_FAILED: { status: 500, key: 'error.LISTEN_FAILED' },
  CHANGE_CHANNEL_FAILED: { status: 500, key: 'error.CHANGE_CHANNEL_FAILED' },
  WORKERS_FAILED: { status: 500, key: 'error.WORKERS_FAILED' },

  // Newsletter editions (issue 20)
  EDITION_NOT_FOUND: { status: 404, key: 'admin.error.EDITION_NOT_FOUND' },
  EDITION_NOT_EDITABLE: { status: 409, key: 'admin.error.EDITION_NOT_EDITABLE' },
  EDITION_NO_ARTICLES: { status: 422, key: 'admin.error.EDITION_NO_ARTICLES' },
  EDITION_SUBJECT_REQUIRED: { status: 422, key: 'admin.error.EDITION_SUBJECT_REQUIRED' },
  EDITION_SUBJECT_TOO_LONG: { status: 422, key: 'admin.error.EDITION_SUBJECT_TOO_LONG' },
  EDITION_INTRO_TOO_LONG: { status: 422, key: 'admin.error.EDITION_INTRO_TOO_LONG' },
  EDITION_TOO_MANY_ARTICLES: { status: 422, key: 'admin.error.EDITION_TOO_MANY_ARTICLES' },
  EDITION_SCHEDULE_INVALID: { status: 422, key: 'admin.error.EDITION_SCHEDULE_INVALID' },
  EDITION_TEST_ADDRESS_INVALID: { status: 422, key: 'admin.error.EDITION_TEST_ADDRESS_INVALID' },
  EDITION_TEST_FAILED: { status: 502, key: 'admin.error.EDITION_TEST_FAILED' },
  MAIL_NOT_SET_UP: { status: 409, key: 'admin.error.MAIL_NOT_SET_UP' },
  DIGEST_TIME_INVALID: { status: 422, key: 'admin.error.DIGEST_TIME_INVALID' },
  // The Telegram channel (issue 20)
  TELEGRAM_TOKEN_INVALID: { status: 422, key: 'admin.error.TELEGRAM_TOKEN_INVALID' },
  TELEGRAM_CHAT_INVALID: { status: 422, key: 'admin.error.TELEGRAM_CHAT_INVALID' },
  TELEGRAM_NOT_CONNECTED: { status: 409, key: 'admin.error.TELEGRAM_NOT_CONNECTED' },
  TELEGRAM_NOT_PUBLISHED: { status: 409, key: 'admin.error.TELEGRAM_NOT_PUBLISHED' },
  // Web push (issue 20): the subscription API (readers' browsers) and the newsroom's alerts
  PUSH_SUBSCRIPTION_INVALID: { status: 400, key: 'error.PUSH_SUBSCRIPTION_INVALID' },
  PUSH_ENDPOINT_INVALID: { status: 400, key: 'error.PUSH_ENDPOINT_INVALID' },
  PUSH_KEYS_INVALID: { status: 400, key: 'error.PUSH_KEYS_INVALID' },
  PUSH_SECTION_UNKNOWN: { status: 400, key: 'error.PUSH_SECTION_UNKNOWN' },
  PUSH_BODY_TOO_LARGE: { status: 413, key: 'error.PUSH_BODY_TOO_LARGE' },
  PUSH_DAILY_CAP: { status: 409, key: 'admin.error.PUSH_DAILY_CAP' },
  PUSH_ALERT_ALREADY_SENT: { status: 409, key: 'admin.error.PUSH_ALERT_ALREADY_SENT' },
  PUSH_ALERT_NOT_PUBLISHED: { status: 409, key: 'admin.error.PUSH_ALERT_NOT_PUBLISHED' },
  PUSH_CAP_INVALID: { status: 422, key: 'admin.error.PUSH_CAP_INVALID' },
  // Alternate addresses: mirrors and the onion address (issue 22)
  ONION_V2: { status: 422, key: 'admin.error.ONION_V2' },
  ONION_CHECKSUM: { status: 422, key: 'admin.error.ONION_CHECKSUM' },
  ONION_INVALID: { status: 422, key: 'admin.error.ONION_INVALID' },
  ONION_PATH: { status: 422, key: 'admin.error.ONION_PATH' },
  ONION_NOT_ONION: { status: 422, key: 'admin.error.ONION_NOT_ONION' },
  ADDRESS_CREDENTIALS: { status: 422, key: 'admin.error.ADDRESS_CREDENTIALS' },
  MIRROR_URL_MISSING: { status: 422, key: 'admin.error.MIRROR_URL_MISSING' },
  MIRROR_URL_TOO_LONG: { status: 422, key: 'admin.error.MIRROR_URL_TOO_LONG' },
  MIRROR_URL_INVALID: { status: 422, key: 'admin.error.MIRROR_URL_INVALID' },
  MIRROR_REPEATED: { status: 422, key: 'admin.error.MIRROR_REPEATED' },
  MIRROR_LABEL_TOO_LONG: { status: 422, key: 'admin.error.MIRROR_LABEL_TOO_LONG' },
  MIRRORS_TOO_MANY: { status: 422, key: 'admin.error.MIRRORS_TOO_MANY' },
} as const satisfies Readonly<Record<string, CatalogueEntry>>;

/** Every error code: a closed union, so that an unknown code does not compile. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** True when `code` is in the catalogue (for codes built from data, e.g. a field's name). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}
