/**
 * Warnings of an import: what the importer could not read as it hoped, or
 * chose on the operator's behalf, while the article was still stored. The
 * `code` is stable (tests assert it, scripts may filter on it); the
 * `message` is the English sentence the CLI prints after the file's line.
 */

/** The import warnings, by where they arise. */
export type ImportWarningCode =
  // The publish time printed on a captured page
  | 'CAPTURE_ZONE_UNKNOWN'
  | 'CAPTURE_DATE_MONTH_FIRST'
  | 'CAPTURE_DATE_IMPOSSIBLE'
  | 'CAPTURE_DATE_RELATIVE'
  | 'CAPTURE_DATE_OPTION_UNUSED'
  | 'CAPTURE_NO_TIME'
  | 'CAPTURE_NO_DATE'
  | 'CAPTURE_NO_DATE_OR_TIME'
  // The captured page's link and body
  | 'CAPTURE_NO_LINK'
  | 'CAPTURE_LINK_WITHOUT_NUMBER'
  | 'CAPTURE_LINK_NUMBER_UNUSABLE'
  | 'CAPTURE_LINE_LEFT_OUT'
  | 'CAPTURE_ENCODING_DETECTED'
  | 'CAPTURE_ENCODING_IGNORED'
  // A saved HTML page's metadata
  | 'HTML_PAGE_NO_DATE'
  | 'HTML_PAGE_DATE_UNREADABLE'
  | 'HTML_PAGE_ENCODING_IGNORED'
  // Matching the article stored before
  | 'IMPORT_MATCHED_BY_HEADLINE'
  | 'IMPORT_STORED_DATE_KEPT';

/** One warning. @example { code: 'CAPTURE_NO_TIME', message: 'The capture prints no time; …' } */
export interface ImportWarning {
  readonly code: ImportWarningCode;
  readonly message: string;
}

/** The warning `code` saying `message`. */
export function importWarning(code: ImportWarningCode, message: string): ImportWarning {
  return { code, message };
}
