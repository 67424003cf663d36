import { importWarning, type ImportWarning } from '../../services/import-warning.js';
import { collectBody } from './body.js';
import { CaptureError } from './capture-error.js';
import type { CaptureDate, CaptureTime, ReadAlso } from './capture-parts.js';
import { choosePublishTime } from './choose-publish-time.js';
import { decodeCapture } from './decode.js';
import { chooseHeadline, sameLine } from './headline.js';
import type { LineMetadata } from './metadata.js';
import { isProseLike } from './prose.js';
import { numberInLink, pickArticleLink, usableId } from './short-link.js';
import { tokenize, type Token } from './tokens.js';

/**
 * The parser of plain-text page captures: the text a browser copies from an
 * Arabic news article page, like the project's seed. It finds the page's
 * parts (headline, publish time, short link, view counter, body, "read
 * also" links, "more" blocks) whatever words and order the site uses, and
 * refuses with a `CaptureError` a file it cannot read. Pure: no I/O.
 */

export { CaptureError, type CaptureErrorCode } from './capture-error.js';
export { MAX_CAPTURE_BYTES } from './decode.js';

export interface ParsedCapture {
  headline: string;
  /** The article's own URL as in the capture. */
  shortLink: string | null;
  /**
   * The number in the short link as an article id, without leading zeros, as
   * a string (ids may exceed 2^53); null when the link has no number or one
   * that cannot be an id (0, above 2^63 − 1).
   */
  id: string | null;
  views: number | null;
  date: CaptureDate | null;
  time: CaptureTime | null;
  /**
   * The time zone printed with the time: an IANA name (`بتوقيت دمشق` is
   * `Asia/Damascus`, `توقيت مكة` is `Asia/Riyadh`), or a fixed offset
   * written `+03:00`, `-05:00` or `UTC` (`GMT`, `ت.غ`, an ISO `Z` or
   * `+03:00`). Null when the page names no zone.
   */
  timeZone: string | null;
  /** Body paragraphs, cleaned; "read also" lines are not included. */
  paragraphs: string[];
  readAlso: ReadAlso[];
  /** Headlines of every "more"/related/most-read block, in order, deduplicated, without the article's own. */
  moreHeadlines: string[];
  byline: string | null;
  section: string | null;
  /**
   * Notes for the person importing, e.g. that the capture has no link. Whether
   * the date is missing is the mapping's call (the operator may supply it).
   */
  warnings: ImportWarning[];
}

/**
 * Parses the bytes of a capture: UTF-8, or in `options.encoding` (a WHATWG
 * label such as `windows-1256`), or a legacy Arabic encoding detected for
 * certain (said in a warning).
 *
 * @throws CaptureError CAPTURE_TOO_LARGE (over MAX_CAPTURE_BYTES), CAPTURE_EMPTY,
 *   CAPTURE_BINARY, CAPTURE_NOT_UTF8, CAPTURE_ENCODING_INVALID, CAPTURE_NO_HEADLINE or
 *   CAPTURE_NO_BODY; RangeError for an unknown encoding label.
 * @example parseCapture(readFileSync('demo/anapress-258871304963183.txt')).id === '258871304963183'
 */
