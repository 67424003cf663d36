/**
 * The article's text in a saved page: Mozilla's Readability (the Firefox
 * reader view) finds the article and drops the page around it (menus,
 * sidebars, footers, most share bars and comment sections); then the lines
 * Readability keeps because they sit inside the article's own markup are
 * told the way the page-capture importer tells them in copied text, with
 * the same Arabic patterns (capture/boilerplate.ts, chrome.ts, markers.ts),
 * so both importers agree on what boilerplate is:
 *
 * - before the first paragraph: headings and the headline repeated, lines
 *   of dates and counters alone (`الثلاثاء 12 آذار 2024`, `236 مشاهدة`,
 *   `مدة القراءة: دقيقة واحدة`), metadata lines (`تاريخ النشر: 2009-11-05 08:30`,
 *   `كتب: فلان`, `عدد المشاهدات: 236`), the byline or site name the
 *   metadata gives, and whatever short line stands in the article's
 *   `<header>` (its dates are kept for a page whose metadata gives none,
 *   and the name of a byline line, `بقلم: فلان | 30 نوفمبر 2026`, is the byline);
 * - copyright, comment-policy, disclaimer, follow-us and cookie notices,
 *   navigation rows, and share or print controls, wherever they are;
 * - "read also" links between paragraphs (`اقرأ أيضاً: …`, or a related
 *   heading and its links, or an `<aside>` box that starts `اقرأ أيضاً`)
 *   become the article's read-also links;
 * - a related heading (`أخبار ذات صلة`, `المزيد من الأخبار` …) and the
 *   headlines listed under it (linked or not), or a run of blocks that are
 *   nearly all link text (page-blocks.ts LINKED_SHARE), after the last
 *   paragraph, give the article's "more" headlines; a heading after the
 *   last paragraph is dropped (it heads nothing of the article).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanSourceText } from '../../arabic/clean.js';
import { isBoilerplate } from '../capture/boilerplate.js';
import type { ReadAlso } from '../capture/capture-parts.js';
import { isChromeLine } from '../capture/chrome.js';
import { isDataLine } from '../capture/data-line.js';
import { parseMetadataLine } from '../capture/metadata.js';
import { sameLine } from '../capture/headline.js';
import {
  isInlineHeading,
  isMoreHeading,
  listedHeadline,
  readAlsoRest,
} from '../capture/markers.js';
import { isHeadlineLike, isProseLike } from '../capture/prose.js';
import { parsePublishTime, type PublishTime } from '../capture/publish-time.js';
import { pageBlocks, type Block } from './page-blocks.js';

export interface PageBody {
  paragraphs: string[];
  readAlso: ReadAlso[];
  moreHeadlines: string[];
  /**
   * Readability's byline, when the page marks one (`rel=author`, `.byline`),
   * the name alone when it is a metadata line (`بقلم: ريم الحلبي | 30 نوفمبر 2026`);
   * else the name on a metadata line above the text (`كتب: فلان`).
   */
  byline: string | null;
  /**
   * Dates and times printed above the text (`تاريخ النشر: 2009-11-05 08:30`,
   * the date of `بقلم: فلان | 30 نوفمبر 2026`), in order; first that of
   * Readability's byline when it is such a line.
   */
  printedTimes: PublishTime[];
  /**
   * True when what Readability found reads as a list of links, not an
   * article (a section or index page, a tag page): see looksLikeListing.
   */
  listing: boolean;
}

/**
 * The body of the page in `html`, whose headline is `headline` (to drop it
 * when the body repeats it); `names` are the byline and site name its
 * metadata gives (dropped when printed alone above the text).
 */
export function readPageBody(
  html: string,
  headline: string | null,
  names: readonly string[] = [],
): PageBody {
  const { document } = parseHTML(html);
  inlineReadAlsoBoxes(document as unknown as Document);
  const article = new Readability(document as unknown as Document).parse();
  if (article === null || !article.content) {
    return {
      paragraphs: [],
      readAlso: [],
      moreHeadlines: [],
      byline: null,
      printedTimes: [],
      listing: false,
    };
  }
  const { document: content } = parseHTML(
    `<!doctype html><html><body>${article.content}</body></html>`,
  );
  const blocks = pageBlocks((content as unknown as Document).body).map((block) => ({
    ...block,
    text: cleanSourceText(block.text).trim(),
    unlinked: cleanSourceText(block.unlinked).trim(),
  }));
  const sorted = sortBlocks(blocks, headline, names);
  const marked = article.byline?.trim() || null;
  // Readability takes a `.byline` element out of the text whole, date and all.
  const line = marked === null ? null : parseMetadataLine(spaced(marked));
  return {
    ...sorted,
    printedTimes: [...(line?.when ? [line.when] : []), ...sorted.printedTimes],
    byline: (line === null ? marked : line.byline) ?? sorted.byline,
    listing: looksLikeListing(blocks),
  };
}

