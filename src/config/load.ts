/**
 * Loading the configuration: environment variables, then command-line
 * overrides, validated once, frozen. Invalid settings stop the start with a
 * message naming each bad setting.
 */
import { AppError } from '../lib/errors.js';
import { configSchema, type Config, type ConfigInput } from './schema.js';

/** Environment variable of each setting. */
export const ENV_NAMES: Readonly<Record<keyof ConfigInput, string>> = {
  port: 'PORT',
  host: 'HOST',
  workers: 'MIDAD_WORKERS',
  dbFile: 'MIDAD_DB',
  databaseUrl: 'MIDAD_DATABASE_URL',
  databaseReadUrl: 'MIDAD_DATABASE_READ_URL',
  baseUrl: 'MIDAD_BASE_URL',
  allowedHosts: 'MIDAD_ALLOWED_HOSTS',
  siteName: 'MIDAD_SITE_NAME',
  timeZone: 'MIDAD_TIMEZONE',
  numerals: 'MIDAD_NUMERALS',
  monthNames: 'MIDAD_MONTH_NAMES',
  showHijri: 'MIDAD_HIJRI',
  readingWordsPerMinute: 'MIDAD_READING_WPM',
  viewFlushMs: 'MIDAD_VIEW_FLUSH_MS',
  viewSpoolFile: 'MIDAD_VIEW_SPOOL',
  viewMinutesRetentionHours: 'MIDAD_VIEW_MINUTES_RETENTION_HOURS',
  viewBeaconsPerMinute: 'MIDAD_VIEW_BEACONS_PER_MINUTE',
  sseMaxConnections: 'MIDAD_SSE_MAX_CONNECTIONS',
  sseMaxPerAddress: 'MIDAD_SSE_MAX_PER_ADDRESS',
  logLevel: 'MIDAD_LOG_LEVEL',
  trustProxy: 'MIDAD_TRUST_PROXY',
  demoContent: 'MIDAD_DEMO',
  mediaDir: 'MIDAD_MEDIA_DIR',
  uploadMaxBytes: 'MIDAD_UPLOAD_MAX_BYTES',
  uploadMaxPixels: 'MIDAD_UPLOAD_MAX_PIXELS',
  apiCorsOrigins: 'MIDAD_API_CORS_ORIGINS',
  feedContent: 'MIDAD_FEED_CONTENT',
  pageCacheMb: 'MIDAD_PAGE_CACHE_MB',
  pageCacheSeconds: 'MIDAD_PAGE_CACHE_SECONDS',
  cdnMaxAge: 'MIDAD_CDN_MAX_AGE',
  cdnPurgeUrl: 'MIDAD_CDN_PURGE_URL',
  mirrorDir: 'MIDAD_MIRROR_DIR',
  mirrorPush: 'MIDAD_MIRROR_PUSH',
  mirrorHook: 'MIDAD_MIRROR_HOOK',
  mirrorDelaySeconds: 'MIDAD_MIRROR_DELAY',
  redisUrl: 'MIDAD_REDIS_URL',
  wireRetentionDays: 'MIDAD_WIRE_RETENTION_DAYS',
  wireFolders: 'MIDAD_WIRE_FOLDERS',
  smtpUrl: 'MIDAD_SMTP_URL',
  mailFrom: 'MIDAD_MAIL_FROM',
  mailPerMinute: 'MIDAD_MAIL_PER_MINUTE',
  pushPerMinute: 'MIDAD_PUSH_PER_MINUTE',
  telegramApi: 'MIDAD_TELEGRAM_API',
};

/**
 * Builds the configuration from `env` and `overrides` (flags win).
 * Empty environment values count as unset.
 * @throws AppError `CONFIG_INVALID` listing each invalid setting by its variable name.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  overrides: Partial<Record<keyof ConfigInput, string | number | undefined>> = {},
): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) raw[key] = value;
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof ConfigInput;
      return `${ENV_NAMES[key] ?? key}: ${issue.message}`;
    });
    throw new AppError('CONFIG_INVALID', `Invalid settings: ${problems.join('; ')}`);
  }
  if (result.data.databaseReadUrl !== undefined && result.data.databaseUrl === undefined) {
    throw new AppError(
      'CONFIG_INVALID',
      'Invalid settings: MIDAD_DATABASE_READ_URL: a replica of PostgreSQL needs MIDAD_DATABASE_URL too',
    );
  }
  const { mirrorDir, mirrorPush, mirrorHook } = result.data;
  if (mirrorDir === undefined && (mirrorPush !== undefined || mirrorHook !== undefined)) {
    const name = mirrorPush !== undefined ? 'MIDAD_MIRROR_PUSH' : 'MIDAD_MIRROR_HOOK';
    throw new AppError(
      'CONFIG_INVALID',
      `Invalid settings: ${name}: sends the mirror kept in MIDAD_MIRROR_DIR, which is not set`,
    );
  }
  return Object.freeze(result.data);
}
