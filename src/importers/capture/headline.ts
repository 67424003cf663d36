import { isDataLine } from './data-line.js';
import { isHeadlineLike, isProseLike } from './prose.js';
import type { Token } from './tokens.js';

/**
 * Choosing the headline among the text lines of a capture.
 *
 * Pages print the title more than once (above the metadata and again over
 * the body, or in their own "most read" list), so a headline-shaped line
 * that occurs twice wins. Next comes a headline-shaped line printed right
 * next to a metadata line (the date, the view counter), which a site's
 * tagline or menu at the top of the page is not. Last comes the first
 * headline-shaped line before the body. A line first seen after the body
 * has started (a pull quote repeated in the body) is never the headline.
 * A two-word line is a headline only when it is both repeated and next to
 * metadata, or printed right above the body, since site names are that
 * short too. A line of numbers, dates and counters alone that was not read
 * as metadata (`الثلاثاء 12 مارس`, with no year) is never the headline, and
 * counts as metadata beside one.
 */
/** Two-word titles (`طقس الثلاثاء`) need more evidence than longer ones. */
const SHORT_HEADLINE_WORDS = 2;

export interface HeadlineChoice {
  text: string;
  /** Index in the token list of its first occurrence as a text line. */
  tokenIndex: number;
}

/** Lines compare equal when they differ only in spacing. */
export function sameLine(a: string, b: string): boolean {
  return collapse(a) === collapse(b);
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The headline and where it first occurs, or null when no line qualifies. */
export function chooseHeadline(tokens: readonly Token[]): HeadlineChoice | null {
  const counts = new Map<string, number>();
  const count = (text: string): void => {
    counts.set(collapse(text), (counts.get(collapse(text)) ?? 0) + 1);
  };
  const candidates: HeadlineChoice[] = [];
  tokens.forEach((token, tokenIndex) => {
    if (token.kind === 'more') token.headlines.forEach(count);
    if (token.kind !== 'text') return;
    count(token.text);
    if (!isDataLine(token.text)) candidates.push({ text: token.text, tokenIndex });
  });

  const bodyStart = candidates.findIndex(({ text }) => isProseLike(text) && !isHeadlineLike(text));
  const beforeBody = bodyStart < 0 ? candidates : candidates.slice(0, bodyStart);
  const isRepeated = ({ text }: HeadlineChoice): boolean => (counts.get(collapse(text)) ?? 0) >= 2;
  const isNextToMetadata = ({ tokenIndex }: HeadlineChoice): boolean =>
    [-1, 1].some((step) => isMetadata(neighbour(tokens, tokenIndex, step)));

  const firstProse = candidates[bodyStart];
  const isRightBeforeBody = ({ tokenIndex }: HeadlineChoice): boolean =>
    firstProse !== undefined && neighbour(tokens, tokenIndex, 1) === tokens[firstProse.tokenIndex];

  const headlines = beforeBody.filter(({ text }) => isHeadlineLike(text));
  const short = beforeBody.filter(({ text }) => isHeadlineLike(text, SHORT_HEADLINE_WORDS));
  return (
    headlines.find(isRepeated) ??
    headlines.find(isNextToMetadata) ??
    headlines[0] ??
    short.find((choice) => isRepeated(choice) && isNextToMetadata(choice)) ??
    short.find((choice) => isRightBeforeBody(choice)) ??
    null
  );
}

/** The nearest token before (-1) or after (1) `index` that is not blank, chrome or boilerplate. */
function neighbour(tokens: readonly Token[], index: number, step: number): Token | undefined {
  for (let i = index + step; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i];
    if (token?.kind !== 'blank' && token?.kind !== 'chrome' && token?.kind !== 'boilerplate')
      return token;
  }
  return undefined;
}

function isMetadata(token: Token | undefined): boolean {
  if (token?.kind === 'text') return isDataLine(token.text);
  return token?.kind === 'metadata' || token?.kind === 'number' || token?.kind === 'views-word';
}