/** The fewest words outside links of one paragraph of an article (a listing's teaser lines and "next" links are shorter). */
export const MIN_PROSE_WORDS = 8;

/**
 * Whether `blocks` (what Readability kept of a page) are a list of links
 * rather than an article: no paragraph has MIN_PROSE_WORDS words outside
 * its links, or most of the text up to the last such paragraph (letters
 * and digits) is link text, or
 * three headings or more are each a link (a section page whose entries
 * carry a teaser under a linked headline). An article's related links after
 * its text are fewer than its paragraphs' words, and its subheadings are
 * not links.
 */
function looksLikeListing(blocks: readonly Block[]): boolean {
  const kept = blocks.filter(
    (b) => b.text !== '' && !isBoilerplate(b.text) && !isChromeLine(b.text),
  );
  const isProse = (b: Block) => b.kind !== 'heading' && words(b.unlinked) >= MIN_PROSE_WORDS;
  const lastProse = findLastIndex(kept, isProse);
  if (lastProse < 0) return true;
  // Up to the last paragraph: the related links after an article are not its text.
  const text = kept.slice(0, lastProse + 1);
  const all = text.reduce((sum, b) => sum + countable(b.text), 0);
  const outside = text.reduce((sum, b) => sum + countable(b.unlinked), 0);
  const linkedHeadings = text.filter((b) => b.kind === 'heading' && b.allLinks).length;
  return all - outside > outside || linkedHeadings >= 3;
}

