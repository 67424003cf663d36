/**
 * A body's CPU-heavy work before it is stored, in one step that a worker
 * thread can take (sanitizer-pool.ts): cleaned with the editor's
 * sanitiser, then read for what is derived from its text (the excerpt's
 * first paragraph, the headline of a post without one, the search keys).
 * The text is the sanitised body's: rewriting link addresses afterwards
 * (an import's links between articles) changes no text.
 */
import { analyse, type AnalysedText } from '../arabic/tokenize.js';
import { firstParagraphText, htmlToText } from '../domain/html-text.js';
import { sanitizeBodyHtml } from './body-html.js';

/** A body cleaned and read. */
export interface PreparedBody {
  /** The sanitised HTML (sanitizeBodyHtml). */
  html: string;
  /** Its text (htmlToText). */
  text: string;
  /** The text of its first paragraph (firstParagraphText), or ''. */
  firstParagraph: string;
  /** The search keys of `text` (arabic/tokenize.ts `analyse`), as the index stores them. */
  searchKeys: AnalysedText;
}

/** Prepares a body, on whatever thread: see the module's comment. @throws BodyHtmlRefused */
export type BodyPreparer = (html: string) => Promise<PreparedBody>;

/** Cleans and reads `html` on this thread. @throws BodyHtmlRefused over the limits. */
export function prepareBody(html: string): PreparedBody {
  const clean = sanitizeBodyHtml(html);
  const text = htmlToText(clean);
  return {
    html: clean,
    text,
    firstParagraph: firstParagraphText(clean),
    searchKeys: analyse(text),
  };
}

/** prepareBody on the calling thread, as a BodyPreparer. */
export const prepareHere: BodyPreparer = (html) => {
  try {
    return Promise.resolve(prepareBody(html));
  } catch (error) {
    return Promise.reject(error as Error);
  }
};
