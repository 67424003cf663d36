/**
 * The configuration schema: every setting, its default and its meaning.
 * docs/settings.md lists them for operators; keep the two in step.
 */
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { parseHostHeader, type HostHeader } from '../lib/host-header.js';
import { rsyncDestinationProblem } from '../lib/rsync-destination.js';
import { isValidTimeZone } from '../lib/time-zone.js';
import { parseTrustedProxies, type TrustedProxies } from './trusted-proxies.js';

/** The longest file path or rsync destination a setting takes, characters (Linux's PATH_MAX). */
const MAX_FILE_SETTING = 4096;

/**
 * A setting that names a file, a folder or an rsync destination: at most
 * MAX_FILE_SETTING characters, and no control character (a line break in
 * a folder's name is a mistake, and would split the log's lines).
 */
function fileSetting() {
  return z
    .string()
    .max(MAX_FILE_SETTING, `longer than ${MAX_FILE_SETTING} characters`)
    .refine((value) => !/\p{Cc}/u.test(value), 'holds a control character (a line break, a tab)');
}

/**
 * A whole number setting from `min` to `max`: a number, or text of decimal
 * digits alone (the environment's form). Not z.coerce.number() alone,
 * which takes "0x10", "1e2", " 5 " and "" (as 0) too.
 */
function wholeNumber(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && !/^[0-9]+$/.test(value) ? Number.NaN : value),
    z.coerce.number({ error: 'must be a whole number written in digits' }).int().min(min).max(max),
  );
}

/** True for an http(s) URL with nothing after the host (a trailing slash is allowed). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === '' &&
      url.username === ''
    );
  } catch {
    return false;
  }
}

/** The newsroom's wire folders when `MIDAD_WIRE_FOLDERS` is unset, from the working directory. */
export const WIRE_FOLDERS_DEFAULT = 'data/wire';

