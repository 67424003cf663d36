/**
 * Writes a static mirror of the public site (issue 22): every page that
 * MIRROR_PATH_PRODUCERS lists, rendered by the site itself (`buildApp`,
 * through `app.inject()`, never listening), with its links rewritten to
 * relative paths (mirror-path.ts), then the stylesheets, scripts, fonts,
 * logo and images those pages use, then a signed manifest
 * (services/mirror-manifest.ts).
 *
 * The site's search form leads to the mirror's own search page
 * (mirror-search.ts). Links to what a mirror cannot hold (the newsroom,
 * forms that post: newsletter, alerts; a live article's older updates)
 * lead to a note page in the mirror, `mirror/note.html`, which says so in
 * Arabic. Canonical links, `og:url` and the feeds' and sitemaps' links keep
 * the main site's absolute addresses, which is right for search engines.
 * Each page is marked on `<html>` (MIRROR_PAGE_MARK), so its scripts call
 * nothing of the site's.
 *
 * A run over an earlier mirror writes only the files whose bytes differ
 * and removes the files of what is no longer published, so that a copy
 * (rsync) moves only what changed.
 */
import { constants } from 'node:fs';
import { access, mkdir, readFile, readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { Config } from '../../config/schema.js';
import {
  MIRROR_OWN_DIR,
  MIRROR_PAGE_MARK,
  mirrorFileOf,
  relativeLink,
} from '../../domain/mirror-path.js';
import { translator } from '../../i18n/format.js';
import { escapeHtml } from '../../lib/escape-html.js';
import { AppError } from '../../lib/errors.js';
import type { Database } from '../../services/database.js';
import { ensureMirrorKeys } from '../../services/mirror-keys.js';
import {
  listMirrorFiles,
  MANIFEST_FILE,
  readOwnManifest,
  manifestEntry,
  PUBLIC_KEY_FILE,
  SIGNATURE_FILE,
  SIGNATURE_FILES,
  signManifest,
  type ManifestEntry,
} from '../../services/mirror-manifest.js';
import { MissedPaths } from '../../services/missed-paths.js';
import { ViewCounter } from '../../services/view-counter.js';
import { buildApp } from '../app.js';
import { MIRROR_PATH_PRODUCERS, type MirrorPage } from './mirror-paths.js';
import { MirrorProgress } from './mirror-progress.js';
import { MirrorSearchIndex, SEARCH_PAGE_FILE } from './mirror-search.js';
import { ownPage } from './own-page.js';
import { rewriteCssUrls, rewriteHtmlLinks } from './rewrite-links.js';

/** The note page that links to what a mirror does not hold lead to. */
export const NOTE_FILE = `${MIRROR_OWN_DIR}/note.html`;

/** Pages rendered at once: enough to overlap rendering with writing files. */
const PAGES_AT_ONCE = 4;

/** Paths of the files pages use (not pages): taken when a page links to them. */
const RESOURCE_PREFIXES = ['/assets/', '/fonts/', '/media/'];
const RESOURCE_FILES = new Set(['/logo.png', '/favicon.svg', '/favicon.ico']);

export interface MirrorDeps {
  config: Config;
  database: Database;
  /** The clock (UTC instants): the pages' dates and the manifest's time. */
  now: () => Date;
}

export interface MirrorOptions {
  /**
   * Render again only the articles and static pages saved since the
   * earlier run in the folder began (its manifest's time), with every
   * listing, feed and sitemap; keep the rest of the earlier run's files.
   * An article whose related stories changed keeps its page until a full run.
   */
  sinceLastRun?: boolean;
  /** Told after each file this run handles, with how many it knows of so far (mirror-progress.ts). */
  onProgress?: (done: number, total: number) => void;
}

/** What a run wrote. */
export interface MirrorSummary {
  /** Files in the mirror (the manifest's entries), and their bytes. */
  files: number;
  bytes: number;
  /** The files whose bytes were written this run (new or changed), in the order written. */
  written: string[];
  /** Files of an earlier run removed (no longer published). */
  removed: number;
  /** Site addresses listed or linked that the site did not answer 200, with its status. */
  failed: Array<{ path: string; status: number }>;
  /** The origin whose pages these are, which canonical links name. */
  origin: string;
}

/** The origin the mirror's pages are made for: MIDAD_BASE_URL, else the first allowed host, else localhost. */
function mirrorOrigin(config: Config): string {
  if (config.baseUrl !== undefined) return config.baseUrl;
  const listed = config.allowedHosts?.[0];
  return listed === undefined ? `http://localhost:${config.port}` : `http://${listed}`;
}

/**
 * Writes (or brings up to date) the mirror of the site in `outDir`.
 * @throws AppError `MIRROR_TARGET_INVALID` when `outDir` is a file, or a
 *   folder with files that holds no earlier mirror (nothing is written).
 */
export async function writeMirror(
  deps: MirrorDeps,
  outDir: string,
  options: MirrorOptions = {},
): Promise<MirrorSummary> {
  await checkTarget(outDir);
  const startedAt = deps.now();
  const previous = options.sinceLastRun ? await readOwnManifest(outDir) : null;
  const since = previous === null ? null : new Date(previous.writtenAt);
  const origin = mirrorOrigin(deps.config);
  const host = new URL(origin).host;
  const app = await buildApp({
    config: deps.config,
    database: deps.database,
    now: deps.now,
    logRequests: false,
    viewCounter: new ViewCounter({ sink: async () => {} }),
    // A page listed but gone by the time it is rendered is no reader's missed address.
    missedPaths: new MissedPaths({ sink: async () => {}, now: deps.now }),
  });
  const summary: MirrorSummary = {
    files: 0,
    bytes: 0,
    written: [],
    removed: 0,
    failed: [],
    origin,
  };
  const entries = new Map<string, ManifestEntry>();
  const progress = new MirrorProgress(options.onProgress);
  const put = async (file: string, bytes: Uint8Array) => {
    entries.set(file, manifestEntry(file, bytes));
    const path = join(outDir, file);
    const before = await readFile(path).catch(() => null);
    if (before === null || !before.equals(bytes)) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      summary.written.push(file);
    }
    progress.handled();
  };
  try {
    // What the pages may link to: every page listed, then the files they use.
    const pages: Array<MirrorPage & { file: string }> = [];
    const held = new Set<string>([NOTE_FILE, SEARCH_PAGE_FILE]);
    const aliases = new Map<string, string>();
    for (const produce of MIRROR_PATH_PRODUCERS) {
      for await (const page of produce({
        database: deps.database,
        timeZone: deps.config.timeZone,
      })) {
        const file = mirrorFileOf(page.path);
        if (file === null || held.has(file)) continue;
        held.add(file);
        pages.push({ ...page, file });
        // An article's short link `/a/<id>` leads to its canonical page.
        const short = /^(a\/[0-9]+)\/[^/]+\/index\.html$/.exec(file)?.[1];
        if (short) aliases.set(`${short}/index.html`, file);
      }
    }
    // A run since the last one keeps the files of what was not saved since, and every file
    // that is not a page (images, assets), unless a page listed now lies there.
    const unchanged = new Set<string>();
    if (previous !== null && since !== null) {
      const listed = new Map(pages.map((p) => [p.file, p]));
      for (const entry of previous.files) {
        const page = listed.get(entry.path);
        const keep = page
          ? page.savedAt !== undefined && page.savedAt < since
          : !entry.path.endsWith('/index.html') && !held.has(entry.path);
        if (keep) {
          entries.set(entry.path, entry);
          unchanged.add(entry.path);
        }
      }
    }
    progress.found(pages.length + 1);
    const resources = new Set<string>();
    const links = (fromPath: string, from: string) => (url: string) =>
      linkIn(url, { origin, fromPath, from, held, aliases, resources });

    const render = async (path: string) => {
      const response = await app.inject({ method: 'GET', url: path, headers: { host } });
      if (response.statusCode !== 200) {
        summary.failed.push({ path, status: response.statusCode });
        return null;
      }
      return { type: String(response.headers['content-type'] ?? ''), body: response.rawPayload };
    };
    const limit = pLimit(PAGES_AT_ONCE);
    await put(NOTE_FILE, Buffer.from(notePage()));
    await Promise.all(
      pages.map(({ path, file }) =>
        limit(async () => {
          if (unchanged.has(file)) return progress.handled();
          const got = await render(path);
          if (got === null) return progress.handled();
          if (!got.type.startsWith('text/html')) return put(file, got.body);
          const html = rewriteHtmlLinks(
            got.body.toString('utf8'),
            links(path, file),
            (element, changed): Record<string, string> =>
              element.tagName === 'html'
                ? { [MIRROR_PAGE_MARK]: '' }
                : // A form now sent to the note page is sent by GET: a static host refuses POST.
                  element.tagName === 'form' && changed.action === relativeLink(file, NOTE_FILE)
                  ? { method: 'get' }
                  : {},
          );
          return put(file, Buffer.from(html));
        }),
      ),
    );
    // Indexed in the producers' order (articles oldest first), whatever order they were written in.
    const search = new MirrorSearchIndex(origin);
    for (const { file, headline } of pages) {
      if (headline !== undefined && entries.has(file)) search.add(file, headline);
    }
    const searchFiles = [...search.files()];
    progress.found(searchFiles.length);
    for (const [file, text] of searchFiles) await put(file, Buffer.from(text));
    // The files pages use, and those that stylesheets use in turn (fonts).
    const done = new Set<string>();
    for (
      let next = [...resources];
      next.length > 0;
      next = [...resources].filter((p) => !done.has(p))
    ) {
      progress.found(next.length);
      for (const path of next) {
        done.add(path);
        const file = mirrorFileOf(path)!;
        const got = await render(path);
        if (got === null) {
          progress.handled();
          continue;
        }
        const body = got.type.startsWith('text/css')
          ? Buffer.from(rewriteCssUrls(got.body.toString('utf8'), links(path, file)))
          : got.body;
        await put(file, body);
      }
    }
    summary.removed = await removeStale(outDir, entries);
    const keys = await ensureMirrorKeys(deps.database.db);
    const signed = signManifest(origin, startedAt, entries.values(), keys.privateKey);
    await writeFile(join(outDir, PUBLIC_KEY_FILE), keys.publicKey);
    await writeFile(join(outDir, MANIFEST_FILE), signed.json);
    await writeFile(join(outDir, SIGNATURE_FILE), `${signed.signature}\n`);
  } finally {
    await app.close();
  }
  summary.files = entries.size;
  summary.bytes = [...entries.values()].reduce((sum, e) => sum + e.size, 0);
  return summary;
}

