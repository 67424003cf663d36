/**
 * The article's markup (what Readability kept) as a list of text blocks in
 * reading order: a paragraph, a heading or a list item each make one; text
 * split by `<br>` makes one block per line (old sites write paragraphs as
 * `text<br><br>text`). Images, figures and their captions, embedded frames,
 * forms and scripts are left out: an import keeps the text.
 */

export type BlockKind = 'paragraph' | 'heading' | 'item';

export interface Block {
  kind: BlockKind;
  /** The text, spaces collapsed, trimmed. */
  text: string;
  /** True when all of the text is inside links (a list of headlines, a "read also"). */
  allLinks: boolean;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose content is not the article's text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'figure',
  'figcaption',
  'img',
  'svg',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'nav',
  'aside',
]);

/** Elements that start and end a block of their own. */
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HEADING = /^h[1-6]$/u;

/** The blocks of `root`'s content, in reading order, empty ones left out. */
export function pageBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let linked = '';
  let kind: BlockKind = 'paragraph';

  const flush = () => {
    const collapsed = text.replace(/\s+/gu, ' ').trim();
    if (collapsed !== '') {
      const linkText = linked.replace(/\s+/gu, ' ').trim();
      blocks.push({ kind, text: collapsed, allLinks: linkText === collapsed });
    }
    text = '';
    linked = '';
  };

  const walk = (node: Node, inLink: boolean) => {
    if (node.nodeType === TEXT) {
      const value = node.textContent ?? '';
      text += value;
      if (inLink) linked += value;
      else if (value.trim() === '') linked += value;
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (!BLOCK.has(tag)) {
      for (const child of node.childNodes) walk(child, inLink || tag === 'a');
      return;
    }
    flush();
    const outer = kind;
    kind = HEADING.test(tag)
      ? 'heading'
      : tag === 'li'
        ? 'item'
        : outer === 'item'
          ? 'item'
          : 'paragraph';
    for (const child of node.childNodes) walk(child, inLink);
    flush();
    kind = outer;
  };

  for (const child of root.childNodes) walk(child, false);
  flush();
  return blocks;
}
