/**
 * A body's CPU-heavy work before it is stored, in one step that a worker
 * thread can take (sanitizer-pool.ts): cleaned with the editor's
 * sanitiser, then read for what is derived from its text (the excerpt of
 * an article without one, the headline of a post without one, the search
 * keys).
 * The text is the sanitised body's: rewriting link addresses afterwards
 * (an import's links between articles) changes no text.
 */
import { derivedExcerpt } from '../domain/derived-excerpt.js';
import { htmlToText } from '../domain/html-text.js';
import { textKeys, type TextKeys } from '../search/index-keys.js';
import { sanitizeBodyHtml } from './body-html.js';

/** A body cleaned and read. */
export interface PreparedBody {
  /** The sanitised HTML (sanitizeBodyHtml). */
  html: string;
  /** Its text (htmlToText). */
  text: string;
  /** The excerpt it gives an article without one (derivedExcerpt), or ''. */
  excerpt: string;
  /** The index keys of `text` (search/index-keys.ts), as the search index stores them. */
  searchKeys: TextKeys;
}

/** A body prepared, or what refused it (BodyHtmlRefused over the limits). */
export type PreparedOutcome = { ok: true; body: PreparedBody } | { ok: false; error: Error };

/**
 * Prepares bodies, on whatever thread (see the module's comment): one
 * outcome per body, in order. Many at once, so that a worker thread is
 * sent one message for a batch of an import.
 */
export type BodyPreparer = (bodies: readonly string[]) => Promise<PreparedOutcome[]>;

/** Cleans and reads `html` on this thread. @throws BodyHtmlRefused over the limits. */
export function prepareBody(html: string): PreparedBody {
  const clean = sanitizeBodyHtml(html);
  const text = htmlToText(clean);
  return {
    html: clean,
    text,
    excerpt: derivedExcerpt(clean),
    searchKeys: textKeys(text),
  };
}

/** prepareBody on the calling thread, as a BodyPreparer. */
export const prepareHere: BodyPreparer = (bodies) =>
  Promise.resolve(
    bodies.map((html): PreparedOutcome => {
      try {
        return { ok: true, body: prepareBody(html) };
      } catch (error) {
        return { ok: false, error: error as Error };
      }
    }),
  );