/** What linkIn needs to know of the mirror being written. */
interface LinkScope {
  origin: string;
  /** The site address of the page or stylesheet the link is in, which relative links start from. */
  fromPath: string;
  /** Its mirror file. */
  from: string;
  /** Every file the mirror holds (pages listed, the note page). */
  held: ReadonlySet<string>;
  /** Other names of held files: an article's short link. */
  aliases: ReadonlyMap<string, string>;
  /** The site paths of the files pages use, gathered as they are linked. */
  resources: Set<string>;
}

/**
 * The mirror's link for `url` found in `scope.from`, or null to keep it: a
 * link elsewhere than the site (or not http) stays; one to a page or a file
 * the mirror holds becomes relative; any other link to the site leads to
 * the note page.
 */
function linkIn(url: string, scope: LinkScope): string | null {
  if (url === '' || url.startsWith('#')) return null;
  let target: URL;
  try {
    target = new URL(url, `${scope.origin}${scope.fromPath}`);
  } catch {
    return null;
  }
  if (target.origin !== scope.origin) return null;
  const path = target.pathname + target.search;
  const file = mirrorFileOf(path);
  if (file !== null) {
    const held = scope.held.has(file) ? file : scope.aliases.get(file);
    if (held !== undefined) return relativeLink(scope.from, held, target.hash);
    if (target.search === '' && isResource(target.pathname)) {
      scope.resources.add(target.pathname);
      return relativeLink(scope.from, file, target.hash);
    }
  }
  return relativeLink(scope.from, NOTE_FILE);
}

