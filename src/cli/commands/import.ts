/**
 * `midad import [--db FILE | --database URL] [--date YYYY-MM-DD] [--tz ZONE]
 * [--encoding LABEL] [--uploads DIR] [--fetch-media] [--views-meta KEY,…] [--post-types TYPE,…]
 * [--media-dir DIR] [--dry-run] [--report FILE] FILE...`: imports page captures, saved
 * article pages (HTML), JSON Lines files of articles, and WordPress and Ghost exports (with a progress bar),
 * each told by its content. A capture or JSON Lines file gets one line of
 * result; an export gets its report (site-report-lines.ts), also written
 * as JSON with `--report`; each warning is a line of its own; the last line
 * counts the articles created and updated, and the lines, posts and files
 * left out (import-summary.ts). Exit status 1 when any file or post was
 * refused; the others are imported all the same. A dry run creates
 * nothing: without the SQLite file it names, it imports into an empty
 * database in memory (and says so).
 */
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import pLimit from 'p-limit';
import { IMAGES_AT_ONCE } from '../../services/media.js';
import { Command, InvalidArgumentError } from 'commander';
import type { CaptureDate } from '../../importers/capture/capture-parts.js';
import { importFiles } from '../../importers/import-files.js';
import { isValidTimeZone } from '../../lib/time-zone.js';
import { canonicalEncoding } from '../../importers/text-encoding.js';
import { tuneForImport } from '../import-tuning.js';
import { progressBar, type Progress } from '../progress.js';
import { MAX_REDIRECT_PATH_LENGTH } from '../../domain/redirect-path.js';
import { parseHttpUrl } from '../../importers/wordpress/old-path.js';
import {
  openFromFlags,
  openFromFlagsCreatingNothing,
  withDatabaseFlags,
  type DatabaseFlags,
} from '../database-options.js';
import { importSummary } from '../import-summary.js';
import { siteReportDetails, siteReportSummary } from '../site-report-lines.js';

/** Parses `--date`: a real calendar date written `YYYY-MM-DD`. */
export function parseDateOption(value: string): CaptureDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  const probe = match ? new Date(Date.UTC(year!, month! - 1, day!)) : null;
  if (!probe || probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day) {
    throw new InvalidArgumentError(`"${value}" is not a calendar date in the form YYYY-MM-DD.`);
  }
  return { year: year!, month: month!, day: day! };
}

/** Parses `--uploads`: a folder that exists. */
function parseFolderOption(value: string): string {
  let folder = false;
  try {
    folder = statSync(value).isDirectory();
  } catch {
    // Reported below as not a folder.
  }
  if (!folder) throw new InvalidArgumentError(`"${value}" is not a folder.`);
  return value;
}

/** The longest `--site-url` taken, characters (the redirects' own path limit). */
const MAX_SITE_URL_LENGTH = MAX_REDIRECT_PATH_LENGTH;

/**
 * `--site-url`: an absolute http(s) address with no query, fragment or
 * credentials, at most MAX_SITE_URL_LENGTH characters, printable; returned
 * without a trailing slash.
 */
