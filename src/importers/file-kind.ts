/**
 * What an import file is, told from its first bytes, never from its name: a
 * page capture (plain text), a saved article page (HTML: a doctype or an
 * `<html>` element, or a page saved without them that starts with `<body>`,
 * a head element or a block element such as `<div>`, `<article>`, `<p>`, in
 * any ASCII-compatible encoding), JSON Lines, a
 * WordPress export (WXR), a Ghost export, or something else that must be
 * refused, named by what it seems to be. The name counts only to keep a `.jsonl` file that does not look
 * like anything else as JSON Lines (its bad lines are then reported one by
 * one).
 *
 * Signatures: WXR is RSS 2.0 with the `http://wordpress.org/export/1.x/`
 * namespace and a `<wp:wxr_version>` (WordPress's wp-admin/includes/export.php);
 * a Ghost export is one JSON document, `{"db":[{"meta","data"}]}` or bare
 * `{"meta","data"}` (Ghost's core/server/data/exporter); file magic numbers
 * are those of the formats' own specifications (PDF `%PDF-`, ZIP `PK\3\4`,
 * gzip `1f 8b`, PNG, JPEG, GIF).
 */

/** How many bytes from the start of a file are enough to tell its kind. */
export const SNIFF_BYTES = 64 * 1024;

/** The kind of an import file. */
export type FileKind =
  | { readonly kind: 'capture' }
  | { readonly kind: 'jsonl' }
  | { readonly kind: 'wxr'; readonly version: string | null }
  | { readonly kind: 'ghost' }
  | { readonly kind: 'html' }
  | { readonly kind: 'other'; readonly what: string };

const MAGIC: ReadonlyArray<readonly [bytes: readonly number[], what: string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a Word document or a zipped export?)'],
  [[0x1f, 0x8b], 'a gzip-compressed file (unpack it first)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
];

/**
 * The kind of the file that starts with `head` (its first SNIFF_BYTES or
 * fewer) and is named `name`.
 */
export function fileKind(head: Uint8Array, name: string): FileKind {
  for (const [bytes, what] of MAGIC) {
    if (bytes.every((byte, i) => head[i] === byte)) return { kind: 'other', what };
  }
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return markupKind(text);
  if (text.startsWith('{') || text.startsWith('[')) return jsonKind(text, name);
  return /\.jsonl$/i.test(name) ? { kind: 'jsonl' } : { kind: 'capture' };
}

function markupKind(text: string): FileKind {
  const isWxr =
    /<rss[\s>]/.test(text) &&
    (/xmlns:wp\s*=\s*["']http:\/\/wordpress\.org\/export\//.test(text) ||
      text.includes('<wp:wxr_version>'));
  if (isWxr) {
    const version = /<wp:wxr_version>\s*([0-9.]+)\s*</.exec(text)?.[1] ?? null;
    return { kind: 'wxr', version };
  }
  if (/^<!doctype\s+html|<html[\s>]/i.test(text)) return { kind: 'html' };
  if (/^<\?xml|^<rss[\s>]|^<feed[\s>]/i.test(text)) {
    return { kind: 'other', what: 'an XML file that is not a WordPress export (WXR)' };
  }
  const first = /^<([a-z][a-z0-9]*)[\s/>]/i.exec(text.replace(LEADING_COMMENTS, ''))?.[1];
  if (first !== undefined && HTML_FRAGMENT_START.has(first.toLowerCase())) return { kind: 'html' };
  return {
    kind: 'other',
    what: first === undefined ? 'markup' : `markup that starts with <${first}>`,
  };
}

/** Comments (and the spaces after them) before a file's first element. */
const LEADING_COMMENTS = /^(?:<!--[\s\S]*?-->\s*)+/u;

/**
 * First elements of an HTML page saved without its `<html>` (a fragment, or
 * a page an editor cut from `<body>` on): the elements of a document's head
 * and body, and the block elements an article starts with (HTML Living
 * Standard, "flow content" that makes a block). A parser reads such a file
 * as a whole page (the head and html elements are implied).
 */
const HTML_FRAGMENT_START = new Set([
  'head',
  'title',
  'meta',
  'link',
  'base',
  'body',
  'main',
  'article',
  'section',
  'header',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'ul',
  'ol',
  'blockquote',
  'center',
  'font',
]);

function jsonKind(text: string, name: string): FileKind {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const first = parseObject(firstLine);
  if (first !== null) {
    return isGhostExport(first) ? { kind: 'ghost' } : { kind: 'jsonl' };
  }
  // A document over several lines: only a Ghost export is expected.
  const opening = text.slice(0, 4096);
  if (
    /^\{\s*"db"\s*:\s*\[/.test(opening) ||
    // Ghost's own export: `{"meta":{"exported_on":…,"version":"5.75.0"},"data":{…}}`, either order.
    /^\{\s*"meta"\s*:\s*\{[^{}]*"(exported_on|version)"\s*:/.test(opening) ||
    /^\{\s*"data"\s*:\s*\{\s*"(posts|users|tags|posts_meta)"\s*:/.test(opening)
  ) {
    return { kind: 'ghost' };
  }
  if (/\.jsonl$/i.test(name)) return { kind: 'jsonl' };
  return text.startsWith('[')
    ? { kind: 'other', what: 'a JSON array, neither JSON Lines nor a Ghost export' }
    : { kind: 'other', what: 'a JSON document that is not a Ghost export' };
}

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function isGhostExport(json: Record<string, unknown>): boolean {
  if (Array.isArray(json['db'])) return true;
  const meta = json['meta'];
  return (
    typeof meta === 'object' &&
    meta !== null &&
    typeof json['data'] === 'object' &&
    json['data'] !== null
  );
}
