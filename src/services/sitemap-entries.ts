/**
 * What the sitemaps list. Articles are filed by the month of their publish
 * time in the site's time zone, the month readers see printed on the
 * article page (an article published 2026-03-31T23:30Z in Asia/Riyadh,
 * 02:30 on 1 April there, is in `2026-04`), one sitemap file a month
 * (`2020-01`), split in parts of at
 * most 50,000 URLs (`2020-01-2`), the sitemaps.org limit (by publish time then id); articles whose
 * date is unknown go in `undated` files. A file's articles are read from
 * the database a batch at a time, so memory does not grow with the site.
 * Published static pages (`/p/<slug>`) have one file, `pages`, listed last
 * when there is one; they are in no other file and not in the news sitemap.
 *
 * The Google News sitemap lists articles published in the last 48 hours,
 * at most 1,000, newest first (Google News sitemap guidelines).
 *
 * `lastmod` is the public modification (SitemapRow `lastModified`): a
 * correction, an update note or a live update moves it, a silent edit (a
 * typo fixed) does not, as it does not move dateModified, so crawlers are
 * not sent back for nothing; Google asks lastmod to follow significant
 * changes only. The files' entity tags follow every save, so that a
 * silently changed slug is never answered with a stale `304`.
 */
import type { SitemapRow } from '../domain/sitemap-row.js';
import type { ReadDeps } from './read-pages.js';
import { zonedParts } from '../arabic/zoned-parts.js';
import { wallClockToUtc } from '../lib/time-zone.js';
import {
  listPublishedPages,
  listPublishedSince,
  listSitemapRows,
  publishedSpan,
  rangeSummary,
  type SitemapRange,
} from '../storage/repositories/sitemap-articles.repository.js';

/** Most URLs in one sitemap file (sitemaps.org protocol). */
export const SITEMAP_MAX_URLS = 50_000;
/** How many rows are read from the database at a time. */
export const SITEMAP_BATCH = 1_000;
/** Google News: only articles of the last two days, at most 1,000. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1_000;

/** One sitemap file of the index: its name (`2020-01`, `2020-01-2`, `undated`) and last public change. */
export interface SitemapFile {
  name: string;
  lastModified: Date | null;
}

/** What the sitemaps read: the database, and the site's IANA time zone (config `timeZone`). */
export interface SitemapDeps extends ReadDeps {
  timeZone: string;
}

/**
 * The instants of month `month` (1–12; 13 is January of the next year) of
 * `year` in `timeZone`, as a half-open range `[first midnight, next first midnight)`.
 * A midnight skipped by a DST change starts the month at the first time that exists.
 */
export function monthRange(year: number, month: number, timeZone: string): SitemapRange {
  const start = (y: number, m: number) =>
    wallClockToUtc(
      { year: y + Math.floor((m - 1) / 12), month: ((m - 1) % 12) + 1, day: 1, hour: 0, minute: 0 },
      timeZone,
    );
  return { from: start(year, month), to: start(year, month + 1) };
}

interface ParsedName {
  range: SitemapRange;
  part: number;
}

/** The month range of a file name, or null for a name that is not one of ours. */
function parseName(name: string, timeZone: string): ParsedName | null {
  const undated = /^undated(?:-([2-9]|[1-9][0-9]{1,3}))?$/.exec(name);
  if (undated) return { range: 'undated', part: Number(undated[1] ?? 1) };
  const month = /^([0-9]{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9][0-9]{1,3}))?$/.exec(name);
  if (!month) return null;
  return {
    range: monthRange(Number(month[1]), Number(month[2]), timeZone),
    part: Number(month[3] ?? 1),
  };
}

function nameOf(base: string, part: number): string {
  return part === 1 ? base : `${base}-${part}`;
}

/** The name of the sitemap file of static pages. */
export const PAGES_SITEMAP = 'pages';

