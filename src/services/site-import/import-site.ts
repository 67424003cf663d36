/**
 * Importing a whole WordPress or Ghost site (a `SiteExport` read by
 * importers/wordpress or importers/ghost): its authors, categories and
 * tags first, then its posts in batches, each batch one transaction, then
 * redirects from the old addresses of categories, tags, authors and feeds.
 * Re-running the same export updates what changed, never duplicates, never
 * lowers a view count, and keeps an article edited in the newsroom since.
 *
 * With `dryRun`, the same work runs inside one transaction that is rolled
 * back at the end, and images are read or fetched and checked as an
 * upload is, never stored: the report says what an import would do, and
 * nothing is written.
 */
import type { SiteExport, SitePost } from '../../domain/site-import.js';
import { listingPath } from '../../domain/article-path.js';
import { feedPath } from '../../domain/feed-path.js';
import type { Database } from '../../storage/database.js';
import type { Db } from '../../storage/db.js';
import { DiskMap } from '../../lib/disk-map.js';
import { firstAdministratorId } from '../../storage/repositories/site-import.repository.js';
import { searchIndexFor } from '../../search/index-for.js';
import { saveImportRedirects, type ImportRedirect } from '../redirects.js';
import { finishImport } from '../save-imported-article.js';
import { prepareHere, type BodyPreparer, type PreparedOutcome } from '../prepared-body.js';
import { sanitizerPool, type SanitizerPool } from '../sanitizer-pool.js';
import type { MediaDeps } from '../media.js';
import { feedOwnerOf, storeTaxonomy, type StoredTaxonomy } from './import-taxonomy.js';
import { libraryImages, withoutImages, type ImageSources } from './site-images.js';
import {
  finishPost,
  refusalOf,
  startPost,
  type PostContext,
  type PreparedPost,
  type SiteImages,
  type StartedPost,
} from './site-post.js';
import { writePosts } from './write-posts.js';
import {
  addTally,
  countImportRedirects,
  emptyReport,
  type SiteImportReport,
} from './site-import-report.js';

/** Posts written per transaction. */
export const SITE_IMPORT_BATCH = 200;

/**
 * Exports of at least this many posts have their bodies prepared on worker
 * threads (sanitizer-pool.ts) while this thread stores: a thread's start
 * (about 50 ms) is worth it past one batch.
 */
export const THREADED_FROM_POSTS = SITE_IMPORT_BATCH;

export interface SiteImportDeps {
  database: Database;
  now: () => Date;
  /** The media library's settings, for the images (config `mediaDir`, upload limits). */
  media: Omit<MediaDeps, 'database' | 'now'>;
  /**
   * How bodies are sanitised and read (prepared-body.ts); by default on
   * this thread for a small export, on a pool of worker threads started
   * for the import from THREADED_FROM_POSTS posts.
   */
  prepareBody?: BodyPreparer;
}

