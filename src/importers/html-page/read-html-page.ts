/**
 * A saved article page of an old site (File › Save Page As, `wget`, a web
 * archive's copy) read into the article the import service stores:
 * bytes decoded (text-encoding.ts: `--encoding`, a byte order mark, the
 * page's `<meta charset>` or http-equiv, then detection, which must be
 * certain), the article's text found (page-body.ts), and its headline,
 * date, byline, section and address taken from the page's metadata
 * (page-metadata.ts, page-headline.ts), or the address the browser noted
 * when it saved the page. A date is never invented: a page
 * without one is imported undated, with a warning.
 *
 * A page's article is known by its address alone (source-url.ts drops
 * tracking parameters and the fragment, and writes the address in one form:
 * host case, default port, trailing slash, percent-encoding): it updates the article imported
 * from the same address, else it is new, whatever its headline; its
 * address's number is never taken as our id (pages come from any site).
 * No old-address redirect is made: like captures and datasets, a page
 * keeps its address as the source URL only (redirects come from a site
 * import, `--site-url`).
 */
import { parseHTML } from 'linkedom';
import type { PublishedPrecision } from '../../domain/article.js';
import { importWarning, type ImportWarning } from '../../services/import-warning.js';
import type { ImportedArticle } from '../../services/save-imported-article.js';
import type { PublishTime } from '../capture/publish-time.js';
import { sameLine } from '../capture/headline.js';
import { wallClockToUtc } from '../../lib/time-zone.js';
import {
  decodeBytes,
  detectArabicEncoding,
  EncodingError,
  encodingForFile,
  htmlDeclaration,
} from '../text-encoding.js';
import { HtmlPageError } from './html-page-error.js';
import { readPageBody } from './page-body.js';
import { parsePageDate, type PageDate } from './page-date.js';
import { chooseHeadline } from './page-headline.js';
import { readPageMetadata, savedFromUrl, type PageMetadata } from './page-metadata.js';
import { normaliseSourceUrl } from './source-url.js';

/**
 * The largest page accepted, bytes. A saved article page is tens to
 * hundreds of kilobytes, more than a text capture (MAX_CAPTURE_BYTES, 2 MB)
 * for its inline scripts and styles; megabytes beyond this are a wrong file
 * (a page with images inlined as data, a whole site).
 */
export const MAX_HTML_PAGE_BYTES = 5 * 1024 * 1024;

/**
 * The deepest nesting of elements read. Readability's time grows with the
 * cube of the depth (800 levels take seconds, 5,000 never end); real pages
 * nest a few dozen deep, and Chromium's parser stops nesting at 512.
 */
export const MAX_HTML_PAGE_DEPTH = 256;

export interface HtmlPageOptions {
  /** IANA zone of dates the page writes without an offset. */
  timeZone: string;
  /** An encoding label that overrides what the page declares (`--encoding`). */
  encoding?: string | null | undefined;
}

export interface ReadHtmlPage {
  article: ImportedArticle;
  warnings: ImportWarning[];
  /** The encoding the page was read in (canonical name). */
  encoding: string;
}

/**
 * Reads the page in `bytes`.
 *
 * @throws HtmlPageError HTML_PAGE_TOO_LARGE (bytes, or nesting deeper than MAX_HTML_PAGE_DEPTH), HTML_PAGE_ENCODING (bytes invalid in the encoding,
 *   an unknown label, or no declaration and no certain detection; a declaration the bytes
 *   contradict names the encoding to use), HTML_PAGE_NO_HEADLINE, HTML_PAGE_NO_BODY (no
 *   article text, or a list of links: a section or index page, page-body.ts).
 */
