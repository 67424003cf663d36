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
  /**
   * True when nearly all of the text is inside links (link density at least
   * LINKED_SHARE, as Readability weighs it): a list of headlines, a "read also".
   */
  allLinks: boolean;
  /** The text outside links, spaces collapsed, trimmed (`''` for a block that is one link). */
  unlinked: string;
  /** True inside a `<header>` (an article's header: headline, dates, byline, counters). */
  inHeader: boolean;
}

/**
 * The share of a block's letters and digits inside links from which the
 * block is links, not prose: Readability's "link density" (its own cut for
 * dropping a block is 0.5 with little text; headlines with a bullet, a date
 * or a count beside each link stay above 0.8).
 */
export const LINKED_SHARE = 0.8;

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
  let unlinked = '';
  let kind: BlockKind = 'paragraph';
  let headers = 0;

  const flush = () => {
    const collapsed = text.replace(/\s+/gu, ' ').trim();
    if (collapsed !== '') {
      const share = countable(linked) / Math.max(countable(collapsed), 1);
      blocks.push({
        kind,
        text: collapsed,
        allLinks: share >= LINKED_SHARE,
        unlinked: unlinked.replace(/\s+/gu, ' ').trim(),
        inHeader: headers > 0,
      });
    }
    text = '';
    linked = '';
    unlinked = '';
  };

  const walk = (node: Node, inLink: boolean) => {
    if (node.nodeType === TEXT) {
      const value = node.textContent ?? '';
      text += value;
      if (inLink) linked += value;
      else if (value.trim() === '') linked += value;
      if (!inLink) unlinked += value;
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
    if (tag === 'header') headers++;
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
    if (tag === 'header') headers--;
  };

  for (const child of root.childNodes) walk(child, false);
  flush();
  return blocks;
}

/** Letters, marks and digits in `text` (spaces and punctuation do not weigh). */
function countable(text: string): number {
  return text.replace(/[^\p{L}\p{M}\p{N}]/gu, '').length;
}