export function parseCapture(
  bytes: Uint8Array,
  options: { encoding?: string | null } = {},
): ParsedCapture {
  const decoded = decodeCapture(bytes, options);
  const tokens = tokenize(decoded.lines);
  const texts = tokens.flatMap((token) => (token.kind === 'text' ? [token.text] : []));
  if (texts.length < 2 || !texts.some(isProseLike)) throw noBody();

  const headline = chooseHeadline(tokens);
  if (!headline) {
    throw new CaptureError(
      'CAPTURE_NO_HEADLINE',
      'No headline was found in the file: no short title line comes before the article text.',
    );
  }
  const body = collectBody(tokens, headline.text, headline.tokenIndex);
  if (body.paragraphs.length === 0) throw noBody();

  const metadata = metadataNearestFirst(tokens, headline.tokenIndex);
  const when = choosePublishTime(metadata.flatMap((line) => line.when ?? []));
  const shortLink = pickArticleLink(metadata.flatMap((line) => line.url ?? []));
  const number = shortLink === null ? null : numberInLink(shortLink);
  const id = number === null ? null : usableId(number);

  return {
    headline: headline.text,
    shortLink,
    id,
    views: first(metadata, (line) => line.views),
    date: when.date,
    time: when.time,
    timeZone: when.timeZone,
    paragraphs: body.paragraphs,
    readAlso: body.readAlso,
    moreHeadlines: moreHeadlines(tokens, headline.text),
    byline: first(metadata, (line) => line.byline),
    section: first(metadata, (line) => line.section) ?? sectionFromCrumbs(metadata, headline.text),
    warnings: [
      ...(decoded.source === 'detected'
        ? [
            importWarning(
              'CAPTURE_ENCODING_DETECTED',
              `The file is not UTF-8; it was read as ${decoded.encoding}, which its Arabic text shows for certain.`,
            ),
          ]
        : decoded.source === 'utf-8-kept'
          ? [
              importWarning(
                'CAPTURE_ENCODING_IGNORED',
                `The file is UTF-8, so it was read as UTF-8, not in the encoding named with --encoding.`,
              ),
            ]
          : []),
      ...when.notes,
      ...linkWarnings(shortLink, number, id),
      ...body.skipped.map((line) =>
        importWarning(
          'CAPTURE_LINE_LEFT_OUT',
          `A short line between body paragraphs was left out: "${line}".`,
        ),
      ),
    ],
  };
}

/**
 * The metadata lines, those after the headline first: a date in the page
 * header (often today's date, not the article's) must not win over the one
 * printed with the article.
 */
function metadataNearestFirst(tokens: readonly Token[], headlineIndex: number): LineMetadata[] {
  const after: LineMetadata[] = [];
  const before: LineMetadata[] = [];
  tokens.forEach((token, index) => {
    if (token.kind === 'metadata') (index > headlineIndex ? after : before).push(token.metadata);
  });
  return [...after, ...before];
}

function noBody(): CaptureError {
  return new CaptureError(
    'CAPTURE_NO_BODY',
    'No article body was found in the file: it has no paragraphs of prose.',
  );
}

function first<T>(
  lines: readonly LineMetadata[],
  pick: (line: LineMetadata) => T | null,
): T | null {
  for (const line of lines) {
    const value = pick(line);
    if (value !== null) return value;
  }
  return null;
}

function linkWarnings(
  shortLink: string | null,
  number: string | null,
  id: string | null,
): ImportWarning[] {
  if (shortLink === null) {
    return [
      importWarning(
        'CAPTURE_NO_LINK',
        'The capture shows no link to the article, so it gets a new id.',
      ),
    ];
  }
  if (number === null) {
    return [
      importWarning(
        'CAPTURE_LINK_WITHOUT_NUMBER',
        `The article link ${shortLink} has no numeric id, so it gets a new id.`,
      ),
    ];
  }
  if (id === null) {
    return [
      importWarning(
        'CAPTURE_LINK_NUMBER_UNUSABLE',
        `The number in the article link ${shortLink} cannot be used as an id, so it gets a new id.`,
      ),
    ];
  }
  return [];
}

function moreHeadlines(tokens: readonly Token[], headline: string): string[] {
  const result: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'more') continue;
    for (const text of token.headlines) {
      if (!sameLine(text, headline) && !result.some((seen) => sameLine(seen, text))) {
        result.push(text);
      }
    }
  }
  return result;
}

/** The last breadcrumb that is not the headline itself. */
function sectionFromCrumbs(lines: readonly LineMetadata[], headline: string): string | null {
  const crumbs = first(lines, (line) => line.crumbs) ?? [];
  return crumbs.filter((crumb) => !sameLine(crumb, headline)).at(-1) ?? null;
}
