import type { ReadAlso } from './capture-parts.js';
import { sameLine } from './headline.js';
import { isProseLike } from './prose.js';
import type { Token } from './tokens.js';

/**
 * The article body: the prose lines after the headline, with the "read
 * also" links placed between them. The body ends at the first "more" block
 * after it has started; what follows is the page's sidebar and footer.
 */
export interface Body {
  paragraphs: string[];
  readAlso: ReadAlso[];
  /** Short non-prose lines found between two paragraphs, left out. */
  skipped: string[];
}

export function collectBody(tokens: readonly Token[], headline: string, afterToken: number): Body {
  const paragraphs: string[] = [];
  const readAlso: ReadAlso[] = [];
  const pending: string[] = [];
  const skipped: string[] = [];
  for (const token of tokens.slice(afterToken + 1)) {
    if (token.kind === 'more' && paragraphs.length > 0) break;
    if (token.kind === 'read-also') {
      for (const text of token.headlines) {
        readAlso.push({ headline: text, afterParagraph: paragraphs.length });
      }
    }
    if (token.kind !== 'text' || sameLine(token.text, headline)) continue;
    if (isProseLike(token.text)) {
      if (paragraphs.length > 0) skipped.push(...pending);
      pending.length = 0;
      paragraphs.push(token.text);
    } else {
      pending.push(token.text);
    }
  }
  return { paragraphs, readAlso, skipped };
}
