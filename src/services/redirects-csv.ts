/**
 * Redirects in and out as CSV, in the format of the WordPress Redirection
 * plugin (Tools → Import/Export → CSV; its `Red_Csv_File`): a header
 * `source,target,regex,code,type,hits,title,status`, then one redirect a
 * line. A site that used the plugin brings its redirects along, and an
 * export opens in a spreadsheet or goes back into WordPress.
 *
 * Reading: columns are found by the header's names (any order); without
 * a header they are taken in the plugin's order (`source,target,regex,code`
 * at least). A regular-expression row (`regex` 1) cannot be a stored
 * address and is skipped and counted; so is a row the plugin would not
 * redirect (`type` other than `url`, `status` `disabled`). A row whose
 * source, target or code cannot be used is reported by its line and
 * skipped; the others are saved (origin `csv`, replacing the target of
 * an existing redirect of the same address, keeping its hits).
 */
import type { parse as parseCsv } from 'csv-parse/sync';
import { can, type Actor } from '../domain/roles.js';
import type { Redirect, RedirectInput } from '../domain/redirect.js';
import { redirectKey } from '../domain/redirect-path.js';
import { AppError, InvalidInput } from '../lib/errors.js';
import { allRedirects, upsertRedirects } from '../storage/repositories/redirects.repository.js';
import { checkRedirect, type RedirectDeps } from './redirects.js';

/** Largest CSV file read, bytes: some 20,000 redirects of long Arabic addresses. */
export const REDIRECT_CSV_MAX_BYTES = 20 * 1024 * 1024;

/** The Redirection plugin's columns, in its order. */
export const REDIRECT_CSV_COLUMNS = [
  'source',
  'target',
  'regex',
  'code',
  'type',
  'hits',
  'title',
  'status',
] as const;

/** A line of a CSV file that was not saved, and which of its fields is wrong. */
export interface CsvRowProblem {
  /** 1-based line of the file where the row ends. */
  line: number;
  field: 'source' | 'target' | 'code';
}

/** What importRedirectsCsv did. */
export interface CsvImportReport {
  /** Redirects added or changed. */
  saved: number;
  /** Rows of regular expressions, skipped. */
  regex: number;
  /** Rows the plugin would not redirect (another type, disabled), skipped. */
  inactive: number;
  /** Rows refused, in file order. */
  problems: CsvRowProblem[];
}

function allow(actor: Actor): void {
  if (!can(actor, 'redirect.manage'))
    throw new AppError('FORBIDDEN', 'Only editors and administrators manage redirects.');
}

/**
 * Reads a Redirection CSV file and saves its redirects. Of two rows with
 * the same address, the last wins; a row leading to itself or to a row
 * that leads back (a loop of two within the file) is refused.
 * @throws AppError REDIRECT_CSV_TOO_LARGE (over REDIRECT_CSV_MAX_BYTES),
 *   REDIRECT_CSV_INVALID (not UTF-8, or not CSV: `details.line`), FORBIDDEN;
 *   nothing is saved then.
 */
