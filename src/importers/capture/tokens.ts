import { isBoilerplate } from './boilerplate.js';
import { isChromeLine } from './chrome.js';
import { isBlankLine } from './decode.js';
import { isInlineHeading, isMoreHeading, listedHeadline, readAlsoRest } from './markers.js';
import { isViewsWord, numberAlone, parseMetadataLine, type LineMetadata } from './metadata.js';
import { isHeadlineLike, isProseLike } from './prose.js';

/**
 * The lines of a capture, grouped into the parts of a news page. `line` is
 * the 0-based line number where the part starts.
 */
export type Token =
  | { kind: 'blank'; line: number }
  | { kind: 'chrome'; line: number }
  | { kind: 'boilerplate'; line: number }
  | { kind: 'number'; line: number; value: number }
  | { kind: 'views-word'; line: number }
  | { kind: 'metadata'; line: number; metadata: LineMetadata }
  /** `inline`: its heading is a "read also" too when it stands between paragraphs (`للمزيد`). */
  | { kind: 'more'; line: number; headlines: string[]; inline: boolean }
  | { kind: 'read-also'; line: number; headlines: string[] }
  | { kind: 'text'; line: number; text: string };

/** Listed headlines are short; a longer line means the list has ended. */
const MAX_LISTED_HEADLINE = 200;

/**
 * Groups cleaned lines into tokens. A "more" block is its heading and the
 * headline lines after it up to a blank line; a "read also" marker takes the
 * rest of its line, or the headline lines right after it. A number line
 * next to a `مشاهدة` line becomes a view counter.
 *
 * @example tokenize(['المزيد', 'خبر أول', '']) // [{ kind: 'more', headlines: ['خبر أول'] }, blank]
 */
export function tokenize(lines: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const start = i;
    i++;
    const readAlso = readAlsoRest(line);
    if (isBlankLine(line)) {
      tokens.push({ kind: 'blank', line: start });
    } else if (isMoreHeading(line)) {
      const list = readList(lines, i);
      i = list.next;
      tokens.push({
        kind: 'more',
        line: start,
        headlines: list.headlines,
        inline: isInlineHeading(line),
      });
    } else if (readAlso === '') {
      const list = readList(lines, i);
      i = list.next;
      tokens.push({ kind: 'read-also', line: start, headlines: list.headlines });
    } else if (readAlso !== null) {
      tokens.push({ kind: 'read-also', line: start, headlines: [listedHeadline(readAlso)] });
    } else {
      tokens.push(classify(line, start));
    }
  }
  return inlineBlocksAsReadAlso(spacedListItems(pairViewCounters(tokens)));
}

function classify(line: string, index: number): Token {
  const metadata = parseMetadataLine(line);
  if (metadata) return { kind: 'metadata', line: index, metadata };
  const value = numberAlone(line);
  if (value !== null) return { kind: 'number', line: index, value };
  if (isViewsWord(line)) return { kind: 'views-word', line: index };
  if (isChromeLine(line)) return { kind: 'chrome', line: index };
  if (isBoilerplate(line)) return { kind: 'boilerplate', line: index };
  return { kind: 'text', line: index, text: line };
}

/**
 * Reads listed headlines from `from`: blank lines right after the heading
 * are skipped, then lines are taken up to a blank line, another heading or
 * marker, or a line of prose. Chrome and metadata lines inside the list
 * (dates, counters under each headline) are skipped.
 */
function readList(lines: readonly string[], from: number): { headlines: string[]; next: number } {
  let i = from;
  while (i < lines.length && isBlankLine(lines[i] ?? '')) i++;
  const headlines: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlankLine(line) || isMoreHeading(line) || readAlsoRest(line) !== null) break;
    if (line.length > MAX_LISTED_HEADLINE || (isProseLike(line) && !isHeadlineLike(line))) break;
    const token = classify(line, i);
    if (token.kind === 'text') headlines.push(listedHeadline(line));
  }
  return { headlines, next: i };
}

/**
 * Sites that print a blank line between the headlines of a "more" block
 * (`الأكثر قراءة`, a blank, a headline, a blank…): the headline-like lines
 * that follow the block, each after blank lines, are its items too. A line
 * followed by the page's metadata (the article's own headline over its date
 * or link) ends the list; so does one followed by a paragraph of prose (a
 * headline over its body), unless the page's metadata came before the block
 * (the article's header is printed already: the body follows the list).
 */
function spacedListItems(tokens: Token[]): Token[] {
  const result: Token[] = [];
  let afterMetadata = false;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    result.push(token);
    i++;
    afterMetadata ||= token.kind === 'metadata';
    // An inline block (`للمزيد`) may sit between paragraphs: its list ends at the blank line.
    if (token.kind !== 'more' || token.inline || token.headlines.length === 0) continue;
    const headlines = [...token.headlines];
    for (;;) {
      let j = i;
      while (tokens[j]?.kind === 'blank') j++;
      const item = tokens[j];
      if (j === i || item?.kind !== 'text' || !isHeadlineLike(item.text)) break;
      let k = j + 1;
      while (tokens[k]?.kind === 'blank') k++;
      const next = tokens[k];
      const endsList =
        next?.kind === 'metadata' ||
        next?.kind === 'number' ||
        next?.kind === 'views-word' ||
        (!afterMetadata &&
          next?.kind === 'text' &&
          isProseLike(next.text) &&
          !isHeadlineLike(next.text));
      if (endsList) break;
      headlines.push(listedHeadline(item.text));
      i = j + 1;
    }
    result[result.length - 1] = { ...token, headlines };
  }
  return result;
}

/**
 * A block under an inline heading (`للمزيد`, `مواضيع ذات صلة`) with prose
 * both before it and after it (before the next "more" block) sits inside
 * the body: it is a "read also", and the body goes on after it.
 */
function inlineBlocksAsReadAlso(tokens: Token[]): Token[] {
  const isProse = (token: Token | undefined) => token?.kind === 'text' && isProseLike(token.text);
  return tokens.map((token, index) => {
    if (token.kind !== 'more' || !token.inline) return token;
    const before = tokens.slice(0, index).some(isProse);
    const rest = tokens.slice(index + 1);
    const end = rest.findIndex((t) => t.kind === 'more');
    const after = (end < 0 ? rest : rest.slice(0, end)).some(isProse);
    return before && after
      ? { kind: 'read-also', line: token.line, headlines: token.headlines }
      : token;
  });
}

/** `236` next to `مشاهدة` (either order, blank lines allowed between) is a view counter. */
function pairViewCounters(tokens: Token[]): Token[] {
  const result = [...tokens];
  result.forEach((token, index) => {
    if (token.kind !== 'views-word') return;
    const neighbour = [nearest(result, index, -1), nearest(result, index, 1)].find(
      (candidate) => candidate !== undefined && result[candidate]?.kind === 'number',
    );
    const number = neighbour === undefined ? undefined : result[neighbour];
    if (neighbour === undefined || number?.kind !== 'number') return;
    result[neighbour] = {
      kind: 'metadata',
      line: number.line,
      metadata: {
        when: null,
        views: number.value,
        url: null,
        byline: null,
        section: null,
        crumbs: null,
      },
    };
    result[index] = { kind: 'chrome', line: token.line };
  });
  return result;
}

function nearest(tokens: readonly Token[], from: number, step: 1 | -1): number | undefined {
  for (let i = from + step; i >= 0 && i < tokens.length; i += step) {
    if (tokens[i]?.kind !== 'blank') return i;
  }
  return undefined;
}
