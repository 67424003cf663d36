/**
 * The report of a site import: every item of the export counted, so that
 * nothing is silently dropped. `midad import` prints it and, with
 * `--report FILE`, writes it as JSON (`toReportJson`).
 */
import type { SitePostStatus, SiteSource, SiteTally } from '../../domain/site-import.js';
import { htmlToText } from '../../domain/html-text.js';
import { imagesWithoutAlt } from '../../domain/image-alt.js';
import type { DiskMap } from '../../lib/disk-map.js';
import type { ImportRedirectsSaved } from '../redirects.js';

/** What became of one kind of thing: made new, found already there. */
export interface CreatedOrFound {
  created: number;
  existing: number;
}

/** A post of the report, named. */
export interface NamedPost {
  key: string;
  headline: string;
}

/** A post that did not become an article, and why (English, for the person importing). */
export interface RefusedPost {
  key: string;
  headline: string;
  reason: string;
}

export interface SiteImportReport {
  source: SiteSource;
  /** True when nothing was written (`--dry-run`). */
  dryRun: boolean;
  /** Posts that became articles, by their status on the old site. */
  articles: Record<SitePostStatus, number>;
  /** Pages that became static pages. */
  pages: number;
  /** Of the articles and pages: new ones, ones updated from an earlier import. */
  created: number;
  updated: number;
  /** Imported before and edited in the newsroom since: left as they are. */
  kept: RefusedPost[];
  /** Posts that could not be imported (a headline over its limit, a body too large…). */
  refused: RefusedPost[];
  /**
   * Published posts (and pages) whose body came in empty: published all the
   * same, so that their old links keep working, and listed for the newsroom.
   */
  emptyBodies: NamedPost[];
  /**
   * Published posts (and pages) with an image lacking alt text, in the body
   * or as the featured image: published all the same (a correction to them
   * is not refused for those images), counted, and the first listed for
   * the newsroom to describe.
   */
  missingAlt: { count: number; posts: NamedPost[] };
  authors: CreatedOrFound;
  sections: CreatedOrFound;
  tags: CreatedOrFound;
  /** Images brought in, and missing ones: counted, and the first listed as `URL: reason`. */
  images: { imported: number; missing: number; missingUrls: string[] };
  /** Redirects the import stored: one per old address (as keyed), however many items named it. */
  redirects: number;
  /** Items of the file that are not posts, by reason (`attachment`, `revision`, `post type «product»`…). */
  skipped: Record<string, number>;
  /** Comments are not imported (Midad has none); this many were in the file. */
  comments: number;
  /** Unknown shortcodes or cards removed, by name, their inner text kept. */
  shortcodes: Record<string, number>;
  notes: string[];
}

/** How many missing image URLs a report lists (it counts them all). */
export const MISSING_URLS_LISTED = 200;

/** How many published posts with images lacking alt text a report lists (it counts them all). */
export const MISSING_ALT_LISTED = 200;

/** A report with every count at zero. */
export function emptyReport(source: SiteSource, dryRun: boolean): SiteImportReport {
  return {
    source,
    dryRun,
    articles: { published: 0, scheduled: 0, draft: 0, pending: 0, private: 0 },
    pages: 0,
    created: 0,
    updated: 0,
    kept: [],
    refused: [],
    emptyBodies: [],
    missingAlt: { count: 0, posts: [] },
    authors: { created: 0, existing: 0 },
    sections: { created: 0, existing: 0 },
    tags: { created: 0, existing: 0 },
    images: { imported: 0, missing: 0, missingUrls: [] },
    redirects: 0,
    skipped: {},
    comments: 0,
    shortcodes: {},
    notes: [],
  };
}

/**
 * Copies a reader's tally (complete once its posts were read) into
 * `report`, its missing images counted with the bodies'.
 */
export function addTally(report: SiteImportReport, tally: SiteTally): void {
  report.skipped = Object.fromEntries(tally.skipped);
  report.comments = tally.comments;
  report.shortcodes = Object.fromEntries(tally.shortcodes);
  report.notes.push(...tally.notes);
  for (const { url, reason } of tally.missingImages) addMissingImage(report, url, reason);
}

/** Notes a missing image (`URL: reason`) once in the list, counting every miss. */
export function addMissingImage(report: SiteImportReport, url: string, reason: string): void {
  report.images.missing++;
  const line = `${url}: ${reason}`;
  if (
    report.images.missingUrls.length < MISSING_URLS_LISTED &&
    !report.images.missingUrls.includes(line)
  ) {
    report.images.missingUrls.push(line);
  }
}

/**
 * Counts the redirects of one saveImportRedirects call in `report`: each
 * key once in the whole import (`counted`, the keys counted so far: two
 * spellings of one address, or two items naming it, are one stored row),
 * none left to a newsroom redirect; and notes each refused old address
 * with its reason.
 */
export function countImportRedirects(
  report: SiteImportReport,
  counted: DiskMap,
  saved: ImportRedirectsSaved,
): void {
  for (const key of saved.stored) if (counted.setIfAbsent(key, '')) report.redirects++;
  for (const { oldPath, reason } of saved.refused) {
    report.notes.push(`Old address not redirected: ${oldPath}: ${reason}.`);
  }
}

/**
 * Lists a published post in `report.emptyBodies` when its stored body
 * (sanitised) shows nothing: no text and no image.
 */
export function noteEmptyBody(report: SiteImportReport, post: NamedPost, bodyHtml: string): void {
  if (htmlToText(bodyHtml, 'keep').trim() !== '' || /<img\b/i.test(bodyHtml)) return;
  report.emptyBodies.push({ key: post.key, headline: post.headline });
}

/**
 * Counts a published post in `report.missingAlt`, and lists it while
 * fewer than MISSING_ALT_LISTED are, when an image of its stored body
 * (sanitised) lacks alt text or `featuredWithoutAlt` (its featured image
 * was imported without alt text).
 */
export function noteMissingAlt(
  report: SiteImportReport,
  post: NamedPost,
  bodyHtml: string,
  featuredWithoutAlt: boolean,
): void {
  if (!featuredWithoutAlt && imagesWithoutAlt(bodyHtml).length === 0) return;
  report.missingAlt.count++;
  if (report.missingAlt.posts.length < MISSING_ALT_LISTED) {
    report.missingAlt.posts.push({ key: post.key, headline: post.headline });
  }
}
