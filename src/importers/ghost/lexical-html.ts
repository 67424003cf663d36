/**
 * A Ghost post's Lexical document (the body format of Ghost 5 and later)
 * rendered as body HTML, for posts whose export has no `html`.
 *
 * Format: Meta's Lexical editor state as Ghost serialises it (`{"root":
 * {"children": [...]}}`, nodes `{type, children?, ...}`; Ghost's Koenig
 * adds `extended-text`, `extended-heading`, `extended-quote` and `aside`,
 * and its cards as nodes named after them, payload fields on the node).
 * A text node's `format` is Lexical's bit set: bold 1, italic 2,
 * strikethrough 4, underline 8, code 16, subscript 32, superscript 64
 * (highlight 128 has no body element and is left out); the elements nest
 * in that order, bold outermost.
 *
 * Headings are kept within the body's h2–h4 (h1 → h2, h5 and h6 → h4);
 * `aside` (Ghost's second quote style) becomes a blockquote. Empty
 * paragraphs are left out. Cards go through ghost-cards.ts, which drops
 * and counts the ones an article has no place for.
 */
import { escapeHtml, escapeTextNode } from '../../lib/escape-html.js';
import { renderCard, type CardContext } from './ghost-cards.js';

type LexicalNode = Readonly<Record<string, unknown>>;

/** Format bits and their elements, outermost first. */
const FORMATS: ReadonlyArray<readonly [bit: number, tag: string]> = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
];

const HEADINGS: Readonly<Record<string, string>> = {
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
};

function nodes(value: unknown): LexicalNode[] {
  return Array.isArray(value)
    ? value.filter((n): n is LexicalNode => typeof n === 'object' && n !== null)
    : [];
}

/**
 * The HTML of the Lexical document `doc` (parsed JSON), or null when it
 * is not one (no `root.children` list).
 * @example lexicalToHtml({ root: { children: [{ type: 'paragraph', children: [
 *   { type: 'text', text: 'خبر', format: 3 }] }] } }, context) === '<p><strong><em>خبر</em></strong></p>'
 */
export function lexicalToHtml(doc: unknown, context: CardContext): string | null {
  const root = (doc as { root?: { children?: unknown } } | null)?.root;
  if (typeof root !== 'object' || root === null || !Array.isArray(root.children)) return null;
  return nodes(root.children)
    .map((node) => nodeHtml(node, context))
    .filter((html) => html !== '')
    .join('\n');
}

function childrenHtml(node: LexicalNode, context: CardContext): string {
  return nodes(node['children'])
    .map((child) => nodeHtml(child, context))
    .join('');
}

function wrap(tag: string, inner: string): string {
  return inner === '' ? '' : `<${tag}>${inner}</${tag}>`;
}

function nodeHtml(node: LexicalNode, context: CardContext): string {
  const type = typeof node['type'] === 'string' ? node['type'] : '';
  switch (type) {
    case 'paragraph':
      return wrap('p', childrenHtml(node, context));
    case 'heading':
    case 'extended-heading':
      return wrap(HEADINGS[String(node['tag'])] ?? 'h2', childrenHtml(node, context));
    case 'quote':
    case 'extended-quote':
    case 'aside':
      return wrap('blockquote', childrenHtml(node, context));
    case 'list': {
      const tag = node['tag'] === 'ol' || node['listType'] === 'number' ? 'ol' : 'ul';
      return wrap(tag, childrenHtml(node, context));
    }
    case 'listitem':
      return `<li>${childrenHtml(node, context)}</li>`;
    case 'text':
    case 'extended-text':
    case 'hashtag':
      return textHtml(node);
    case 'link':
    case 'autolink': {
      const url = typeof node['url'] === 'string' ? node['url'] : '';
      return `<a href="${escapeHtml(url)}">${childrenHtml(node, context)}</a>`;
    }
    case 'linebreak':
      return '<br>';
    case 'tab':
      return '\t';
    default:
      if (Array.isArray(node['children'])) return childrenHtml(node, context);
      if (typeof node['text'] === 'string') return textHtml(node);
      return renderCard(type, node, context);
  }
}

function textHtml(node: LexicalNode): string {
  const text = typeof node['text'] === 'string' ? node['text'] : '';
  if (text === '') return '';
  const format = typeof node['format'] === 'number' ? node['format'] : 0;
  const tags = FORMATS.filter(([bit]) => (format & bit) !== 0).map(([, tag]) => tag);
  const open = tags.map((tag) => `<${tag}>`).join('');
  const close = tags
    .reverse()
    .map((tag) => `</${tag}>`)
    .join('');
  return `${open}${escapeTextNode(text)}${close}`;
}
