import { anyPhrase, arabicPhrase } from './arabic-pattern.js';
import { isChromeLine } from './chrome.js';
import { parsePublishTime, type PublishTime } from './publish-time.js';
import { readViewCount } from './view-count.js';

export { isViewsWord, numberAlone } from './view-count.js';

/**
 * Metadata lines: the publish date and time, the view counter, the
 * article's link, the byline and the section. A line may carry several,
 * separated by `|` or `•` (`18 يناير 2020 | 11:43 ص | 236 مشاهدة`); it is a
 * metadata line only when every piece on it is understood, so prose that
 * mentions a time or a number is never mistaken for metadata.
 */
export interface LineMetadata {
  when: PublishTime | null;
  views: number | null;
  url: string | null;
  byline: string | null;
  section: string | null;
  /** Breadcrumb trail after `الرئيسية`, in order. */
  crumbs: string[] | null;
}

const URL_LABEL = anyPhrase([
  'الرابط المختصر',
  'رابط مختصر',
  'الرابط',
  'رابط الخبر',
  'رابط المقال',
]);
const URL_LINE = new RegExp(`^(?:${URL_LABEL}\\s*[:：]?\\s*)?(https?://\\S+)$`, 'iu');

const BYLINE_LABEL = anyPhrase([
  'كتب',
  'كتبت',
  'بقلم',
  'إعداد',
  'تقرير',
  'تحرير',
  'المحرر',
  'الكاتب',
  'الكاتبة',
  'بواسطة',
  'مراسل',
  'مراسلة',
]);
const BYLINE = new RegExp(`^(?:${BYLINE_LABEL}|by)\\s*[:：\\-–—]\\s*(.+)$`, 'iu');
const BYLINE_NO_COLON = new RegExp(`^${anyPhrase(['بقلم', 'بواسطة'])}\\s+(.+)$`, 'u');
const MAX_BYLINE_WORDS = 8;

const SECTION_LABEL = anyPhrase(['القسم', 'قسم', 'التصنيف', 'تصنيف', 'الباب', 'الفئة']);
const SECTION = new RegExp(`^${SECTION_LABEL}\\s*[:：]\\s*(.+)$`, 'u');
const MAX_SECTION_WORDS = 5;

const BREADCRUMB = new RegExp(`^${arabicPhrase('الرئيسية')}\\s*[»>›/]`, 'u');
const CRUMB_SEPARATOR = /\s*[»>›]\s*|\s+\/\s+/u;

const PIECE_SEPARATOR = /\s*[|｜•·]\s*/u;
const DASH_SEPARATOR = /\s+[-–—]\s+/u;

/**
 * The metadata on a line, or null when the line is anything else.
 *
 * @example parseMetadataLine('عدد المشاهدات: ١٢٣')?.views === 123
 */
export function parseMetadataLine(line: string): LineMetadata | null {
  const metadata: LineMetadata = {
    when: null,
    views: null,
    url: null,
    byline: null,
    section: null,
    crumbs: null,
  };
  if (BREADCRUMB.test(line)) {
    metadata.crumbs = line.split(CRUMB_SEPARATOR).slice(1).filter(Boolean);
    return metadata.crumbs.length > 0 ? metadata : null;
  }
  let useful = false;
  for (const piece of line.split(PIECE_SEPARATOR).filter(Boolean)) {
    const result = readPiece(piece, metadata) ?? readDashedPiece(piece, metadata);
    if (result === null) return null;
    useful ||= result;
  }
  return useful ? metadata : null;
}

/** Splits `كتب: فلان - 18 يناير 2020` at its spaced dashes; null unless every part is read. */
function readDashedPiece(piece: string, into: LineMetadata): boolean | null {
  const parts = piece.split(DASH_SEPARATOR);
  if (parts.length < 2) return null;
  let useful = false;
  for (const part of parts) {
    const result = readPiece(part, into);
    if (result === null) return null;
    useful ||= result;
  }
  return useful;
}

/** Reads one piece into `into`: true if it carried metadata, false for chrome, null if not understood. */
function readPiece(piece: string, into: LineMetadata): boolean | null {
  const url = URL_LINE.exec(piece);
  if (url?.[1]) {
    into.url ??= url[1].replace(/[.,،؛)\]]+$/u, '');
    return true;
  }
  const views = readViewCount(piece);
  if (views !== null) {
    into.views ??= views;
    return true;
  }
  const when = parsePublishTime(piece);
  if (when) {
    if (!into.when) into.when = when;
    else mergeWhen(into.when, when);
    return true;
  }
  const byline = nameAfterLabel(piece, BYLINE, MAX_BYLINE_WORDS) ?? bylineNoColon(piece);
  if (byline) {
    into.byline ??= byline;
    return true;
  }
  const section = nameAfterLabel(piece, SECTION, MAX_SECTION_WORDS);
  if (section) {
    into.section ??= section;
    return true;
  }
  return isChromeLine(piece) ? false : null;
}

function mergeWhen(into: PublishTime, other: PublishTime): void {
  into.date ??= other.date;
  into.time ??= other.time;
  into.timeZone ??= other.timeZone;
  into.impossibleDate ??= other.impossibleDate;
  into.relative ??= other.relative;
  into.updated &&= other.updated;
  into.notes.push(...other.notes);
}

function nameAfterLabel(piece: string, pattern: RegExp, maxWords: number): string | null {
  const name = pattern.exec(piece)?.[1]?.trim();
  if (!name || /[\d\u0660-\u0669]/u.test(name)) return null;
  return name.split(/\s+/u).length <= maxWords ? name : null;
}

function bylineNoColon(piece: string): string | null {
  return nameAfterLabel(piece, BYLINE_NO_COLON, MAX_BYLINE_WORDS - 2);
}
