/**
 * How big and how deep an article body's HTML may be, checked before any
 * sanitising or tree building, on every path that takes body HTML
 * (editor save and autosave, importers, archive import).
 *
 * Why: building a tree of deeply nested markup costs time that grows with
 * the square of its depth (sanitize-html keeps a stack that it searches at
 * every closing tag; HTML tree construction walks the open elements for
 * its scope checks). A 240 KB body of `<ul><li>` nested 30,000 deep held
 * the event loop about 4 s a save (issue 13). No article needs either: the
 * editor nests a list item's paragraph three elements deep per list level,
 * and the longest body of the 5,082-article corpus is 6,213 characters.
 */
import { Parser } from 'htmlparser2';

/**
 * The limits: `maxChars` in UTF-16 code units (`string.length`, about
 * thirty times the corpus's longest body); `maxDepth` in nested elements,
 * the deepest element included (`<ul><li><p>` is 3).
 */
export const BODY_HTML_LIMITS = { maxChars: 200_000, maxDepth: 32 } as const;

/** Why a body is refused: over `maxChars`, or nested deeper than `maxDepth`. */
export type BodyHtmlProblem = 'TOO_LARGE' | 'TOO_DEEP';

/**
 * What is wrong with `html` as a body, or null when it is within the limits.
 * Linear in the length and bounded in memory: the size is read first, then
 * one streaming pass of htmlparser2's tokenizer counts the open elements
 * and stops at the first element deeper than the limit (so a 30,000-deep
 * body is refused after its first 33 tags).
 *
 * htmlparser2 closes elements where a browser may not (an end tag closes
 * every element above its match), so markup built to look shallow here can
 * still be deep in a browser's tree: the sanitiser checks the tree it
 * builds as well (services/body-html.ts).
 *
 * @example bodyHtmlProblem('<ul><li>'.repeat(17)) // 'TOO_DEEP' (34 elements)
 * @example bodyHtmlProblem('<p>نص</p>') // null
 */
export function bodyHtmlProblem(
  html: string,
  limits: { maxChars: number; maxDepth: number } = BODY_HTML_LIMITS,
): BodyHtmlProblem | null {
  if (html.length > limits.maxChars) return 'TOO_LARGE';
  return nestingExceeds(html, limits.maxDepth) ? 'TOO_DEEP' : null;
}

/** True when some element of `html` is inside more than `maxDepth - 1` others. */
function nestingExceeds(html: string, maxDepth: number): boolean {
  let depth = 0;
  let exceeded = false;
  const parser = new Parser({
    onopentagname() {
      depth += 1;
      if (depth > maxDepth && !exceeded) {
        exceeded = true;
        parser.pause();
      }
    },
    onclosetag() {
      depth -= 1;
    },
  });
  parser.write(html);
  if (!exceeded) parser.end();
  return exceeded;
}
