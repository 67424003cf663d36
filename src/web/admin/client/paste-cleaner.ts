/**
 * Cleans HTML pasted (or dropped) into the editor, before the schema's
 * parse rules read it: Word's `<o:p>`, conditional comments, styles and
 * classes, `<span>` wrappers and Google Docs' `<b id="docs-internal-guid-…"
 * style="font-weight:normal">` wrapper go; bold and italic given only by a
 * style become `<strong>`/`<em>`; Word's list paragraphs become lists;
 * empty paragraphs and stray line breaks are dropped. What is left is
 * ordinary HTML that the schema maps onto its few elements.
 */
import { defuseStyles, styleValue } from './pasted-styles.js';
import { rebuildWordLists } from './word-lists.js';

/** Elements removed together with everything in them. */
const DROPPED = new Set([
  'head',
  'style',
  'script',
  'template',
  'noscript',
  'meta',
  'link',
  'title',
  'xml',
  'o:p',
  'v:shapetype',
  'v:shape',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'svg',
  'math',
  'input',
  'button',
  'select',
  'textarea',
  'map',
]);

/** Inline wrappers that carry nothing the schema keeps but their text. */
const UNWRAPPED = new Set([
  'span',
  'font',
  'u',
  's',
  'strike',
  'del',
  'ins',
  'small',
  'big',
  'mark',
  'abbr',
  'cite',
  'dfn',
  'kbd',
  'samp',
  'var',
  'time',
  'label',
  'sup',
  'sub',
  'code',
  'nobr',
  'bdi',
  'bdo',
  'center',
]);

/** Attributes kept on the few elements that need them. */
const KEPT: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  figure: ['class', 'data-embed', 'data-url'],
  aside: ['class', 'data-article-id'],
};

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'aside',
  'table',
  'tr',
  'td',
  'th',
  'section',
  'article',
  ...HEADINGS,
]);

/**
 * The pasted HTML, cleaned. Runs in the browser: it needs DOMParser.
 *
 * @example cleanPastedHtml('<p class=MsoNormal><span style="color:red">نص<o:p></o:p></span></p>')
 * // '<p>نص</p>'
 */
export function cleanPastedHtml(html: string): string {
  const body = new DOMParser().parseFromString(defuseStyles(html), 'text/html').body;
  removeComments(body);
  for (const element of Array.from(body.querySelectorAll('*'))) {
    if (DROPPED.has(element.localName)) element.remove();
  }
  rebuildWordLists(body);
  nestStrayLists(body);
  for (const element of Array.from(body.querySelectorAll('*')).reverse()) {
    cleanElement(element);
  }
  for (const text of textNodes(body)) {
    text.data = text.data.replace(/\u00a0/g, ' ');
  }
  removeEmptyBlocks(body);
  return body.innerHTML;
}

function cleanElement(element: Element): void {
  const name = element.localName;
  const weight = styleValue(element, 'font-weight');
  const fontStyle = styleValue(element, 'font-style');
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const notBold = weight === 'normal' || (weight !== '' && Number(weight) < 600);
  const inHeading = element.closest('h1, h2, h3, h4, h5, h6') !== null;

  if ((name === 'b' || name === 'strong') && (notBold || inHeading)) return unwrap(element);
  if ((name === 'i' || name === 'em') && fontStyle === 'normal') return unwrap(element);
  if (name === 'a' && !element.hasAttribute('href')) return unwrap(element);
  if (name === 'span' || name === 'font' || name.includes(':') || UNWRAPPED.has(name)) {
    let content: Element | DocumentFragment = wrapChildren(element);
    if (fontStyle === 'italic' || fontStyle === 'oblique') content = wrapIn(content, 'em');
    if (bold && !inHeading) content = wrapIn(content, 'strong');
    return element.replaceWith(content);
  }
  const keep = KEPT[name] ?? [];
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name === 'data-pm-slice') continue;
    if (!keep.includes(attribute.name)) element.removeAttribute(attribute.name);
  }
  if (name === 'figure' || name === 'aside') keepOwnClass(element);
}

/** Our own embed and read-also blocks keep their class when copied. */
function keepOwnClass(element: Element): void {
  const own = element.localName === 'figure' ? 'embed' : 'read-also';
  if (element.classList.contains(own)) element.setAttribute('class', own);
  else element.removeAttribute('class');
}

/** Google Docs nests a sub-list beside, not inside, its parent item. */
function nestStrayLists(root: Element): void {
  for (const list of Array.from(root.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol'))) {
    const item = list.previousElementSibling;
    if (item?.localName === 'li') item.append(list);
    else list.replaceWith(wrapIn(wrapChildren(list), 'li'));
  }
}

/**
 * Drops paragraphs and headings with nothing but white space in them, and
 * line breaks that end a block or stand between blocks (Google Docs'
 * blank lines, Word's doubled `<br>`).
 */
function removeEmptyBlocks(root: Element): void {
  for (const br of Array.from(root.querySelectorAll('br')).reverse()) {
    const parent = br.parentElement;
    if (parent === null) continue;
    const betweenBlocks = parent === root || BLOCKS.has(parent.localName);
    if (betweenBlocks && (isBlockEdge(br, 'previousSibling') || isBlockEdge(br, 'nextSibling'))) {
      br.remove();
    }
  }
  for (const block of Array.from(root.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li'))) {
    const empty =
      (block.textContent ?? '').trim() === '' && block.querySelector('img, ul, ol') === null;
    if (empty) block.remove();
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol')).reverse()) {
    if (list.querySelector('li') === null) list.remove();
  }
}

/** True when only white space lies between `node` and a block or the parent's edge. */
function isBlockEdge(node: Node, direction: 'previousSibling' | 'nextSibling'): boolean {
  let sibling = node[direction];
  while (sibling !== null) {
    if (sibling instanceof Element) return BLOCKS.has(sibling.localName);
    if ((sibling.textContent ?? '').trim() !== '') return false;
    sibling = sibling[direction];
  }
  return true;
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function wrapChildren(element: Element): DocumentFragment {
  const fragment = element.ownerDocument.createDocumentFragment();
  fragment.append(...Array.from(element.childNodes));
  return fragment;
}

function wrapIn(content: Node, name: string): Element {
  const wrapper = (content.ownerDocument ?? document).createElement(name);
  wrapper.append(content);
  return wrapper;
}
