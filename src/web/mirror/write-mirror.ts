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
 * (rsync) moves only what changed: only files its manifest listed, so an
 * operator's own files in the folder (a README, a CNAME) stay, and are
 * reported.
 */
import { constants } from 'node:fs';
import {
  access,
  lstat,
  mkdir,
  readFile,
  readdir,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Config } from '../../config/schema.js';
import {
  MIRROR_OWN_DIR,
  MIRROR_PAGE_MARK,
  mirrorFileOf,
  relativeLink,
  sitePathOf,
} from '../../domain/mirror-path.js';
import { translator } from '../../i18n/format.js';
import { escapeHtml } from '../../lib/escape-html.js';
import { AppError } from '../../lib/errors.js';
import type { Database } from '../../services/database.js';
import { ensureMirrorKeys } from '../../services/mirror-keys.js';
import { checkMediaFolder } from '../../services/media-folder.js';
import {
  MANIFEST_FILE,
  MirrorFileList,
  PUBLIC_KEY_FILE,
  readOwnManifest,
  SIGNATURE_FILES,
  writeSignedManifest,
} from '../../services/mirror-manifest.js';
import { MissedPaths } from '../../services/missed-paths.js';
import { ViewCounter } from '../../services/view-counter.js';
import { buildApp } from '../app.js';
import { readKeptPageLinks } from './kept-pages.js';
import { MIRROR_PATH_PRODUCERS } from './mirror-paths.js';
import { MirrorProgress } from './mirror-progress.js';
import { PlainPaths } from './plain-paths.js';
import { MirrorSearchIndex, SEARCH_PAGE_FILE } from './mirror-search.js';
import { ownPage } from './own-page.js';
import { rewriteCssUrls, rewriteHtmlLinks } from './rewrite-links.js';

/** The note page that links to what a mirror does not hold lead to. */
export const NOTE_FILE = `${MIRROR_OWN_DIR}/note.html`;

/**
 * The file a run puts in the mirror when it starts writing and removes
 * once its manifest is signed: found at any other time, a run was cut
 * short (a stop, a crash) and the folder no longer matches its manifest
 * (`verify` names the mark among the files the manifest does not list).
 */
export const UNFINISHED_RUN_FILE = `${MIRROR_OWN_DIR}/unfinished-run`;

/** Whether a run in mirror folder `dir` was cut short (UNFINISHED_RUN_FILE is there). */
export async function runWasCutShort(dir: string): Promise<boolean> {
  return (await lstat(join(dir, UNFINISHED_RUN_FILE)).catch(() => null)) !== null;
}

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
   * listing, feed and sitemap; keep the rest of the earlier run's pages,
   * unless a file they link to is gone (then they are rendered again too).
   * An article whose related stories changed otherwise keeps its page
   * until a full run.
   */
  sinceLastRun?: boolean;
  /** Told after each file this run handles, with how many it knows of so far (mirror-progress.ts). */
  onProgress?: (done: number, total: number) => void;
  /** Told each file whose bytes this run writes (new or changed), as it writes it. */
  onWritten?: (file: string) => void;
}

