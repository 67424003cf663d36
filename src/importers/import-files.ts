/**
 * The `midad import` command's work: import each file (a page capture, a
 * saved article page in HTML, a JSON Lines file of articles, a WordPress or
 * a Ghost export, told apart by their content: file-kind.ts), report on each file, go on after a
 * refused file, and tell the caller whether all went in. A file of another
 * kind is refused, named by what it seems to be, and never imported as a
 * capture.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { englishCount } from '../lib/english-count.js';
import { AppError } from '../lib/errors.js';
import { finishImport, type SaveDeps } from '../services/save-imported-article.js';
import { tooLargeError } from './capture/decode.js';
import { importCapture } from './capture/import-capture.js';
import { MAX_CAPTURE_BYTES } from './capture/parse-capture.js';
import { fileKind, SNIFF_BYTES, type FileKind } from './file-kind.js';
import { importHtmlPage } from './html-page/import-html-page.js';
import { htmlPageTooLarge, MAX_HTML_PAGE_BYTES } from './html-page/read-html-page.js';
import { importJsonl } from './jsonl/import-jsonl.js';
import { importSiteFile, type SiteFileOptions } from './import-site-file.js';
import type { SiteImportDeps } from '../services/site-import/import-site.js';
import type { SiteImportReport } from '../services/site-import/site-import-report.js';
import type { CaptureDateOptions } from './capture/to-imported-article.js';

/**
 * What a file did to the site's articles: how many were created and
 * updated, kept (a WordPress or Ghost post edited in the newsroom since its
 * last import), and left out (a JSON Lines file's skipped lines, an
 * export's refused posts). All zero for a refused file.
 */
export interface ArticleCounts {
  created: number;
  updated: number;
  kept: number;
  skippedLines: number;
  refusedPosts: number;
}

/** The counts of a file that changed nothing. */
export const NO_ARTICLES: ArticleCounts = Object.freeze({
  created: 0,
  updated: 0,
  kept: 0,
  skippedLines: 0,
  refusedPosts: 0,
});

export interface FileOutcome {
  file: string;
  /** True when all of the file went in; a JSON Lines file with skipped lines is `partial`. */
  ok: boolean;
  partial?: boolean;
  /** The one-line result, e.g. `created 258871304963183 «…»`. */
  line: string;
  /**
   * Lines about parts of the file: a JSON Lines file's skipped lines, and
   * each warning, one sentence a line (`file: warning: …`, or
   * `file:7: warning: …` for line 7 of a JSON Lines file).
   */
  details: string[];
  /** What the file did to the articles (for the run's summary). */
  articles: ArticleCounts;
  /** A WordPress or Ghost export's full report (the CLI prints it instead of `line`). */
  report?: SiteImportReport;
}

export interface ImportOptions extends CaptureDateOptions {
  /**
   * The encoding of captures and HTML pages (`--encoding`, a WHATWG label
   * such as `windows-1256`), over what a page declares; without it a
   * capture must be UTF-8 unless its encoding is detected for certain.
   */
  encoding?: string | null | undefined;
  /** Progress through a JSON Lines file, in bytes. */
  onProgress?: (file: string, bytesRead: number, bytesTotal: number) => void;
  /** What WordPress and Ghost exports need; without it they are refused. */
  site?: Omit<SiteFileOptions, 'onProgress' | 'timeZone'> & {
    /** The media library's settings, for the exports' images. */
    media: SiteImportDeps['media'];
    /** Progress through an export, in posts. */
    onProgress?: (file: string, done: number, total: number) => void;
  };
}

/**
 * Imports `files` in order, then refreshes the planner's statistics when
 * anything went in (finishImport). Never throws for a bad file:
 * its outcome says why.
 * @returns one outcome per file, in order.
 */
