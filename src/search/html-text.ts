/**
 * The readable text of a sanitised article body: what is indexed and what
 * snippets are cut from. Entities are decoded; blocks are separated by a
 * newline; "read also" boxes (they name another article) and embeds (a
 * link to another site) are left out.
 */
import { Parser } from 'htmlparser2';

const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'li', 'blockquote', 'figcaption', 'br']);

/** The text of `html`, one line per block. */
export function htmlToText(html: string): string {
  let text = '';
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const skipped =
          (name === 'aside' && /\bread-also\b/.test(attributes.class ?? '')) ||
          (name === 'figure' && /\bembed\b/.test(attributes.class ?? ''));
        if (skipDepth > 0 || skipped) skipDepth++;
      },
      ontext(data) {
        if (skipDepth === 0) text += data;
      },
      onclosetag(name) {
        if (skipDepth > 0) skipDepth--;
        else if (BLOCKS.has(name)) text += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