/** Words of `text` (runs without spaces that hold a letter or digit). */
function words(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Letters, marks and digits in `text` (spaces and punctuation do not weigh). */
function countable(text: string): number {
  return text.replace(/[^\p{L}\p{M}\p{N}]/gu, '').length;
}

/**
 * `text` with a number set off from the word before or after it: pieces a
 * page prints side by side in separate elements may come glued
 * (`دقيقة واحدة236 مشاهدة`).
 */
function spaced(text: string): string {
  return text.replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ');
}

/** How a read-also box's headline is written back into the text, for sortBlocks to read. */
const READ_ALSO_LINE = 'اقرأ أيضاً: ';

/**
 * Writes each "read also" box of the page (an `<aside>` whose first words
 * are a read-also marker, `<aside><span>اقرأ أيضاً</span><a>…</a></aside>`)
 * back into the text as one `اقرأ أيضاً: headline` paragraph per headline,
 * where the box stands: Readability drops every `<aside>`, and the box's
 * place between paragraphs is the read-also's. Its headlines are its links'
 * text, else the text after the marker, else its other elements' text.
 */
function inlineReadAlsoBoxes(document: Document): void {
  for (const box of document.querySelectorAll('aside')) {
    const headlines = readAlsoBoxHeadlines(box);
    if (headlines.length === 0) continue;
    const lines = headlines.map((headline) => {
      const line = document.createElement('p');
      line.textContent = `${READ_ALSO_LINE}${headline}`;
      return line;
    });
    box.replaceWith(...lines);
  }
}

function readAlsoBoxHeadlines(box: Element): string[] {
  const walker = box.ownerDocument.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
  let first: Node | null = walker.nextNode();
  while (first !== null && (first.textContent ?? '').trim() === '') first = walker.nextNode();
  const label = first === null ? null : readAlsoRest(collapse(first.textContent ?? ''));
  if (first === null || label === null) return [];
  const links = [...box.querySelectorAll('a')].map((a) => {
    const text = collapse(a.textContent ?? '');
    return readAlsoRest(text) ?? text;
  });
  if (links.some((text) => text !== '')) return links.filter((text) => text !== '');
  if (label !== '') return [label];
  const holder = first.parentElement === box ? first : first.parentElement;
  return [...box.children]
    .filter((child) => holder === null || !child.contains(holder))
    .map((child) => collapse(child.textContent ?? ''))
    .filter((text) => text !== '');
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

type Sorted = Omit<PageBody, 'listing'>;

function sortBlocks(
  blocks: readonly Block[],
  headline: string | null,
  names: readonly string[],
): Sorted {
  const isFrame = (block: Block) => isAboveText(block, headline, names);
  const kept = blocks.filter(
    (b) => b.text !== '' && !isBoilerplate(b.text) && !isChromeLine(b.text),
  );
  const firstProse = kept.findIndex((b) => b.kind === 'paragraph' && !b.allLinks && !isFrame(b));
  const lastProse = findLastIndex(
    kept,
    (b) => b.kind === 'paragraph' && !b.allLinks && !isMarker(b),
  );
  const paragraphs: string[] = [];
  const readAlso: ReadAlso[] = [];
  const moreHeadlines: string[] = [];
  const printedTimes: PublishTime[] = [];
  const bylines: string[] = [];
  let awaitingLinks: 'read-also' | 'more' | null = null;
  kept.forEach((block, index) => {
    if (index < firstProse && isFrame(block)) {
      // A metadata line carries a date and a byline side by side: `بقلم: فلان | 30 نوفمبر 2026`.
      const line = parseMetadataLine(spaced(block.text));
      const printed = parsePublishTime(block.text) ?? line?.when ?? null;
      if (printed !== null) printedTimes.push(printed);
      if (line?.byline) bylines.push(line.byline);
      return;
    }
    const after = index > lastProse;
    const rest = readAlsoRest(block.text);
    if (rest !== null) {
      if (rest !== '')
        readAlso.push({ headline: listedHeadline(rest), afterParagraph: paragraphs.length });
      awaitingLinks = rest === '' ? 'read-also' : null;
      return;
    }
    if (isMoreHeading(block.text) || isInlineHeading(block.text.replace(/[:：\-–—]\s*$/u, ''))) {
      awaitingLinks = after ? 'more' : 'read-also';
      return;
    }
    // A sentence that is all one link, between paragraphs, is still the article's.
    const linked = block.allLinks && (after || awaitingLinks !== null || !isProseLike(block.text));
    // Headlines listed under a "more" heading, linked or not (a site lists some unlinked).
    const listed = awaitingLinks === 'more' && block.kind === 'item' && isHeadlineLike(block.text);
    if (linked || listed) {
      const text = listedHeadline(block.text);
      if (after || awaitingLinks === 'more') moreHeadlines.push(text);
      else if (awaitingLinks === 'read-also')
        readAlso.push({ headline: text, afterParagraph: paragraphs.length });
      // Short links alone between paragraphs, with no marker, are the page's, not the article's.
      return;
    }
    awaitingLinks = null;
    if (after && block.kind === 'heading') return;
    paragraphs.push(block.text);
  });
  const unique = moreHeadlines.filter(
    (h, i) =>
      (headline === null || !sameLine(h, headline)) &&
      moreHeadlines.findIndex((o) => sameLine(o, h)) === i,
  );
  return { paragraphs, readAlso, moreHeadlines: unique, printedTimes, byline: bylines[0] ?? null };
}

/**
 * Above the text: a heading (the page's visible title, which may differ
 * from the headline its metadata gives), the headline repeated, the byline
 * or site name alone, a line of dates and counters (reading time, views),
 * a line the capture importer reads as metadata (a publish time with its
 * label, `كتب: فلان`, `عدد المشاهدات: 236`, a breadcrumb), or a short line
 * in the article's `<header>`. Pieces the page prints side by side in
 * separate elements may come glued (`دقيقة واحدة236 مشاهدة`): a number is
 * set off from the word before or after it for the test.
 */
function isAboveText(block: Block, headline: string | null, names: readonly string[]): boolean {
  const text = spaced(block.text);
  return (
    block.kind === 'heading' ||
    (headline !== null && sameLine(block.text, headline)) ||
    names.some((name) => sameLine(block.text, name)) ||
    isDataLine(text) ||
    parsePublishTime(block.text) !== null ||
    parseMetadataLine(text) !== null ||
    (block.inHeader && !isProseLike(block.text))
  );
}

function isMarker(block: Block): boolean {
  return (
    readAlsoRest(block.text) !== null ||
    isMoreHeading(block.text) ||
    isInlineHeading(block.text.replace(/[:：\-–—]\s*$/u, ''))
  );
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
