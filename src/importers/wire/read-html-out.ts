/**
 * Bodies that wire XML carries as elements, written out as HTML for the
 * desk's sanitiser (services/body-html.ts decides what stays): XHTML (Atom
 * `type="xhtml"`, an XHTML body in NewsML-G2 `inlineXML`) element for
 * element, and NITF 3.x `body.content` mapped to the HTML it stands for
 * (NITF 3.6 DTD: `hl2` a heading, `bq` a quotation, `block` a mere group,
 * `media` a picture or clip the desk does not carry, `person`/`org`/… text).
 */
import { type XmlElement, type XmlNode } from './read-xml-tree.js';

const VOID = new Set([
  'br',
  'hr',
  'img',
  'col',
  'wbr',
  'source',
  'track',
  'area',
  'input',
  'meta',
  'link',
]);

/** `text` with `&`, `<` and `>` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

function open(name: string, attributes: Iterable<[string, string]>): string {
  let html = `<${name}`;
  for (const [key, value] of attributes) html += ` ${key}="${escapeAttribute(value)}"`;
  return `${html}>`;
}

/** Text as HTML; white space alone across lines (indentation between blocks) is one line break. */
function textHtml(text: string): string {
  return /^\s*\n\s*$/.test(text) ? '\n' : escapeHtml(text);
}

/** The HTML of XHTML nodes: elements by local name, attributes in no namespace. */
export function xhtmlToHtml(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return textHtml(node);
      const attributes = [...node.attributes].filter(([key]) => !key.startsWith('{'));
      if (VOID.has(node.local)) return open(node.local, attributes);
      return `${open(node.local, attributes)}${xhtmlToHtml(node.children)}</${node.local}>`;
    })
    .join('');
}

/** NITF elements written as an HTML element (name), dropped (null), or unwrapped (absent). */
const NITF_ELEMENTS: Readonly<Record<string, string | null>> = {
  p: 'p',
  hl1: 'h2',
  hl2: 'h2',
  bq: 'blockquote',
  credit: 'cite',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  dl: 'dl',
  dt: 'dt',
  dd: 'dd',
  table: 'table',
  caption: 'caption',
  thead: 'thead',
  tbody: 'tbody',
  tfoot: 'tfoot',
  tr: 'tr',
  th: 'th',
  td: 'td',
  pre: 'pre',
  hr: 'hr',
  br: 'br',
  em: 'em',
  q: 'q',
  a: 'a',
  sub: 'sub',
  sup: 'sup',
  media: null,
  'nitf-table-metadata': null,
  'body.end': null,
};

/** Attributes an NITF element keeps. */
const NITF_ATTRIBUTES = new Set(['href', 'title', 'colspan', 'rowspan']);

/**
 * The HTML of NITF nodes (the children of `body.content`).
 *
 * @example nitfToHtml(<hl2>عنوان</hl2><p>نص <person>فلان</person></p>) === '<h2>عنوان</h2><p>نص فلان</p>'
 */
export function nitfToHtml(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return textHtml(node);
      const name = NITF_ELEMENTS[node.local];
      if (name === null) return '';
      if (name === undefined) return nitfToHtml(node.children);
      const attributes = [...node.attributes].filter(([key]) => NITF_ATTRIBUTES.has(key));
      if (VOID.has(name)) return open(name, attributes);
      return `${open(name, attributes)}${nitfToHtml(node.children)}</${name}>`;
    })
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The HTML of an NITF `body.content` (several may follow each other), or ''. */
export function nitfBodyHtml(contents: readonly XmlElement[]): string {
  return contents
    .map((content) => nitfToHtml(content.children))
    .filter((html) => html !== '')
    .join('\n');
}