/** What a run wrote. */
export interface MirrorSummary {
  /** Files in the mirror (the manifest's entries), and their bytes. */
  files: number;
  bytes: number;
  /** How many files' bytes were written this run (new or changed): onWritten names them. */
  written: number;
  /** Files of an earlier run removed (listed in its manifest, no longer made). */
  removed: number;
  /**
   * Files in the folder that no run wrote (not in the earlier manifest nor
   * this one: an operator's README, CNAME or `.well-known/`), at its top or
   * in a folder of their own, sorted. They are left in place, and
   * `midad mirror verify` fails on them (not in the manifest).
   */
  unlisted: string[];
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

/** The pages a run holds, as the producers list them. */
interface ListedPages {
  /** Every page's mirror file, in the producers' order, with the note and search pages first. */
  held: Set<string>;
  /** The site address of the few files whose address is not sitePathOf(file). */
  addresses: Map<string, string>;
  /** Other names of held files: an article's short link `a/<id>/index.html`. */
  aliases: Map<string, string>;
  /** The articles' headlines. */
  search: MirrorSearchIndex;
  /** Pages of the earlier run not saved since it began (with `since` only). */
  unchanged: Set<string>;
}

/**
 * Runs every producer of MIRROR_PATH_PRODUCERS, keeping of each page only
 * its mirror file (and an article's headline, for search).
 */
async function listPages(
  deps: MirrorDeps,
  earlier: { since: Date; files: MirrorFileList } | null,
): Promise<ListedPages> {
  const listed: ListedPages = {
    held: new Set([NOTE_FILE, SEARCH_PAGE_FILE]),
    addresses: new Map(),
    aliases: new Map(),
    search: new MirrorSearchIndex(mirrorOrigin(deps.config)),
    unchanged: new Set(),
  };
  for (const produce of MIRROR_PATH_PRODUCERS) {
    for await (const page of produce({ database: deps.database, timeZone: deps.config.timeZone })) {
      const file = mirrorFileOf(page.path);
      if (file === null || listed.held.has(file)) continue;
      listed.held.add(file);
      if (sitePathOf(file) !== page.path) listed.addresses.set(file, page.path);
      // An article's short link `/a/<id>` leads to its canonical page.
      const short = /^(a\/[0-9]+)\/[^/]+\/index\.html$/.exec(file)?.[1];
      if (short) listed.aliases.set(`${short}/index.html`, file);
      if (page.headline !== undefined) listed.search.add(file, page.headline);
      if (earlier && page.savedAt && page.savedAt < earlier.since && earlier.files.has(file)) {
        listed.unchanged.add(file);
      }
    }
  }
  return listed;
}

/**
 * Of an earlier run's files, those a `--since` run keeps as they are: the
 * pages not saved since (`listed.unchanged`) and the files pages use
 * (images, stylesheets). When a file the earlier run held is gone, the
 * kept pages' links are read: a page linking to what is gone is rendered
 * again, and only the used files that a kept page still links to are kept
 * (the others are taken again if a page rendered now links to them).
 */
async function keepSince(
  outDir: string,
  earlier: MirrorFileList,
  listed: ListedPages,
  entries: MirrorFileList,
): Promise<void> {
  const isResourceFile = (file: string) => isResource(`/${file}`);
  let resources = [...earlier.paths()].filter(isResourceFile);
  const gone = [...earlier.paths()].some(
    (file) =>
      !listed.held.has(file) && !isResourceFile(file) && !file.startsWith(`${MIRROR_OWN_DIR}/`),
  );
  if (gone) {
    const links = await readKeptPageLinks(
      outDir,
      listed.unchanged,
      (file) => listed.held.has(file),
      isResourceFile,
      (file) => earlier.get(file)?.size,
    );
    for (const page of links.stale) listed.unchanged.delete(page);
    resources = resources.filter((file) => links.used.has(file));
  }
  for (const file of [...listed.unchanged, ...resources]) entries.addEntry(earlier.get(file)!);
}

/**
 * Writes (or brings up to date) the mirror of the site in `outDir`.
 *
 * Memory: a run holds, per page, its mirror file's name, an article's
 * headline and a compact manifest entry (MirrorFileList), and renders the
 * pages PAGES_AT_ONCE at a time; the earlier manifest is read line by line.
 * @throws AppError `MIRROR_MEDIA_MISSING` when the site has images and
 *   `config.mediaDir` is not a folder holding them, `MIRROR_TARGET_INVALID`
 *   when `outDir` is a file, or a folder with files that holds no earlier
 *   mirror, `MIRROR_TARGET_UNWRITABLE` (nothing is written in any case).
 */
export async function writeMirror(
  deps: MirrorDeps,
  outDir: string,
  options: MirrorOptions = {},
): Promise<MirrorSummary> {
  await checkMediaFolder(deps, deps.config.mediaDir);
  await checkTarget(outDir);
  const startedAt = deps.now();
  const previous = await readOwnManifest(outDir);
  const since = options.sinceLastRun && previous !== null ? previous.writtenAt : null;
  const origin = mirrorOrigin(deps.config);
  const host = new URL(origin).host;
  const app = await buildApp({
    // Each page is asked for once: a page cache would only hold pages (and garbage) for nothing.
    config: { ...deps.config, pageCacheMb: 0 },
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
    written: 0,
    removed: 0,
    unlisted: [],
    failed: [],
    origin,
  };
  const entries = new MirrorFileList();
  const progress = new MirrorProgress(options.onProgress);
  /** Whether the file at `path` already holds `file`'s bytes just listed in `entries`. */
  const alreadyThere = async (file: string, path: string, bytes: Uint8Array) => {
    // A run since the last one trusts the earlier manifest (and the size on disk) over reading.
    if (since !== null && previous !== null) {
      if (!entries.matches(file, previous.files)) return false;
      return (await stat(path).catch(() => null))?.size === bytes.byteLength;
    }
    const before = await readFile(path).catch(() => null);
    return before !== null && before.equals(bytes);
  };
  const plain = new PlainPaths(outDir);
  await plain.prepare(UNFINISHED_RUN_FILE);
  await writeFile(join(outDir, UNFINISHED_RUN_FILE), `${startedAt.toISOString()}\n`);
  const put = async (file: string, bytes: Uint8Array) => {
    entries.add(file, bytes);
    const path = join(outDir, file);
    await plain.prepare(file);
    if (!(await alreadyThere(file, path, bytes))) {
      await writeFile(path, bytes);
      summary.written++;
      options.onWritten?.(file);
    }
    progress.handled();
  };
  try {
    // What the pages may link to: every page listed, then the files they use.
    const listed = await listPages(
      deps,
      since === null || previous === null ? null : { since, files: previous.files },
    );
    const { held, aliases, addresses, search, unchanged } = listed;
    if (since !== null && previous !== null) {
      await keepSince(outDir, previous.files, listed, entries);
    }
    progress.found(held.size - 1);
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
    const renderPage = async (file: string) => {
      const path = addresses.get(file) ?? sitePathOf(file);
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
    };
    await put(NOTE_FILE, Buffer.from(notePage()));
    // A few pages at a time, taken in order from one queue: nothing is made per page ahead.
    const queue = held.values();
    const renderQueue = async () => {
      for (const file of queue) {
        if (file === NOTE_FILE || file === SEARCH_PAGE_FILE) continue;
        if (unchanged.has(file)) progress.handled();
        else await renderPage(file);
      }
    };
    await Promise.all(Array.from({ length: PAGES_AT_ONCE }, renderQueue));
    // Indexed in the producers' order (articles oldest first), whatever order they were written in.
    for (const [file, text] of search.files((f) => entries.has(f))) {
      progress.found(1);
      await put(file, Buffer.from(text));
    }
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
    if (previous !== null) {
      summary.removed = await removeGone(outDir, previous.files, entries, plain);
    }
    summary.unlisted = await unlistedFiles(outDir, entries);
    const keys = await ensureMirrorKeys(deps.database.db);
    for (const file of SIGNATURE_FILES) await plain.prepare(file);
    await writeSignedManifest(outDir, origin, startedAt, entries, keys.privateKey);
    await writeFile(join(outDir, PUBLIC_KEY_FILE), keys.publicKey);
    await rm(join(outDir, UNFINISHED_RUN_FILE));
  } finally {
    await app.close();
  }
  summary.files = entries.count;
  summary.bytes = entries.bytes;
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
  // A first run cut short left pages and its mark, and no manifest yet: the folder is still ours.
  if (manifest?.isFile() || (await runWasCutShort(outDir))) return;
  if ((await readdir(outDir)).length > 0) throw invalid();
}

/**
 * Removes the files of `outDir` that the earlier run listed (`earlier`)
 * and this one did not make (`kept`): what is no longer published. Files
 * no run wrote stay. Folders left empty go too.
 * @returns how many files were removed.
 */
async function removeGone(
  outDir: string,
  earlier: MirrorFileList,
  kept: MirrorFileList,
  plain: PlainPaths,
): Promise<number> {
  let removed = 0;
  const folders = new Set<string>();
  for (const file of earlier.paths()) {
    if (kept.has(file) || SIGNATURE_FILES.has(file)) continue;
    // Never through a link: a linked folder becomes an empty one, removed below.
    await plain.prepare(file);
    await rm(join(outDir, file), { force: true });
    removed++;
    for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) folders.add(dir);
  }
  // Deepest first; a folder that still holds something stays.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(join(outDir, dir)).then(
      () => plain.forget(dir),
      () => undefined,
    );
  }
  return removed;
}

/**
 * The files in `outDir` that no run wrote, relative, `/`-separated,
 * sorted: at its top, the files that neither `listed` nor the signature's
 * files are, and every file of a folder that holds none of `listed` (a
 * `.well-known/`). The mirror's own folders (`a/`, `tag/`…) are not walked:
 * at 100,000 articles that is some 400,000 folders, read for a warning;
 * a file added inside one is never removed either, and `verify` names it.
 */
async function unlistedFiles(outDir: string, listed: MirrorFileList): Promise<string[]> {
  const ours = new Set<string>();
  for (const file of listed.paths()) ours.add(file.split('/', 1)[0]!);
  const found: string[] = [];
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (ours.has(entry.name)) continue;
      const inside = await readdir(join(outDir, entry.name), {
        recursive: true,
        withFileTypes: true,
      });
      for (const file of inside.filter((e) => !e.isDirectory())) {
        found.push(relative(outDir, join(file.parentPath, file.name)).split(sep).join('/'));
      }
    } else if (!listed.has(entry.name) && !SIGNATURE_FILES.has(entry.name)) found.push(entry.name);
  }
  return found.sort();
}
