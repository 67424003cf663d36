/**
 * The readable text of a sanitised article body (services/body-html.ts):
 * what search indexes and cuts snippets from, what a derived excerpt
 * starts with, what reading time counts, what a revision diff compares and
 * what tells an empty body. One real HTML parser (htmlparser2, as the
 * sanitiser uses), so that every entity is decoded (`&nbsp;`, `&#1604;`),
 * `<` inside an attribute is not taken for a tag, and inline markup
 * (`<b>كلمة</b>،`) does not put a space before the punctuation after it.
 */
import { Parser } from 'htmlparser2';

/** Elements whose end ends a line of text. */
const BLOCKS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'li',
  'blockquote',
  'figcaption',
  'aside',
  'figure',
]);

/** One block of a body's text: the element that ended it, and its text. */
export interface TextBlock {
  /** `p`, `h2`… (see BLOCKS), or `''` for text after the last block. */
  element: string;
  /** The block's text, entities decoded; a `<br>` is a newline. */
  text: string;
}

/**
 * What to do with "read also" boxes (`aside.read-also`, naming another
 * article) and embeds (`figure.embed`, a link to another site): `leave-out`
 * for what a reader reads as this article (search, excerpt, reading time),
 * `keep` for what an editor changed (revision diffs, the empty-body check).
 */
export type LinkedBoxes = 'leave-out' | 'keep';

function isLinkedBox(name: string, attributes: Record<string, string>): boolean {
  const classes = attributes.class ?? '';
  return (
    (name === 'aside' && /\bread-also\b/.test(classes)) ||
    (name === 'figure' && /\bembed\b/.test(classes))
  );
}

/** The blocks of `html` in document order, empty ones included. */
export function textBlocks(html: string, linkedBoxes: LinkedBoxes = 'leave-out'): TextBlock[] {
  const blocks: TextBlock[] = [];
  let text = '';
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipDepth > 0 || (linkedBoxes === 'leave-out' && isLinkedBox(name, attributes)))
          skipDepth++;
      },
      ontext(data) {
        if (skipDepth === 0) text += data;
      },
      onclosetag(name) {
        if (skipDepth > 0) skipDepth--;
        else if (name === 'br') text += '\n';
        else if (BLOCKS.has(name)) {
          blocks.push({ element: name, text });
          text = '';
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  if (text !== '') blocks.push({ element: '', text });
  return blocks;
}

/**
 * The text of `html`, one line per block (no blank lines, no spaces before
 * a line's end, none at either end).
 *
 * @example htmlToText('<p>أهلًا <b>بكم</b>،</p><p>مرحبًا&nbsp;!</p>') === 'أهلًا بكم،\nمرحبًا\u00a0!'
 */
export function htmlToText(html: string, linkedBoxes: LinkedBoxes = 'leave-out'): string {
  return textBlocks(html, linkedBoxes)
    .map((block) => block.text)
    .join('\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The text of the first paragraph of `html` (read-also boxes and embeds left out), or ''. */
export function firstParagraphText(html: string): string {
  return textBlocks(html).find((block) => block.element === 'p')?.text ?? '';
}