export function readHtmlPage(bytes: Uint8Array, options: HtmlPageOptions): ReadHtmlPage {
  if (bytes.length > MAX_HTML_PAGE_BYTES) throw htmlPageTooLarge(bytes.length);
  const warnings: ImportWarning[] = [];
  const decoded = decode(bytes, options.encoding ?? null, warnings);
  const { document } = parseHTML(decoded.text);
  const depth = nestingDepth(document as unknown as Document);
  if (depth > MAX_HTML_PAGE_DEPTH) {
    throw new HtmlPageError(
      'HTML_PAGE_TOO_LARGE',
      `The page nests its elements ${depth} deep; a saved article page is at most ${MAX_HTML_PAGE_DEPTH} deep.`,
    );
  }
  const meta = readPageMetadata(document as unknown as Document);
  const headline = chooseHeadline(meta);
  if (headline === null) {
    throw new HtmlPageError(
      'HTML_PAGE_NO_HEADLINE',
      'The page has no headline: no og:title, JSON-LD headline, <title> or <h1>.',
    );
  }
  const notSite = (name: string | null) =>
    name !== null && !siteNames(meta).some((site) => sameLine(name, site)) ? name : null;
  const authors = meta.authors.filter((name) => notSite(name) !== null);
  const metaAuthor = notSite(meta.metaAuthor);
  const body = readPageBody(decoded.text, headline, [
    ...authors,
    ...(metaAuthor === null ? [] : [metaAuthor]),
    ...siteNames(meta),
  ]);
  if (body.listing) {
    throw new HtmlPageError(
      'HTML_PAGE_NO_BODY',
      'No article text was found in the page: it looks like a list of links (a section or index page).',
    );
  }
  if (body.paragraphs.length === 0) {
    throw new HtmlPageError('HTML_PAGE_NO_BODY', 'No article text was found in the page.');
  }
  const date = pageDate(meta, body.printedTimes, options.timeZone, warnings);
  const address = meta.urls[0] ?? savedFromUrl(decoded.text);
  const sourceUrl = address === null ? null : normaliseSourceUrl(address);
  const byline = authors.length > 0 ? authors.join('، ') : (metaAuthor ?? notSite(body.byline));
  return {
    encoding: decoded.encoding,
    warnings,
    article: {
      // A page of any site: its address's number is not our id (the database chooses one).
      id: null,
      headline,
      paragraphs: body.paragraphs,
      readAlso: body.readAlso,
      moreHeadlines: body.moreHeadlines,
      byline,
      sectionName: meta.section,
      publishedAt: date?.at ?? null,
      publishedPrecision: date?.precision ?? ('minute' satisfies PublishedPrecision),
      publishedLocalTime: null,
      views: 0,
      sourceUrl,
      slug: null,
      matchBy: 'sourceUrl',
    },
  };
}

/**
 * The site's own names: og:site_name (or the publisher's), and the
 * organisations the JSON-LD names as author or publisher. A site that names
 * itself as the author (the JSON-LD author, `<meta name="author">`,
 * Readability's byline taken from them) gives no byline.
 */
function siteNames(meta: PageMetadata): string[] {
  return [...(meta.siteName === null ? [] : [meta.siteName]), ...meta.organizations];
}