/** Every sitemap file of the site's articles, oldest month first, `undated`, then `pages`, last. */
export async function listSitemapFiles(deps: SitemapDeps): Promise<SitemapFile[]> {
  const db = deps.database.db;
  const files: SitemapFile[] = [];
  const add = async (base: string, range: SitemapRange) => {
    const { count, lastModified } = await rangeSummary(db, range);
    for (let part = 1; (part - 1) * SITEMAP_MAX_URLS < count; part++) {
      files.push({ name: nameOf(base, part), lastModified });
    }
  };
  const span = await publishedSpan(db);
  if (span) {
    const first = zonedParts(span.first, deps.timeZone);
    const last = zonedParts(span.last, deps.timeZone);
    const end = last.year * 12 + last.month - 1;
    for (let n = first.year * 12 + first.month - 1; n <= end; n++) {
      const year = Math.floor(n / 12);
      const month = (n % 12) + 1;
      const base = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
      await add(base, monthRange(year, month, deps.timeZone));
    }
  }
  await add('undated', 'undated');
  const pages = await listPublishedPages(db, SITEMAP_MAX_URLS);
  if (pages.length > 0) files.push({ name: PAGES_SITEMAP, lastModified: lastChange(pages) });
  return files;
}

/** A sitemap file's articles, read as they are iterated, and what conditional GET needs. */
export interface SitemapFileContent {
  /** The newest public modification of its articles (`Last-Modified`). */
  lastModified: Date | null;
  /** The newest save of any kind of its articles (part of its entity tag). */
  lastSaved: Date | null;
  count: number;
  rows: AsyncIterable<SitemapRow>;
}

/**
 * The articles of sitemap file `name`, or null when no such file exists.
 * `rows` reads the database a batch at a time as it is iterated.
 */
export async function getSitemapFile(
  deps: SitemapDeps,
  name: string,
): Promise<SitemapFileContent | null> {
  if (name === PAGES_SITEMAP) {
    const pages = await listPublishedPages(deps.database.db, SITEMAP_MAX_URLS);
    if (pages.length === 0) return null;
    return {
      lastModified: lastChange(pages),
      lastSaved: newest(pages.map((p) => p.updatedAt)),
      count: pages.length,
      rows: fromArray(pages),
    };
  }
  const parsed = parseName(name, deps.timeZone);
  if (!parsed) return null;
  const { count, lastModified, lastSaved } = await rangeSummary(deps.database.db, parsed.range);
  const skip = (parsed.part - 1) * SITEMAP_MAX_URLS;
  if (skip >= count) return null;
  return {
    lastModified,
    lastSaved,
    count: Math.min(SITEMAP_MAX_URLS, count - skip),
    rows: readPart(deps, parsed.range, skip),
  };
}

/** When the newest of `rows` changed publicly. */
function lastChange(rows: readonly SitemapRow[]): Date | null {
  return newest(rows.map((r) => r.lastModified));
}

function newest(dates: readonly Date[]): Date | null {
  return dates.reduce<Date | null>((max, d) => (!max || d > max ? d : max), null);
}

async function* fromArray(rows: readonly SitemapRow[]): AsyncGenerator<SitemapRow> {
  yield* rows;
}

async function* readPart(
  deps: ReadDeps,
  range: SitemapRange,
  skip: number,
): AsyncGenerator<SitemapRow> {
  let after: SitemapRow | null = null;
  let left = SITEMAP_MAX_URLS;
  while (left > 0) {
    const limit = Math.min(SITEMAP_BATCH, left);
    const rows: SitemapRow[] = await listSitemapRows(
      deps.database.db,
      range,
      after,
      limit,
      after === null ? skip : 0,
    );
    yield* rows;
    const last = rows[rows.length - 1];
    if (rows.length < limit || !last) return;
    after = last;
    left -= rows.length;
  }
}

/** The articles of the Google News sitemap at `now`: the last 48 hours, newest first, at most 1,000. */
export function getNewsArticles(deps: ReadDeps, now: Date): Promise<SitemapRow[]> {
  return listPublishedSince(
    deps.database.db,
    new Date(now.getTime() - NEWS_WINDOW_MS),
    NEWS_MAX_URLS,
  );
}
