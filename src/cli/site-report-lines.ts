/**
 * A site import's report as `midad import` prints it: a summary of a few
 * lines, then one line per refused, kept or empty published post, per
 * published post with images lacking alt text and per missing image.
 */
import {
  MISSING_ALT_LISTED,
  type SiteImportReport,
} from '../services/site-import/site-import-report.js';

const number = (n: number) => n.toLocaleString('en-US');

/** `12 published, 3 drafts`: the counts that are not zero, or `none`. */
function counts(parts: Array<[number, string]>): string {
  const shown = parts.filter(([n]) => n > 0).map(([n, label]) => `${number(n)} ${label}`);
  return shown.length > 0 ? shown.join(', ') : 'none';
}

function byName(record: Record<string, number>, label: (name: string) => string): string {
  return counts(
    Object.entries(record)
      .sort(([, a], [, b]) => b - a)
      .map(([name, n]): [number, string] => [n, label(name)]),
  );
}

/** The summary lines of `report` for `file`. */
export function siteReportSummary(file: string, report: SiteImportReport): string[] {
  const source = report.source === 'wordpress' ? 'WordPress export' : 'Ghost export';
  const a = report.articles;
  return [
    `${file}: ${source}${report.dryRun ? ' (dry run: nothing was written)' : ''}`,
    `  articles: ${counts([
      [a.published, 'published'],
      [a.scheduled, 'scheduled'],
      [a.draft, a.draft === 1 ? 'draft' : 'drafts'],
      [a.pending, 'in review'],
      [a.private, 'private (kept unpublished)'],
    ])}; static pages: ${number(report.pages)}`,
    `  ${number(report.created)} created, ${number(report.updated)} updated, ${number(report.kept.length)} kept (edited in the newsroom since), ${number(report.refused.length)} refused`,
    `  authors: ${number(report.authors.created)} new, ${number(report.authors.existing)} existing; sections: ${number(report.sections.created)} new, ${number(report.sections.existing)} existing; tags: ${number(report.tags.created)} new, ${number(report.tags.existing)} existing`,
    `  images: ${number(report.images.imported)} imported, ${number(report.images.missing)} missing; redirects: ${number(report.redirects)}`,
    `  not imported: ${byName(report.skipped, (reason) => reason)}; comments: ${number(report.comments)}`,
    `  shortcodes removed (their text kept): ${byName(report.shortcodes, (name) => `[${name}]`)}`,
    `  published with an empty body (listed below, still published so their old links work): ${number(report.emptyBodies.length)}`,
    `  published with images lacking alt text (the first ${number(MISSING_ALT_LISTED)} listed below, to describe in the newsroom): ${number(report.missingAlt.count)}`,
  ];
}

/**
 * One line per refused, kept and empty published post, per published post
 * with images lacking alt text and per missing image (these two listed up
 * to the report's limits).
 */
export function siteReportDetails(file: string, report: SiteImportReport): string[] {
  return [
    ...report.refused.map((p) => `${file}: post ${p.key} «${p.headline}» refused: ${p.reason}`),
    ...report.kept.map((p) => `${file}: post ${p.key} «${p.headline}» kept: ${p.reason}`),
    ...report.emptyBodies.map(
      (p) => `${file}: post ${p.key} «${p.headline}» published with an empty body`,
    ),
    ...report.missingAlt.posts.map(
      (p) => `${file}: post ${p.key} «${p.headline}» published with images lacking alt text`,
    ),
    ...report.images.missingUrls.map((url) => `${file}: image missing: ${url}`),
    ...report.notes.map((note) => `${file}: note: ${note}`),
  ];
}
