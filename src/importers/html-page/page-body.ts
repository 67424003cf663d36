/**
 * The article's text in a saved page: Mozilla's Readability (the Firefox
 * reader view) finds the article and drops the page around it (menus,
 * sidebars, footers, most share bars and comment sections); then the lines
 * Readability keeps because they sit inside the article's own markup are
 * told the way the page-capture importer tells them in copied text, with
 * the same Arabic patterns (capture/boilerplate.ts, chrome.ts, markers.ts),
 * so both importers agree on what boilerplate is:
 *
 * - headings and the headline repeated at the top, and lines of dates and counters
 *   alone (`الثلاثاء 12 آذار 2024`, `تاريخ النشر: 2009-11-05 08:30`)
 *   before the first paragraph (their dates are kept for a page whose
 *   metadata gives none);
 * - copyright, comment-policy, disclaimer, follow-us and cookie notices,
 *   navigation rows, and share or print controls, wherever they are;
 * - "read also" links between paragraphs (`اقرأ أيضاً: …`, or a related
 *   heading and its links) become the article's read-also links;
 * - a related heading (`أخبار ذات صلة`, `الأكثر قراءة` …) or a run of
 *   blocks that are only links, after the last paragraph, gives the
 *   article's "more" headlines; a heading after the last paragraph is
 *   dropped (it heads nothing of the article).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanSourceText } from '../../arabic/clean.js';
import { isBoilerplate } from '../capture/boilerplate.js';
import type { ReadAlso } from '../capture/capture-parts.js';
import { isChromeLine } from '../capture/chrome.js';
import { isDataLine } from '../capture/data-line.js';
import { sameLine } from '../capture/headline.js';
import {
  isInlineHeading,
  isMoreHeading,
  listedHeadline,
  readAlsoRest,
} from '../capture/markers.js';
import { isProseLike } from '../capture/prose.js';
import { parsePublishTime, type PublishTime } from '../capture/publish-time.js';
import { pageBlocks, type Block } from './page-blocks.js';

export interface PageBody {
  paragraphs: string[];
  readAlso: ReadAlso[];
  moreHeadlines: string[];
  /** Readability's byline, when the page marks one (`rel=author`, `.byline`). */
  byline: string | null;
  /** Dates and times printed above the text (`تاريخ النشر: 2009-11-05 08:30`), in order. */
  printedTimes: PublishTime[];
}

/**
 * The body of the page in `html`, whose headline is `headline` (to drop it
 * when the body repeats it).
 */
export function readPageBody(html: string, headline: string | null): PageBody {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  if (article === null || !article.content) {
    return { paragraphs: [], readAlso: [], moreHeadlines: [], byline: null, printedTimes: [] };
  }
  const { document: content } = parseHTML(
    `<!doctype html><html><body>${article.content}</body></html>`,
  );
  const blocks = pageBlocks((content as unknown as Document).body).map((block) => ({
    ...block,
    text: cleanSourceText(block.text).trim(),
  }));
  return { ...sortBlocks(blocks, headline), byline: article.byline?.trim() || null };
}

type Sorted = Omit<PageBody, 'byline'>;

function sortBlocks(blocks: readonly Block[], headline: string | null): Sorted {
  const kept = blocks.filter(
    (b) => b.text !== '' && !isBoilerplate(b.text) && !isChromeLine(b.text),
  );
  const firstProse = kept.findIndex(
    (b) => b.kind === 'paragraph' && !b.allLinks && !isFrame(b, headline),
  );
  const lastProse = findLastIndex(
    kept,
    (b) => b.kind === 'paragraph' && !b.allLinks && !isMarker(b),
  );
  const paragraphs: string[] = [];
  const readAlso: ReadAlso[] = [];
  const moreHeadlines: string[] = [];
  const printedTimes: PublishTime[] = [];
  let awaitingLinks: 'read-also' | 'more' | null = null;
  kept.forEach((block, index) => {
    if (index < firstProse && isFrame(block, headline)) {
      const printed = parsePublishTime(block.text);
      if (printed !== null) printedTimes.push(printed);
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
    if (block.allLinks && (after || awaitingLinks !== null || !isProseLike(block.text))) {
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
  return { paragraphs, readAlso, moreHeadlines: unique, printedTimes };
}

/**
 * Above the text: a heading (the page's visible title, which may differ
 * from the headline its metadata gives), the headline repeated, a line of
 * dates and counters, or a publish time with its label (what the capture
 * importer reads as metadata).
 */
function isFrame(block: Block, headline: string | null): boolean {
  return (
    block.kind === 'heading' ||
    (headline !== null && sameLine(block.text, headline)) ||
    isDataLine(block.text) ||
    parsePublishTime(block.text) !== null
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