function parseSiteUrlOption(value: string): string {
  const refuse = (why: string) =>
    new InvalidArgumentError(
      `not a site address (${why}); give one such as https://example.com or https://example.com/blog.`,
    );
  if (value.length > MAX_SITE_URL_LENGTH)
    throw refuse(`longer than ${MAX_SITE_URL_LENGTH} characters`);
  if (/[\s\p{Cc}\p{Cs}]/u.test(value)) throw refuse('it holds spaces or control characters');
  const parsed = parseHttpUrl(value);
  if (parsed === null) throw refuse('it does not start with http:// or https://');
  if (/[?#]/.test(value)) throw refuse('it has a query or a fragment');
  if (parsed.username !== '' || parsed.password !== '')
    throw refuse('it holds a user name or password');
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** Parses `--encoding`: a WHATWG encoding label, returned as its canonical name. */
function parseEncodingOption(value: string): string {
  const encoding = canonicalEncoding(value);
  if (encoding === null) {
    throw new InvalidArgumentError(
      `"${value}" is not an encoding name such as utf-8, windows-1256 or iso-8859-6.`,
    );
  }
  return encoding;
}

function parseZoneOption(value: string): string {
  if (!isValidTimeZone(value)) {
    throw new InvalidArgumentError(`"${value}" is not an IANA time zone such as Asia/Damascus.`);
  }
  return value;
}

/** `a,b , c` → `['a', 'b', 'c']`. */
function parseList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

interface ImportFlags extends DatabaseFlags {
  date?: CaptureDate;
  tz?: string;
  encoding?: string;
  uploads?: string;
  fetchMedia?: boolean;
  viewsMeta?: string[];
  postTypes?: string[];
  dryRun?: boolean;
  report?: string;
  mediaDir?: string;
  siteUrl?: string;
}

export function importCommand(setStatus: (code: number) => void): Command {
  return withDatabaseFlags(new Command('import'))
    .description(
      'import page captures, saved article pages (HTML), JSON Lines files of articles, and WordPress (WXR) or Ghost exports',
    )
    .argument('<files...>', 'files to import, each told by its content')
    .option('--date <YYYY-MM-DD>', 'date of captures that print only a time', parseDateOption)
    .option(
      '--tz <zone>',
      "time zone of the captures' and WordPress exports' local times (default: the site's)",
      parseZoneOption,
    )
    .option(
      '--encoding <label>',
      'encoding of the captures and HTML pages, over what a page declares (e.g. windows-1256)',
      parseEncodingOption,
    )
    .option(
      '--uploads <dir>',
      "a copy of the old site's wp-content/uploads or content/images",
      parseFolderOption,
    )
    .option(
      '--site-url <url>',
      "the old Ghost site's address (a Ghost export does not hold it)",
      parseSiteUrlOption,
    )
    .option('--fetch-media', "fetch images missing from --uploads from the old site's address")
    .option('--views-meta <keys>', 'more WordPress post meta keys holding view counts', parseList)
    .option('--post-types <types>', 'WordPress custom post types to import as articles', parseList)
    .option('--media-dir <dir>', "the media library's folder (env MIDAD_MEDIA_DIR)")
    .option('--dry-run', 'read the exports and print what would be imported, writing nothing')
    .option('--report <file>', "write each export's report as JSON to this file")
    .action(async (files: string[], opts: ImportFlags) => {
      // A report that cannot be written is found out before anything is imported.
      if (opts.report !== undefined) {
        try {
          await writeFile(opts.report, '');
        } catch (error) {
          console.error(
            `--report ${opts.report}: cannot write there (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was imported`,
          );
          setStatus(1);
          return;
        }
      }
      const overrides = opts.mediaDir === undefined ? {} : { mediaDir: opts.mediaDir };
      const { config, database, inMemory } =
        opts.dryRun === true
          ? await openFromFlagsCreatingNothing(opts, { overrides })
          : { ...(await openFromFlags(opts, { overrides })), inMemory: false };
      if (inMemory)
        console.log(
          `There is no database at ${config.dbFile}: the dry run imports into an empty site in memory, and creates nothing.`,
        );
      try {
        await tuneForImport(database);
        let bar: Progress | null = null;
        const outcomes = await importFiles(
          { database, now: () => new Date() },
          files,
          {
            date: opts.date,
            timeZone: opts.tz ?? config.timeZone,
            encoding: opts.encoding ?? null,
            onProgress: (file, read, total) => {
              bar ??= progressBar(basename(file), Math.ceil(total / 1024), 'KB');
              bar.update(Math.ceil(read / 1024));
            },
            site: {
              postTypes: opts.postTypes ?? [],
              viewsMetaKeys: opts.viewsMeta ?? [],
              dryRun: opts.dryRun === true,
              images: { uploadsDir: opts.uploads ?? null, fetch: opts.fetchMedia === true },
              siteUrl: opts.siteUrl,
              media: {
                mediaDir: config.mediaDir,
                uploadMaxBytes: config.uploadMaxBytes,
                uploadMaxPixels: config.uploadMaxPixels,
                imageSlots: pLimit(IMAGES_AT_ONCE),
              },
              onProgress: (file, done, total) => {
                bar ??= progressBar(basename(file), total, 'posts');
                bar.update(done, total);
              },
            },
          },
          (outcome) => {
            bar?.stop();
            bar = null;
            const print = outcome.ok || outcome.partial ? console.log : console.error;
            if (outcome.report) {
              for (const line of siteReportSummary(outcome.file, outcome.report)) print(line);
              for (const line of siteReportDetails(outcome.file, outcome.report))
                console.error(line);
            } else print(outcome.line);
            for (const detail of outcome.details) console.error(detail);
          },
        );
        if (opts.report !== undefined) {
          const reports = outcomes.map((o) => ({
            file: o.file,
            ok: o.ok,
            line: o.line,
            report: o.report ?? null,
          }));
          await writeFile(opts.report, `${JSON.stringify(reports, null, 2)}\n`);
        }
        console.log(importSummary(outcomes, { dryRun: opts.dryRun === true }));
        setStatus(outcomes.every((o) => o.ok) ? 0 : 1);
      } finally {
        await database.close();
      }
    });
}
