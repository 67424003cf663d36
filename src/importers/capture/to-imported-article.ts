/**
 * Maps a parsed capture to the article that the import service stores,
 * resolving its publish time: a date and time printed on the page win; a
 * time alone takes the date given by the operator (`--date`); without one
 * the date stays unknown, with a warning. A date is never invented.
 */
import { importWarning, type ImportWarning } from '../../services/import-warning.js';
import { parseArticleId } from '../../domain/article-id.js';
import type { PublishedPrecision } from '../../domain/article.js';
import { wallClockToUtc } from '../../lib/time-zone.js';
import type { ImportedArticle } from '../../services/save-imported-article.js';
import type { CaptureDate, CaptureTime } from './capture-parts.js';
import type { ParsedCapture } from './parse-capture.js';

export interface CaptureDateOptions {
  /** The date of captures that print no date of their own. */
  date?: CaptureDate | undefined;
  /** The IANA zone the page's times are in, unless the page names its own. */
  timeZone: string;
}

export interface MappedCapture {
  article: ImportedArticle;
  warnings: ImportWarning[];
}

/** A zone as Luxon names it: IANA names and `UTC` as they are, `+03:00` as `UTC+03:00`. */
const zoneName = (zone: string) => (/^[+-]\d{2}:\d{2}$/.test(zone) ? `UTC${zone}` : zone);
const pad = (n: number) => String(n).padStart(2, '0');
const printDate = (d: CaptureDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const printTime = (t: CaptureTime) => `${pad(t.hour)}:${pad(t.minute)}`;
const sameDate = (a: CaptureDate, b: CaptureDate) =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * Maps `parsed`; the warnings are the parser's plus those about the publish time.
 * @throws RangeError when the date does not exist in the calendar or the zone is unknown.
 */
export function toImportedArticle(
  parsed: ParsedCapture,
  options: CaptureDateOptions,
): MappedCapture {
  const warnings = [...parsed.warnings];
  const timeZone = zoneName(parsed.timeZone ?? options.timeZone);
  const date = parsed.date ?? options.date ?? null;
  const { time } = parsed;
  if (parsed.date && options.date && !sameDate(parsed.date, options.date)) {
    warnings.push(
      importWarning(
        'CAPTURE_DATE_OPTION_UNUSED',
        `The capture prints the date ${printDate(parsed.date)}, so --date ${printDate(options.date)} was not used.`,
      ),
    );
  }
  let publishedAt: Date | null = null;
  let publishedPrecision: PublishedPrecision = 'minute';
  let publishedLocalTime: string | null = null;
  if (date && time) {
    publishedAt = wallClockToUtc({ ...date, ...time }, timeZone);
  } else if (date) {
    publishedAt = wallClockToUtc({ ...date, hour: 0, minute: 0 }, timeZone);
    publishedPrecision = 'day';
    warnings.push(
      importWarning(
        'CAPTURE_NO_TIME',
        'The capture prints no time, so the article is dated by its day alone.',
      ),
    );
  } else if (time) {
    publishedLocalTime = printTime(time);
    warnings.push(
      importWarning(
        'CAPTURE_NO_DATE',
        `The capture shows a publish time, ${printTime(time)}, but no date, so the date is left empty: give it with --date YYYY-MM-DD.`,
      ),
    );
  } else {
    warnings.push(
      importWarning(
        'CAPTURE_NO_DATE_OR_TIME',
        'The capture shows no publish date or time, so the date is left empty: give it with --date YYYY-MM-DD.',
      ),
    );
  }
  return {
    warnings,
    article: {
      id: parsed.id === null ? null : parseArticleId(parsed.id),
      headline: parsed.headline,
      paragraphs: parsed.paragraphs,
      readAlso: parsed.readAlso,
      moreHeadlines: parsed.moreHeadlines,
      byline: parsed.byline,
      sectionName: parsed.section,
      publishedAt,
      publishedPrecision,
      publishedLocalTime,
      views: parsed.views ?? 0,
      sourceUrl: parsed.shortLink,
      slug: null,
    },
  };
}