export interface SiteImportOptions {
  dryRun: boolean;
  /** Where the images come from (`--uploads`, `--fetch-media`). */
  images: ImageSources;
  /** Called after each batch: posts read so far, and how many the export has. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs database work: `write` in a transaction, `read` outside any (a
 * post's images are brought in there, and SQLite's one connection must
 * not be held by a transaction meanwhile). In a dry run both use the one
 * transaction that is rolled back.
 */
interface Runner {
  write<T>(work: (db: Db) => Promise<T>): Promise<T>;
  read<T>(work: (db: Db) => Promise<T>): Promise<T>;
}

/** Thrown inside a dry run's transaction to roll it back. */
class DryRunRollback extends Error {}

/** Redirects from the old addresses of categories, tags, authors and feeds. */
function taxonomyRedirects(site: SiteExport, taxonomy: StoredTaxonomy): ImportRedirect[] {
  const rows: ImportRedirect[] = [];
  const add = (paths: readonly string[], to: string) => {
    for (const from of paths) rows.push({ oldPath: from, target: to });
  };
  for (const category of site.categories) {
    const section = taxonomy.sections.get(category.key);
    if (section) add(category.oldPaths, listingPath('section', section.slug));
  }
  for (const tag of site.tags) {
    const stored = taxonomy.tags.get(tag.key);
    if (stored) add(tag.oldPaths, listingPath('tag', stored.slug));
  }
  for (const author of site.authors) {
    const user = taxonomy.authors.get(author.key);
    if (user) add(author.oldPaths, listingPath('author', user.slug));
  }
  for (const feed of site.feeds) {
    const owner = feedOwnerOf(feed.of, taxonomy);
    if (owner) rows.push({ oldPath: feed.oldPath, target: feedPath(owner, feed.format) });
  }
  return rows;
}

/** The import records' `source` for `site`: its system and address (see PostContext). */
function recordSourceOf(site: SiteExport): string {
  return site.siteUrl === null ? site.source : `${site.source} ${site.siteUrl}`;
}

/**
 * How the import's images are brought in (or, in a dry run, checked).
 * They are stored as uploaded by the first administrator, else by the
 * export's first author; with neither, none is brought in (all reported
 * missing).
 */
async function imagesOf(
  deps: SiteImportDeps,
  site: SiteExport,
  options: SiteImportOptions,
  taxonomy: StoredTaxonomy,
  run: Runner,
): Promise<SiteImages> {
  const uploader =
    (await run.read(firstAdministratorId)) ?? taxonomy.authors.values().next().value?.id ?? null;
  if (uploader === null) {
    const reason = 'no newsroom account to own the images: add an administrator first';
    return { featured: async () => ({ ok: false, reason }), body: withoutImages(reason) };
  }
  const media = { ...deps.media, database: deps.database, now: deps.now };
  // A dry run looks earlier imports up in its transaction, open until the import ends.
  return options.dryRun
    ? run.read(async (db) => libraryImages(media, options.images, site.siteUrl, uploader, db))
    : libraryImages(media, options.images, site.siteUrl, uploader);
}

async function importWithin(
  deps: SiteImportDeps,
  site: SiteExport,
  options: SiteImportOptions,
  report: SiteImportReport,
  run: Runner,
): Promise<void> {
  const now = deps.now();
  const taxonomy = await run.write((db) => storeTaxonomy(db, site, report, now));
  const pool: SanitizerPool | null =
    deps.prepareBody === undefined && site.postCount >= THREADED_FROM_POSTS
      ? sanitizerPool()
      : null;
  const context: PostContext = {
    source: site.source,
    recordSource: recordSourceOf(site),
    taxonomy,
    categories: new Map(site.categories.map((c) => [c.key, c])),
    links: { siteUrl: site.siteUrl, postOf: (address) => site.linkTargets.get(address) },
    images: await imagesOf(deps, site, options, taxonomy, run),
    redirectKeys: new DiskMap(),
    prepareBody: deps.prepareBody ?? pool?.prepare ?? prepareHere,
    searchIndex: searchIndexFor(deps.database),
    report,
    now,
  };
  try {
    await importPosts(site, options, context, run);
    const rows = taxonomyRedirects(site, taxonomy);
    const saved = await run.write((db) => saveImportRedirects(db, rows, now));
    countImportRedirects(report, context.redirectKeys, saved);
  } finally {
    context.redirectKeys.close();
    await pool?.close();
  }
  addTally(report, site.tally);
}

/** A batch whose posts are started (startPost), or refused at once, and its bodies being prepared. */
interface StartedBatch {
  posts: SitePost[];
  started: Array<StartedPost | { refused: unknown }>;
  /** The outcome of each started post's body, in the order of `started`'s posts; never rejects. */
  bodies: Promise<PreparedOutcome[]>;
}

/**
 * The posts of `site` in batches, in a pipeline: a batch's posts are all
 * started (images in, bodies handed to a worker thread), then the batch
 * before it is finished and written in one transaction while the worker
 * prepares the new one's bodies; so the worker and this thread work at
 * once. Each batch is finished after the one before it is written (links
 * to its posts are found). Refusals are reported in the export's order.
 */
async function importPosts(
  site: SiteExport,
  options: SiteImportOptions,
  context: PostContext,
  run: Runner,
): Promise<void> {
  const report = context.report;
  let done = 0;
  const start = async (posts: SitePost[]): Promise<StartedBatch> => {
    const started: StartedBatch['started'] = [];
    for (const post of posts) {
      try {
        started.push(await startPost(post, context));
      } catch (error) {
        refusalOf(error); // what is not a refusal of this post stops the import now
        started.push({ refused: error });
      }
    }
    const htmls = started.flatMap((one) => ('html' in one ? [one.html] : []));
    const bodies = context
      .prepareBody(htmls)
      .catch((error: unknown) =>
        htmls.map((): PreparedOutcome => ({ ok: false, error: error as Error })),
      );
    return { posts, started, bodies };
  };
  const finishAndWrite = async ({ posts, started, bodies }: StartedBatch) => {
    const outcomes = (await bodies).values();
    const prepared: PreparedPost[] = [];
    for (const [i, one] of started.entries()) {
      const post = posts[i]!;
      try {
        if ('refused' in one) throw one.refused;
        const outcome = outcomes.next().value!;
        prepared.push(await run.read((db) => finishPost(db, one, outcome, context)));
      } catch (error) {
        report.refused.push({ key: post.key, headline: post.headline, reason: refusalOf(error) });
      }
    }
    await run.write((db) => writePosts(db, prepared, context));
    done += posts.length;
    options.onProgress?.(done, site.postCount);
  };
  let previous: StartedBatch | null = null;
  let batch: SitePost[] = [];
  const next = async () => {
    const started = await start(batch);
    batch = [];
    if (previous !== null) await finishAndWrite(previous);
    previous = started;
  };
  const posts = site.posts()[Symbol.asyncIterator]();
  for (;;) {
    let read: IteratorResult<SitePost>;
    try {
      read = await posts.next();
    } catch (error) {
      // The reader failed (the file changed, a thread died): the batch read before it is still written.
      if (previous !== null) await finishAndWrite(previous);
      throw error;
    }
    if (read.done === true) break;
    batch.push(read.value);
    if (batch.length >= SITE_IMPORT_BATCH) await next();
  }
  await next();
  if (previous !== null) await finishAndWrite(previous);
}

/**
 * Imports `site`, or with `dryRun` tells what importing it would do.
 * @returns the report: every item of the export counted.
 * @throws AppError IMPORT_FILE_MALFORMED / IMPORT_FILE_CHANGED from the
 *   reader (what was written by earlier batches stays, and a re-run goes
 *   on from it); a database error (the batch in progress is rolled back).
 */
export async function importSite(
  deps: SiteImportDeps,
  site: SiteExport,
  options: SiteImportOptions,
): Promise<SiteImportReport> {
  const report = emptyReport(site.source, options.dryRun);
  if (options.dryRun) {
    try {
      await deps.database.db.transaction().execute(async (trx) => {
        const inside = <T>(work: (db: Db) => Promise<T>) => work(trx);
        await importWithin(deps, site, options, report, { write: inside, read: inside });
        throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return report;
  }
  const db = deps.database.db;
  await importWithin(deps, site, options, report, {
    write: (work) => db.transaction().execute((trx) => work(trx)),
    read: (work) => work(db),
  });
  if (report.created + report.updated > 0) await finishImport(deps);
  return report;
}