export async function importFiles(
  deps: SaveDeps,
  files: readonly string[],
  options: ImportOptions,
  onOutcome: (outcome: FileOutcome) => void = () => {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const outcome = await importOne(deps, file, options);
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  if (outcomes.some((o) => o.ok || o.partial)) await finishImport(deps);
  return outcomes;
}

function readFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The first SNIFF_BYTES of `file` (fewer when it is shorter). */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Why a file of `kind` is not imported, or null when it is. */
function refusalOf(kind: FileKind, options: ImportOptions): string | null {
  switch (kind.kind) {
    case 'wxr':
    case 'ghost':
      return options.site === undefined
        ? 'a WordPress or Ghost export cannot be imported here; nothing was imported'
        : null;
    case 'capture':
    case 'html':
    case 'jsonl':
      return options.site?.dryRun
        ? 'a dry run reads WordPress and Ghost exports only; nothing was imported'
        : null;
    case 'other':
      return `this is ${kind.what}, not a page capture, an HTML article page, JSON Lines, or a WordPress or Ghost export; nothing was imported`;
    default:
      return null;
  }
}

async function importJsonLines(
  deps: SaveDeps,
  file: string,
  options: ImportOptions,
): Promise<FileOutcome> {
  const summary = await importJsonl(deps, file, {
    timeZone: options.timeZone,
    onProgress: (read, total) => options.onProgress?.(file, read, total),
  });
  const skipped = summary.skipped.length;
  return {
    file,
    ok: skipped === 0,
    partial: skipped > 0,
    line: `${file}: ${summary.created} created, ${summary.updated} updated, ${englishCount(skipped, 'line')} skipped`,
    articles: {
      ...NO_ARTICLES,
      created: summary.created,
      updated: summary.updated,
      skippedLines: skipped,
    },
    details: [
      ...summary.skipped.map((s) => `${file}:${s.line}: skipped: ${s.reason}`),
      ...summary.warnings.map((w) => `${file}:${w.line}: warning: ${w.warning}`),
    ],
  };
}

async function importSiteExport(
  deps: SaveDeps,
  file: string,
  kind: 'wxr' | 'ghost',
  options: ImportOptions,
): Promise<FileOutcome> {
  const site = options.site!;
  const outcome = await importSiteFile({ ...deps, media: site.media }, file, kind, {
    ...site,
    timeZone: options.timeZone,
    onProgress: (done, total) => site.onProgress?.(file, done, total),
  });
  if (!outcome.ok) return refusedFile(file, outcome.reason);
  const { report } = outcome;
  const refused = report.refused.length;
  return {
    file,
    ok: refused === 0,
    partial: refused > 0,
    line: `${file}: ${report.created} created, ${report.updated} updated, ${report.kept.length} kept, ${refused} refused`,
    details: [],
    articles: {
      ...NO_ARTICLES,
      created: report.created,
      updated: report.updated,
      kept: report.kept.length,
      refusedPosts: refused,
    },
    report,
  };
}

async function importOne(
  deps: SaveDeps,
  file: string,
  options: ImportOptions,
): Promise<FileOutcome> {
  let bytes: Buffer;
  let html: boolean;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    // A device or a pipe (/dev/zero, a FIFO) has no size to check and may never end.
    if (!info.isFile()) {
      return refusedFile(file, 'not a regular file');
    }
    const kind = fileKind(await readHead(file), file);
    const refusal = refusalOf(kind, options);
    if (refusal !== null) return refusedFile(file, refusal);
    if (kind.kind === 'jsonl') return await importJsonLines(deps, file, options);
    if (kind.kind === 'wxr' || kind.kind === 'ghost') {
      return await importSiteExport(deps, file, kind.kind, options);
    }
    // Never read a huge file whole: the parser would refuse it anyway.
    if (kind.kind === 'html' && info.size > MAX_HTML_PAGE_BYTES) {
      return refusedFile(file, htmlPageTooLarge(info.size).message);
    }
    if (kind.kind === 'capture' && info.size > MAX_CAPTURE_BYTES) {
      return refusedFile(file, tooLargeError(info.size).message);
    }
    bytes = await readFile(file);
    html = kind.kind === 'html';
  } catch (error) {
    return refusedFile(file, readFailure(error));
  }
  try {
    const r = html
      ? await importHtmlPage(deps, bytes, options)
      : await importCapture(deps, bytes, options);
    return {
      file,
      ok: true,
      line: `${file}: ${r.action} ${r.id} «${r.headline}»`,
      // One line per warning: several joined in one line read as one garbled sentence.
      details: r.warnings.map((w) => `${file}: warning: ${w.message}`),
      articles: { ...NO_ARTICLES, [r.action]: 1 },
    };
  } catch (error) {
    const reason =
      error instanceof AppError
        ? error.message
        : error instanceof RangeError
          ? error.message
          : `unexpected error: ${String(error)}`;
    return refusedFile(file, reason);
  }
}

/** The outcome of a file of which nothing was imported, and why. */
function refusedFile(file: string, reason: string): FileOutcome {
  return {
    file,
    ok: false,
    line: `${file}: refused: ${reason}`,
    details: [],
    articles: NO_ARTICLES,
  };
}
