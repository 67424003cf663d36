/**
 * Reads a Ghost export (Ghost 1 to 6; the JSON file of Ghost Admin's
 * "Export your content", wrapped `{"db": [{"meta", "data"}]}` or bare
 * `{"meta", "data"}`) into the shared shape the import service takes
 * (domain/site-import.ts): read whole and parsed (read-export-json.ts),
 * the used tables checked (ghost-tables.ts), mapped (map-ghost-export.ts).
 *
 * The file is held whole: its size limit bounds the memory used. Only the
 * tables of posts, their meta, authors and tags are read; members, API
 * keys, settings, sessions and every other table never leave the parsed
 * document, and no error message quotes the file.
 */
import type { SiteExport } from '../../domain/site-import.js';
import { ghostTables } from './ghost-tables.js';
import { mapGhostExport } from './map-ghost-export.js';
import { MAX_GHOST_EXPORT_BYTES, parseExportJson, readExportText } from './read-export-json.js';

export interface GhostExportOptions {
  /**
   * The site's time zone. Unused: Ghost stores every time in UTC; taken
   * for the same call as the WordPress reader's.
   */
  timeZone: string;
  /**
   * The old site's address (`https://example.com`), which a Ghost export
   * does not hold: when given, posts get their old absolute URL as source
   * URL and links to it are rewritten. Default: unknown (null).
   */
  siteUrl?: string | null;
  /** The largest file read, in bytes; default MAX_GHOST_EXPORT_BYTES (500 MiB). */
  maxBytes?: number;
}

/**
 * The site export in the Ghost export `file`.
 * @throws AppError IMPORT_FILE_TOO_LARGE over the size limit;
 *   IMPORT_FILE_MALFORMED when it is not UTF-8 JSON (naming line and
 *   column), not a Ghost export, or a used table's row is not of Ghost's
 *   shape; the file system's error when it cannot be read.
 */
export async function readGhostExport(
  file: string,
  options: GhostExportOptions,
): Promise<SiteExport> {
  const text = await readExportText(file, options.maxBytes ?? MAX_GHOST_EXPORT_BYTES);
  const tables = ghostTables(parseExportJson(text));
  const siteUrl = options.siteUrl?.trim().replace(/\/+$/, '') || null;
  return mapGhostExport(tables, siteUrl);
}
