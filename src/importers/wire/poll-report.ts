/**
 * What one polling round did, source by source: the words of `midad wire
 * poll` and of the server's log.
 */

/** A file of a folder source that was read and refused (remembered, not read again until it changes). */
export interface RefusedWireFile {
  file: string;
  /** Short English: `a package, not an article`, `too large (17 MiB; at most 16 MiB)`… */
  reason: string;
}

/** One source's round. */
export interface SourcePollReport {
  sourceId: string;
  name: string;
  kind: 'url' | 'folder';
  /** `ok`: read and stored; `not-modified`: a 304, or no new or changed file; `failed`: see `error`. */
  status: 'ok' | 'not-modified' | 'failed';
  /** Items read from the documents (before the desk's de-duplication). */
  items: number;
  added: number;
  updated: number;
  duplicates: number;
  unchanged: number;
  /** Why the source failed, in short English; null unless `failed`. */
  error: string | null;
  /** The readers' notes (an item skipped, a date without offset), each led by the file's name for a folder. */
  warnings: string[];
  /** Files refused this round (folder sources). */
  refused: RefusedWireFile[];
}

/** A whole round. */
export interface PollReport {
  sources: SourcePollReport[];
  /** Items that left the queue by retention this round. */
  pruned: number;
}

/** An empty report of `source`, to fill. */
export function emptySourceReport(source: {
  id: string;
  name: string;
  kind: 'url' | 'folder';
}): SourcePollReport {
  return {
    sourceId: source.id,
    name: source.name,
    kind: source.kind,
    status: 'not-modified',
    items: 0,
    added: 0,
    updated: 0,
    duplicates: 0,
    unchanged: 0,
    error: null,
    warnings: [],
    refused: [],
  };
}

/** Adds what the desk did with a document's items to `report`. */
export function addIngested(
  report: SourcePollReport,
  ingested: { added: number; updated: number; duplicates: number; unchanged: number },
): void {
  report.added += ingested.added;
  report.updated += ingested.updated;
  report.duplicates += ingested.duplicates;
  report.unchanged += ingested.unchanged;
}

/**
 * One line of `midad wire poll` for a source:
 * `agency-ar: 2 new, 1 updated, 0 duplicates`, `agency-ar: not modified`,
 * `agency-ar: failed: fetch failed: 500`.
 */
export function sourceReportLine(report: SourcePollReport): string {
  switch (report.status) {
    case 'failed':
      return `${report.name}: failed: ${report.error ?? 'unknown error'}`;
    case 'not-modified':
      return `${report.name}: not modified`;
    case 'ok':
      return `${report.name}: ${report.added} new, ${report.updated} updated, ${report.duplicates} duplicates`;
  }
}