export const configSchema = z.object({
  /** TCP port the site listens on. Env `PORT`. 0 picks a free port. */
  port: z
    .union([z.number(), z.string()])
    .transform((v) => String(v))
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) <= 65535, {
      message: 'not a port number: a whole number from 0 to 65535',
    })
    .transform(Number)
    .default(3000),
  /**
   * Processes that serve the site (node:cluster), all on one port: 1 (the
   * default) runs one process as before; more start a primary that forks
   * them, about one per core. 1 to 64. Env `MIDAD_WORKERS`, flag `--workers`.
   */
  workers: z
    .union([z.number(), z.string()])
    .transform((v) => String(v))
    .refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 64, {
      message: 'the number of workers must be a whole number from 1 to 64',
    })
    .transform(Number)
    .default(1),
  /** Address to bind. Env `HOST`. 127.0.0.1 keeps the site private behind a proxy. */
  host: z.string().min(1).default('127.0.0.1'),
  /** SQLite database file. Env `MIDAD_DB`. */
  dbFile: z.string().min(1).default('data/midad.db'),
  /**
   * A PostgreSQL URL (`postgres://user:password@host:5432/name`). When set,
   * Midad runs on PostgreSQL and `dbFile` is not used. Env
   * `MIDAD_DATABASE_URL`.
   */
  databaseUrl: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^/]/i.test(v), {
      message: 'not a PostgreSQL URL such as postgres://user@127.0.0.1:5432/midad',
    })
    .optional(),
  /**
   * A read-only replica of the PostgreSQL database (streaming replication),
   * for the reader site's reads: pages, search, feeds, sitemaps. Writes,
   * the newsroom and the Content API use `databaseUrl`. Env
   * `MIDAD_DATABASE_READ_URL`.
   */
  databaseReadUrl: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^/]/i.test(v), {
      message: 'not a PostgreSQL URL such as postgres://user@replica:5432/midad',
    })
    .optional(),
  /**
   * The public origin of the site (`https://news.example`), used for
   * canonical URLs and short links. Env `MIDAD_BASE_URL`. When unset, the
   * origin of each request is used, if its host is allowed (`allowedHosts`).
   */
  baseUrl: z
    .string()
    .refine(isOrigin, {
      message: 'not an origin such as https://news.example (scheme and host, no path)',
    })
    .transform((u) => new URL(u).origin)
    .optional(),
  /**
   * The hosts (`news.example`, `news.example:8080`) whose requests are
   * answered, comma-separated; any other Host gets 400. Unset: with
   * `baseUrl`, any well-formed Host (it is written nowhere); without it,
   * the listen address and localhost on the port the request came to.
   * Env `MIDAD_ALLOWED_HOSTS`.
   */
  allowedHosts: z
    .string()
    .transform((value, ctx): readonly string[] => {
      const entries = value.split(',').map((entry) => entry.trim());
      const hosts = entries.map(parseHostHeader);
      const bad = entries.find((_entry, i) => hosts[i] === null);
      if (bad !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(bad)} is not a host such as news.example or news.example:8080`,
        });
        return z.NEVER;
      }
      return Object.freeze(hosts.map((host) => (host as HostHeader).host));
    })
    .optional(),
  /** The newspaper's name, shown in the header and titles. Env `MIDAD_SITE_NAME`. */
  siteName: z.string().min(1).default('مداد'),
  /** IANA time zone in which dates are shown. Env `MIDAD_TIMEZONE`. */
  timeZone: z
    .string()
    .refine(isValidTimeZone, { message: 'not an IANA time zone such as Asia/Damascus' })
    .default('Asia/Damascus'),
  /** Digits: `latn` (0-9) or `arab` (٠-٩). Env `MIDAD_NUMERALS`. */
  numerals: z.enum(['latn', 'arab']).default('latn'),
  /**
   * Month names: `levant` (كانون الثاني), `egypt` (يناير, Egypt and the
   * Gulf), `maghreb` (جانفي) or `dual` (يناير/ كانون الثاني, as BBC Arabic).
   * Env `MIDAD_MONTH_NAMES`.
   */
  monthNames: z.enum(['egypt', 'levant', 'maghreb', 'dual']).default('dual'),
  /** Also show the Hijri (Umm al-Qura) date on article pages. Env `MIDAD_HIJRI` (true/false). */
  showHijri: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Reading speed for reading-time labels, words per minute. Env `MIDAD_READING_WPM`. */
  readingWordsPerMinute: wholeNumber(50, 1000).default(275),
  /** How often buffered view counts are written, ms. Env `MIDAD_VIEW_FLUSH_MS`. */
  viewFlushMs: wholeNumber(100, 600_000).default(5000),
  /**
   * File that keeps view counts the database refuses when the server stops
   * (a full disk), added at the next start. Unset: `<dbFile>.views-spool.jsonl`
   * on SQLite, `views-spool.jsonl` beside the media folder on PostgreSQL.
   * Env `MIDAD_VIEW_SPOOL`.
   */
  viewSpoolFile: z.string().min(1).optional(),
  /**
   * Hours that views by the minute (`article_view_minutes`, for the
   * newsroom's «القرّاء الآن») are kept; older rows are deleted by the view
   * counter's flush, at most once every ten minutes. 1 to 720. Env
   * `MIDAD_VIEW_MINUTES_RETENTION_HOURS`.
   */
  viewMinutesRetentionHours: wholeNumber(1, 720).default(24),
  /**
   * View beacons (`POST /views/<id>`) taken at most per address and minute;
   * more get 429 and count nothing. Env `MIDAD_VIEW_BEACONS_PER_MINUTE`.
   */
  viewBeaconsPerMinute: wholeNumber(1, 1_000_000).default(60),
  /**
   * Event streams (Server-Sent Events: live pages, the live dashboard) held
   * at most by one instance; more get 503 with Retry-After. Each costs a
   * socket (a file descriptor) and about 10–20 KiB of memory (`npm run
   * bench`, its SSE part, measured 11–19 KiB RSS). Env
   * `MIDAD_SSE_MAX_CONNECTIONS`.
   */
  sseMaxConnections: wholeNumber(1, 1_000_000).default(10_000),
  /**
   * Event streams held at most for one client address (request.ip, so the
   * proxy's X-Forwarded-For when MIDAD_TRUST_PROXY names it); more get 429
   * with Retry-After, so that one client cannot take every stream of
   * MIDAD_SSE_MAX_CONNECTIONS. Readers behind one carrier-grade NAT (a
   * mobile operator) share an address: too low a cap refuses them live
   * pages, so the default is well above what one household opens. Env
   * `MIDAD_SSE_MAX_PER_ADDRESS`.
   */
  sseMaxPerAddress: wholeNumber(1, 1_000_000).default(50),
  /** pino log level. Env `MIDAD_LOG_LEVEL`. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The reverse proxies whose X-Forwarded-For/-Proto/-Host are believed:
   * `false` (none), or their addresses and CIDRs, comma-separated
   * (`127.0.0.1` for nginx on the same server). `true` is refused (any
   * client could then pick its address): see trusted-proxies.ts. Env
   * `MIDAD_TRUST_PROXY`.
   */
  trustProxy: z
    .string()
    .default('false')
    .transform((value, ctx): TrustedProxies => {
      const parsed = parseTrustedProxies(value);
      if (parsed === false || !('error' in parsed)) return parsed;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
  /** Import the demo article into an empty database at start. Env `MIDAD_DEMO` (true/false). */
  demoContent: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Folder of uploaded images, one subfolder per image. Env `MIDAD_MEDIA_DIR`. */
  mediaDir: z.string().min(1).default('data/media'),
  /** Largest accepted upload, bytes (default 10 MiB). Env `MIDAD_UPLOAD_MAX_BYTES`. */
  uploadMaxBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /**
   * Largest image decoded, in pixels (width × height; default 50 megapixels,
   * an 8,660 × 5,773 frame), judged from the file's header before decoding.
   * At most 268,402,689, libvips' own limit. Env `MIDAD_UPLOAD_MAX_PIXELS`.
   */
  uploadMaxPixels: wholeNumber(1, 268_402_689).default(50_000_000),
  /**
   * Origins whose web pages may call the Content API from a browser (CORS):
   * a comma-separated list of origins, or `*` for any. Empty (default): none.
   * Env `MIDAD_API_CORS_ORIGINS`.
   */
  apiCorsOrigins: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .refine((origins) => origins.every((o) => o === '*' || isOrigin(o)), {
      message: 'not a comma-separated list of origins such as https://app.example, or *',
    })
    .transform((origins) => origins.map((o) => (o === '*' ? o : new URL(o).origin))),
  /**
   * What feeds carry of each article: `full` (the whole body) or `excerpt`
   * (the standfirst only). Env `MIDAD_FEED_CONTENT`.
   */
  feedContent: z.enum(['full', 'excerpt']).default('full'),
  /**
   * Memory for rendered pages, MiB (every page held gzipped and in brotli,
   * an article page counted some 17 KB with its overhead: 16 MiB holds
   * about 1,000). 16 keeps a server of 100,000 articles near 160 MiB
   * resident at rest after a load (issue 21, item 5: 32 held 177–188 MiB,
   * 24 held 167–169, 16 held 155–161; bench/memory.ts). 0 turns the page
   * cache off. Env `MIDAD_PAGE_CACHE_MB`.
   */
  pageCacheMb: wholeNumber(0, 16_384).default(16),
  /**
   * How long a cached page is kept at most, seconds, even when nothing
   * announces a change (view counts and most-read lists move without one).
   * Env `MIDAD_PAGE_CACHE_SECONDS`.
   */
  pageCacheSeconds: wholeNumber(1, 86_400).default(60),
  /**
   * `s-maxage` sent with public pages, seconds: how long a CDN or proxy in
   * front may keep a page without asking (0: it must ask every time).
   * Env `MIDAD_CDN_MAX_AGE`.
   */
  cdnMaxAge: wholeNumber(0, 86_400).default(60),
  /**
   * A URL that receives a POST of `{"keys": [...]}` (surrogate keys) after
   * each change, for a CDN purge (a small relay to Fastly's or Cloudflare's
   * purge API). Empty (default): no CDN is told. Env `MIDAD_CDN_PURGE_URL`.
   */
  cdnPurgeUrl: z
    .string()
    .url()
    .refine((v) => /^https?:/.test(v), { message: 'an http(s) URL' })
    .optional(),
  /**
   * The folder the server keeps a static mirror of the site in (issue 22),
   * written again a while after each public change (`mirrorDelaySeconds`).
   * An absolute path; unset (the default): no mirror is kept. Env
   * `MIDAD_MIRROR_DIR`.
   */
  mirrorDir: fileSetting()
    .refine(isAbsolute, { message: 'not an absolute folder such as /srv/mirror' })
    .optional(),
  /**
   * Where each mirror run is sent with rsync (mirror-publish.ts, sendMirror): an rsync
   * destination (`rsync://host/module/`, `user@host:/path/`, an absolute
   * folder), checked by lib/rsync-destination.ts. Needs `mirrorDir`. Env
   * `MIDAD_MIRROR_PUSH`.
   */
  mirrorPush: z
    .string()
    .max(MAX_FILE_SETTING, `longer than ${MAX_FILE_SETTING} characters`)
    .superRefine((value, ctx) => {
      const problem = rsyncDestinationProblem(value);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /**
   * A program run after each mirror run (and its push), with the mirror's
   * folder as its one argument, without a shell; a relative path is taken
   * from the working directory. Needs `mirrorDir`. Env `MIDAD_MIRROR_HOOK`.
   */
  mirrorHook: fileSetting()
    .min(1)
    .transform((path) => resolve(path))
    .optional(),
  /**
   * Seconds the server waits after the first public change before it
   * writes the mirror, so that a burst of publishes makes one run (0 to
   * 3600). Env `MIDAD_MIRROR_DELAY`.
   */
  mirrorDelaySeconds: wholeNumber(0, 3600).default(60),
  /**
   * Days a wire item stays in the desk's queue after its last change at
   * the agency; older items are pruned at each poll (drafts made of them
   * stay). Env `MIDAD_WIRE_RETENTION_DAYS`.
   */
  wireRetentionDays: wholeNumber(1, 365).default(7),
  /**
   * The folders under which a folder source added from the newsroom must
   * lie (after `..` and symbolic links are resolved), comma-separated;
   * relative ones are taken from the working directory. The server's
   * operator (`midad wire add`) may name any folder. Env `MIDAD_WIRE_FOLDERS`.
   */
  wireFolders: z
    .string()
    .default(WIRE_FOLDERS_DEFAULT)
    .transform((value) =>
      Object.freeze(
        value
          .split(',')
          .map((folder) => folder.trim())
          .filter((folder) => folder !== '')
          .map((folder) => resolve(folder)),
      ),
    )
    .refine((folders) => folders.length > 0, { message: 'no folder named' }),
  /**
   * Redis URL (`redis://127.0.0.1:6379`) that instances use to tell each
   * other what changed, so that every instance's page cache is purged.
   * Unset: PostgreSQL's LISTEN/NOTIFY when on PostgreSQL, else this
   * instance only. Env `MIDAD_REDIS_URL`.
   */
  redisUrl: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v), { message: 'a redis:// or rediss:// URL' })
    .optional(),
  /**
   * The SMTP server newsletters and confirmation mails go through
   * (`smtp://user:password@mail.example:587`, `smtps://…:465`; Nodemailer's
   * URL form). Unset: the subscription form says mail is not set up, and
   * nothing is sent. Env `MIDAD_SMTP_URL`.
   */
  smtpUrl: z
    .string()
    .refine((v) => /^smtps?:\/\/[^/]/i.test(v), {
      message: 'not an SMTP URL such as smtp://user:password@mail.example:587',
    })
    .optional(),
  /**
   * The From address of every mail (`"مداد" <news@news.example>` or
   * `news@news.example`). Env `MIDAD_MAIL_FROM`. Unset: `news@` the site's
   * host.
   */
  mailFrom: z.string().min(3).max(300).optional(),
  /** Mails sent a minute at most by one instance (1 to 100,000). Env `MIDAD_MAIL_PER_MINUTE`. */
  mailPerMinute: wholeNumber(1, 100_000).default(600),
  /** Push messages sent a minute at most by one instance (1 to 1,000,000). Env `MIDAD_PUSH_PER_MINUTE`. */
  pushPerMinute: wholeNumber(1, 1_000_000).default(60_000),
  /**
   * The Telegram Bot API's base URL, without the `/bot<token>` part.
   * A newsroom where Telegram is blocked may point it at a relay; the
   * tests point it at a local fake. Env `MIDAD_TELEGRAM_API`.
   */
  telegramApi: z
    .string()
    .refine((v) => /^https?:\/\/[^/]/i.test(v), {
      message: 'not an http(s) URL such as https://api.telegram.org',
    })
    .transform((v) => v.replace(/\/+$/, ''))
    .default('https://api.telegram.org'),
});

/** The validated, frozen configuration. */
export type Config = Readonly<z.output<typeof configSchema>>;
/** Raw settings before validation (strings from the environment or flags). */
export type ConfigInput = z.input<typeof configSchema>;
