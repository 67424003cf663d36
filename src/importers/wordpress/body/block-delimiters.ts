/**
 * The block editor's delimiters in a post, read as its serialization
 * format documents them (developer.wordpress.org/block-editor/explanations/architecture/data-flow/,
 * "Serialization and Parsing"): a block is wrapped in HTML comments,
 * `<!-- wp:name {"json":"attributes"} -->` … `<!-- /wp:name -->`, or is one
 * comment `<!-- wp:name {…} /-->` when it has no inner HTML. The `core/`
 * namespace is left out of names (`wp:paragraph` is `core/paragraph`);
 * other blocks name theirs (`wp:core-embed/youtube`, `wp:jetpack/slideshow`).
 * The attributes never hold `--`, which the editor escapes, so a
 * delimiter ends at the first `-->`.
 */
import { scanHtml } from './html-scan.js';

/** A block delimiter, as offsets into the post (`start` included, `end` excluded). */
export interface BlockDelimiter {
  start: number;
  end: number;
  kind: 'open' | 'close' | 'void';
  /** As written, without `core/` added (`paragraph`, `core-embed/youtube`). */
  name: string;
  /** The JSON attributes of an opening or void delimiter; {} when absent or unreadable. */
  attributes: Record<string, unknown>;
}

const BLOCK_NAME = /[a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?/y;

/** True when `content` was written with the block editor (it holds a block delimiter). */
export function isBlockContent(content: string): boolean {
  return content.includes('<!-- wp:');
}

/** The block delimiters of `html`, in order. */
export function blockDelimiters(html: string): BlockDelimiter[] {
  const delimiters: BlockDelimiter[] = [];
  for (const token of scanHtml(html)) {
    if (token.kind !== 'comment' || !html.startsWith('<!--', token.start)) continue;
    const delimiter = readDelimiter(html.slice(token.start + 4, token.end - 3));
    if (delimiter) delimiters.push({ start: token.start, end: token.end, ...delimiter });
  }
  return delimiters;
}

/** The delimiter a comment's text (`␠wp:name {…} /␠`) writes, or null for another comment. */
function readDelimiter(text: string): Omit<BlockDelimiter, 'start' | 'end'> | null {
  const body = text.trim();
  const closing = body.startsWith('/wp:');
  if (!closing && !body.startsWith('wp:')) return null;
  BLOCK_NAME.lastIndex = closing ? 4 : 3;
  const name = BLOCK_NAME.exec(body)?.[0];
  if (name === undefined) return null;
  let rest = body.slice(BLOCK_NAME.lastIndex);
  if (rest !== '' && !/^\s/.test(rest)) return null;
  rest = rest.trim();
  if (closing) return rest === '' ? { kind: 'close', name, attributes: {} } : null;
  const isVoid = rest.endsWith('/');
  const json = (isVoid ? rest.slice(0, -1) : rest).trim();
  return { kind: isVoid ? 'void' : 'open', name, attributes: readAttributes(json) };
}

function readAttributes(json: string): Record<string, unknown> {
  if (!json.startsWith('{')) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