export async function importRedirectsCsv(
  deps: RedirectDeps,
  actor: Actor,
  bytes: Uint8Array,
): Promise<CsvImportReport> {
  allow(actor);
  if (bytes.byteLength > REDIRECT_CSV_MAX_BYTES)
    throw new AppError(
      'REDIRECT_CSV_TOO_LARGE',
      `The file is over ${REDIRECT_CSV_MAX_BYTES} bytes.`,
      {
        details: { max: '2 MB' },
      },
    );
  // The CSV libraries are loaded on use, not with the server (issue 21, item 5).
  const records = readRecords((await import('csv-parse/sync')).parse, bytes);
  const report: CsvImportReport = { saved: 0, regex: 0, inactive: 0, problems: [] };
  const first = records[0]?.record.map((cell) => cell.trim().toLowerCase());
  const header = first?.includes('source') && first.includes('target') ? first : null;
  const column = (name: (typeof REDIRECT_CSV_COLUMNS)[number]) =>
    header ? header.indexOf(name) : REDIRECT_CSV_COLUMNS.indexOf(name);
  const at = Object.fromEntries(REDIRECT_CSV_COLUMNS.map((name) => [name, column(name)])) as Record<
    (typeof REDIRECT_CSV_COLUMNS)[number],
    number
  >;
  const byKey = new Map<string, { input: RedirectInput; line: number }>();
  for (const { record, info } of header ? records.slice(1) : records) {
    const cell = (index: number) => (index < 0 ? '' : (record[index] ?? '').trim());
    if (record.every((value) => value.trim() === '')) continue;
    if (/^(1|true|yes)$/i.test(cell(at.regex))) {
      report.regex += 1;
      continue;
    }
    const type = cell(at.type).toLowerCase();
    if ((type !== '' && type !== 'url') || cell(at.status).toLowerCase() === 'disabled') {
      report.inactive += 1;
      continue;
    }
    try {
      const input = checkRedirect({
        from: cell(at.source),
        to: cell(at.target),
        status: cell(at.code),
      });
      byKey.set(input.fromKey, { input, line: info.lines });
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const field = error.field === 'from' ? 'source' : error.field === 'to' ? 'target' : 'code';
      report.problems.push({ line: info.lines, field });
    }
  }
  // A loop of two within the file: both rows are refused.
  for (const [key, { input, line }] of byKey) {
    const toKey = input.toPath.startsWith('/') ? redirectKey(input.toPath) : null;
    const back = toKey === null ? undefined : byKey.get(toKey);
    if (back && redirectKey(back.input.toPath) === key) {
      report.problems.push({ line, field: 'target' });
      byKey.delete(key);
      if (toKey !== null) byKey.delete(toKey);
      report.problems.push({ line: back.line, field: 'target' });
    }
  }
  report.problems.sort((a, b) => a.line - b.line);
  const inputs = [...byKey.values()].map((row) => row.input);
  const saved = await deps.database.db
    .transaction()
    .execute((trx) => upsertRedirects(trx, inputs, 'csv', deps.now()));
  report.saved = saved.length;
  return report;
}

/** The file's records with their line numbers. @throws AppError REDIRECT_CSV_INVALID */
function readRecords(
  parse: typeof parseCsv,
  bytes: Uint8Array,
): { record: string[]; info: { lines: number } }[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new AppError('REDIRECT_CSV_INVALID', 'The file is not UTF-8.', { cause });
  }
  try {
    return parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (cause) {
    const line = (cause as { lines?: unknown }).lines;
    throw new AppError('REDIRECT_CSV_INVALID', `The file is not CSV (line ${String(line)}).`, {
      cause,
      details: typeof line === 'number' ? { line } : {},
    });
  }
}

/**
 * Every redirect as a Redirection CSV file, oldest first, in pieces of
 * some hundred rows (never the whole table in memory): `source` the old
 * address as it was given, `regex` 0, `type` `url`, `status` `active`,
 * `title` empty.
 * @throws AppError FORBIDDEN (at once, before any piece).
 */
export function exportRedirectsCsv(deps: RedirectDeps, actor: Actor): AsyncIterable<string> {
  allow(actor);
  return csvPieces(deps);
}

async function* csvPieces(deps: RedirectDeps): AsyncGenerator<string> {
  const { stringify } = await import('csv-stringify/sync');
  yield stringify([[...REDIRECT_CSV_COLUMNS]]);
  let batch: Redirect[] = [];
  for await (const redirect of allRedirects(deps.database.db)) {
    batch.push(redirect);
    if (batch.length === 500) {
      yield stringify(batch.map(csvRow));
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch.map(csvRow));
}

function csvRow(redirect: Redirect): (string | number)[] {
  return [
    redirect.fromPath,
    redirect.toPath,
    0,
    redirect.status,
    'url',
    redirect.hits,
    '',
    'active',
  ];
}
