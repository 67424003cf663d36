/**
 * Importing one saved article page: read, store. Nothing is written for a
 * page that is refused.
 */
import type { ImportWarning } from '../../services/import-warning.js';
import {
  saveImportedArticle,
  type SaveDeps,
  type SaveResult,
} from '../../services/save-imported-article.js';
import { readHtmlPage, type HtmlPageOptions } from './read-html-page.js';

export interface HtmlPageImportResult extends SaveResult {
  headline: string;
  /** The encoding the page was read in (canonical name). */
  encoding: string;
  warnings: ImportWarning[];
}

/**
 * Imports the page in `bytes`.
 * @throws HtmlPageError when the page is refused (nothing is written); AppError
 *   IMPORT_ID_TAKEN / IMPORT_FIELD_TOO_LONG, BodyHtmlRefused, database errors (nothing is written).
 */
export async function importHtmlPage(
  deps: SaveDeps,
  bytes: Uint8Array,
  options: HtmlPageOptions,
): Promise<HtmlPageImportResult> {
  const { article, warnings, encoding } = readHtmlPage(bytes, options);
  const saved = await saveImportedArticle(deps, article);
  return {
    ...saved,
    headline: article.headline,
    encoding,
    warnings: [...warnings, ...saved.notes],
  };
}
