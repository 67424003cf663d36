/**
 * A WordPress or Ghost export given to `midad import`: read by its reader
 * (a malformed or unsafe file is refused whole, before anything is
 * written), then imported by the site import service, whose report is the
 * file's outcome.
 */
import { AppError } from '../lib/errors.js';
import { importSite, type SiteImportDeps } from '../services/site-import/import-site.js';
import type { ImageSources } from '../services/site-import/site-images.js';
import type { SiteImportReport } from '../services/site-import/site-import-report.js';
import { readGhostExport } from './ghost/read-ghost-export.js';
import { readWordPressExport } from './wordpress/read-wordpress-export.js';

/** What `midad import` asks of a site export. */
export interface SiteFileOptions {
  /** The old site's time zone (IANA), for WordPress dates without their GMT twin. */
  timeZone: string;
  /** Custom post types imported as articles. */
  postTypes: readonly string[];
  /** Post meta keys read as view counts, besides the usual ones. */
  viewsMetaKeys: readonly string[];
  dryRun: boolean;
  /** Where the export's images come from (`--uploads`, `--fetch-media`). */
  images: ImageSources;
  /**
   * The old Ghost site's address (`--site-url`), which a Ghost export does
   * not hold: its absolute links and images are then known. A WordPress
   * export gives its own.
   */
  siteUrl?: string | undefined;
  /** Posts done and the export's total, after each batch. */
  onProgress?: (done: number, total: number) => void;
}

/** A site export's outcome: its report, or why it was refused. */
export type SiteFileOutcome =
  { ok: true; report: SiteImportReport } | { ok: false; reason: string };

/**
 * Reads and imports the export `file` of `kind`.
 * @throws a database error (what earlier batches wrote stays; re-running goes on).
 */
export async function importSiteFile(
  deps: SiteImportDeps,
  file: string,
  kind: 'wxr' | 'ghost',
  options: SiteFileOptions,
): Promise<SiteFileOutcome> {
  try {
    const site =
      kind === 'wxr'
        ? await readWordPressExport(file, options)
        : await readGhostExport(file, {
            timeZone: options.timeZone,
            siteUrl: options.siteUrl ?? null,
          });
    try {
      const report = await importSite(deps, site, {
        dryRun: options.dryRun,
        images: options.images,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      return { ok: true, report };
    } finally {
      site.close();
    }
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('IMPORT_FILE_')) {
      return { ok: false, reason: error.message };
    }
    throw error;
  }
}
