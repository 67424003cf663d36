/**
 * Why the WXR reader refuses a file: not well-formed (the message names
 * line and column), or unsafe (entities declared, an external DTD named;
 * the billion laughs and XXE attacks).
 */
import { AppError } from '../../lib/errors.js';

/** The `line L, column C: what` prefix of every malformed-file message. */
export function malformed(line: number, column: number, what: string): AppError {
  return new AppError(
    'IMPORT_FILE_MALFORMED',
    `The WordPress export is not well-formed XML: line ${line}, column ${column}: ${what}`,
    { details: { line, column } },
  );
}

/** Refuses a DOCTYPE that declares entities or names an external DTD. */
export function checkDoctype(doctype: string, line: number): void {
  if (/<!ENTITY/i.test(doctype)) {
    throw new AppError(
      'IMPORT_FILE_UNSAFE',
      `The WordPress export declares entities in its DOCTYPE (line ${line}); entities are never expanded, so the file is not read.`,
    );
  }
  if (/^\s*[^\s[]+\s+(?:SYSTEM|PUBLIC)\b/i.test(doctype)) {
    throw new AppError(
      'IMPORT_FILE_UNSAFE',
      `The WordPress export names an external DTD in its DOCTYPE (line ${line}); nothing outside the file is ever read.`,
    );
  }
}