function isResource(pathname: string): boolean {
  return RESOURCE_FILES.has(pathname) || RESOURCE_PREFIXES.some((p) => pathname.startsWith(p));
}

/** The note page: in Arabic, what a mirror does not hold. */
function notePage(): string {
  const t = translator('ar');
  return ownPage(NOTE_FILE, t('mirror.note.title'), `<p>${escapeHtml(t('mirror.note.body'))}</p>`);
}

/**
 * Makes folder `path` and the missing folders above it, one `mkdir` each.
 * Not `mkdir(…, { recursive: true })`: where a folder cannot be made under
 * one that exists (`/proc`), Node 20's recursive mkdir retries for ever.
 * @throws the first refusal (ENOENT, ENOTDIR, EACCES, EROFS…).
 */
async function makeFolder(path: string): Promise<void> {
  const parent = dirname(path);
  if (parent !== path && (await stat(parent).catch(() => null)) === null) await makeFolder(parent);
  await mkdir(path);
}

/**
 * Checks that `outDir` may take a mirror: it does not exist and can be
 * made (it is made here), or is an empty folder, or holds an earlier
 * mirror (its manifest); and that it may be written to.
 * @throws AppError `MIRROR_TARGET_UNWRITABLE` when it cannot be made or
 *   written to (a path under a file, a read-only or forbidden place),
 *   `MIRROR_TARGET_INVALID` when it holds something else.
 */
export async function checkTarget(outDir: string): Promise<void> {
  const invalid = () =>
    new AppError('MIRROR_TARGET_INVALID', `${outDir} is neither an empty folder nor a mirror.`, {
      details: { folder: outDir },
    });
  const unwritable = (error: unknown) =>
    new AppError('MIRROR_TARGET_UNWRITABLE', `The folder ${outDir} cannot be made or written to.`, {
      details: { folder: outDir },
      cause: error,
    });
  const stats = await stat(outDir).catch(() => null);
  if (stats === null) {
    await makeFolder(outDir).catch((error: unknown) => {
      throw unwritable(error);
    });
  } else if (!stats.isDirectory()) throw invalid();
  await access(outDir, constants.W_OK | constants.X_OK).catch((error: unknown) => {
    throw unwritable(error);
  });
  if (stats === null) return;
  const manifest = await stat(join(outDir, MANIFEST_FILE)).catch(() => null);
  if (!manifest?.isFile() && (await readdir(outDir)).length > 0) throw invalid();
}

/**
 * Removes the files of `outDir` that this run did not write (what is no
 * longer published), and folders left empty.
 * @returns how many files were removed.
 */
async function removeStale(outDir: string, kept: ReadonlyMap<string, unknown>): Promise<number> {
  let removed = 0;
  const folders = new Set<string>();
  for (const file of await listMirrorFiles(outDir)) {
    if (kept.has(file) || SIGNATURE_FILES.has(file)) continue;
    await rm(join(outDir, file));
    removed++;
    for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) folders.add(dir);
  }
  // Deepest first; a folder that still holds something stays.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(join(outDir, dir)).catch(() => undefined);
  }
  return removed;
}