/** How deep the page's elements nest (an explicit stack: no recursion limit). */
function nestingDepth(document: Document): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[document.documentElement, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [element, depth] = next;
    if (depth > deepest) deepest = depth;
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The refusal of a page of `size` bytes, in decimal megabytes rounded up. */
export function htmlPageTooLarge(size: number): HtmlPageError {
  return new HtmlPageError(
    'HTML_PAGE_TOO_LARGE',
    `The file is ${(Math.ceil(size / 1e5) / 10).toFixed(1)} MB; a saved article page is at most ${MAX_HTML_PAGE_BYTES / 1024 / 1024} MB.`,
  );
}

/** A printed zone as Luxon names it: `+03:00` as `UTC+03:00`. */
function zoneName(zone: string): string {
  return /^[+-]\d{2}:\d{2}$/u.test(zone) ? `UTC${zone}` : zone;
}

/** Encodings without Arabic letters that old Arabic sites declared by mistake. */
const LATIN_DECLARATIONS = new Set(['windows-1252', 'iso-8859-15', 'iso-8859-2']);

/** How a page's declaration is quoted: the label as written, and the encoding it means when that differs (`"iso-8859-1" (read as windows-1252)`). */
function quoted(declaration: Declaration): string {
  const { label, encoding } = declaration;
  return label.toLowerCase() === encoding ? `"${label}"` : `"${label}" (read as ${encoding})`;
}

interface Declaration {
  label: string;
  encoding: string;
}

/**
 * Refuses a page that declares a Latin encoding (`iso-8859-1`, which means
 * windows-1252) while its text is Arabic in windows-1256 or ISO-8859-6 for
 * certain, a common mistake of old Arabic CMSs: read as declared it would be
 * stored as Latin gibberish (`ÞÇá`). The declaration is not second-guessed
 * (text-encoding.ts); the person importing names the encoding instead.
 */
function refuseLatinLie(bytes: Uint8Array, declared: Declaration): void {
  if (!LATIN_DECLARATIONS.has(declared.encoding)) return;
  const detected = detectArabicEncoding(bytes);
  if (detected.certain && detected.encoding !== 'utf-8') {
    throw new HtmlPageError(
      'HTML_PAGE_ENCODING',
      `The page declares ${quoted(declared)}, but its text is Arabic in ${detected.encoding}; import it with --encoding ${detected.encoding}.`,
    );
  }
}

/**
 * The refusal of a page that declares UTF-8 but whose bytes are not UTF-8
 * (`error`, ENCODING_INVALID): when detection finds legacy Arabic
 * (windows-1256, ISO-8859-6; certain or not: the page is not UTF-8 anyway),
 * the message names the encoding to import it with, as for a Latin
 * declaration; else null (the error is reported as it is).
 */
function utf8Lie(
  bytes: Uint8Array,
  declared: Declaration,
  error: EncodingError,
): HtmlPageError | null {
  if (declared.encoding !== 'utf-8' || error.code !== 'ENCODING_INVALID') return null;
  // A UTF-8 byte order mark, not the declaration, chose UTF-8.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
  const detected = detectArabicEncoding(bytes);
  if (detected.encoding === 'utf-8') return null;
  const at =
    error.offset === null || error.byte === null
      ? ''
      : ` (byte 0x${error.byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${error.offset})`;
  return new HtmlPageError(
    'HTML_PAGE_ENCODING',
    `The page declares ${quoted(declared)}, but its bytes are not UTF-8${at} and its text looks like Arabic in ${detected.encoding}; import it with --encoding ${detected.encoding}.`,
    { cause: error },
  );
}

/**
 * The page's text: in the encoding named (`--encoding`, but a page that is
 * UTF-8 for certain stays UTF-8, with a warning: encodingForFile), else as
 * the page declares it or detection finds it for certain.
 */
function decode(bytes: Uint8Array, named: string | null, warnings: ImportWarning[]) {
  let declared: Declaration | null = null;
  let choice: { encoding: string; kept: boolean } | null = null;
  try {
    choice = named === null ? null : encodingForFile(bytes, named);
    if (choice?.kept === true) {
      warnings.push(
        importWarning(
          'HTML_PAGE_ENCODING_IGNORED',
          'The page is UTF-8, so it was read as UTF-8, not in the encoding named with --encoding.',
        ),
      );
    }
    declared = htmlDeclaration(bytes);
    if (choice === null && declared !== null) refuseLatinLie(bytes, declared);
    return decodeBytes(bytes, {
      forced: choice?.encoding ?? null,
      declared: declared?.encoding ?? null,
      requireCertain: true,
    });
  } catch (error) {
    if (error instanceof EncodingError) {
      const lie = choice === null && declared !== null ? utf8Lie(bytes, declared, error) : null;
      throw lie ?? new HtmlPageError('HTML_PAGE_ENCODING', error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * The publish date: the metadata's first readable one, else the first date
 * printed above the text (with its time and printed zone when it has them).
 */
function pageDate(
  meta: PageMetadata,
  printed: readonly PublishTime[],
  timeZone: string,
  warnings: ImportWarning[],
): PageDate | null {
  for (const value of meta.dates) {
    const date = parsePageDate(value, timeZone);
    if (date !== null) return date;
  }
  for (const { date, time, timeZone: zone } of printed) {
    if (date === null) continue;
    const at = wallClockToUtc(
      { ...date, ...(time ?? { hour: 0, minute: 0 }) },
      zoneName(zone ?? timeZone),
    );
    return { at, precision: time === null ? 'day' : 'minute' };
  }
  warnings.push(
    meta.dates.length > 0
      ? importWarning(
          'HTML_PAGE_DATE_UNREADABLE',
          `The page's publish date «${meta.dates[0] ?? ''}» cannot be read, so the date is left empty.`,
        )
      : importWarning(
          'HTML_PAGE_NO_DATE',
          'The page states no publish date, in its metadata or above its text, so the date is left empty.',
        ),
  );
  return null;
}
