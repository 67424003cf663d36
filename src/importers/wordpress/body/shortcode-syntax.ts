/**
 * WordPress shortcodes found in a post's text, as tokens: the grammar of
 * the Shortcode API (developer.wordpress.org/apis/shortcode/ and the
 * reference of `get_shortcode_regex`), read by a scanner of our own:
 *
 * - an opening tag is `[`, the name, then the attributes up to the first
 *   `]` (attributes cannot hold a `]`); `[name /]` closes itself;
 * - a closing tag is `[/name]`;
 * - a tag with one more bracket on each side (`[[name]]`,
 *   `[[name]…[/name]]`) is escaped: WordPress prints it without the extra
 *   brackets, as text.
 *
 * WordPress only acts on the names that a plugin registered, and leaves
 * any other bracket as text. An export does not say which plugins the old
 * site ran, so a name is taken for a shortcode by its shape: a lower-case
 * ASCII letter (plugins register lower-case names: `caption`, `vc_row`,
 * `tie_list`, `contact-form-7`), then letters, digits, `_` or `-`,
 * followed by `]`, `/` or a space. `[١]`, `[2]`, `[عاجل]`, `[...]` and
 * agency credits such as `[AFP]` or `[Video]` in prose stay text.
 * Brackets inside an HTML tag or comment (`<img alt="[صورة]">`) are not
 * read.
 *
 * Linear in the text: each `[` is read once and the search for the `]`
 * that ends a tag is remembered.
 */
import { scanHtml } from './html-scan.js';

/** A piece of the text, as offsets (`start` included, `end` excluded). */
export type ShortcodeToken =
  | { kind: 'text'; start: number; end: number }
  | {
      kind: 'open';
      start: number;
      end: number;
      name: string;
      /** The attributes as written, without the closing `/` of `[name /]`. */
      attributes: string;
      /** Written `[name /]`: it has no content and no closing tag. */
      selfClosing: boolean;
      /** Written with one more `[` before it (`start` is that bracket's offset). */
      escaped: boolean;
    }
  | { kind: 'close'; start: number; end: number; name: string };

type TagToken = Exclude<ShortcodeToken, { kind: 'text' }>;

const NAME = /[a-z][A-Za-z0-9_-]*/y;
const AFTER_NAME = /[\]/\s]/;

/** The tokens of `text` in order; together they cover it whole. Adjacent text is one token. */
export function scanShortcodes(text: string): ShortcodeToken[] {
  const tokens: ShortcodeToken[] = [];
  const opaque = scanHtml(text).filter((token) => token.kind !== 'text');
  let nextOpaque = 0;
  let closeBracket = -2;
  const bracketAfter = (from: number): number => {
    if (closeBracket === -1 || closeBracket >= from) return closeBracket;
    closeBracket = text.indexOf(']', from);
    return closeBracket;
  };
  let textStart = 0;
  let at = text.indexOf('[');
  while (at !== -1) {
    // Skip brackets inside an HTML tag or comment.
    while (nextOpaque < opaque.length && (opaque[nextOpaque]?.end ?? 0) <= at) nextOpaque += 1;
    const inside = opaque[nextOpaque];
    if (inside && inside.start < at) {
      at = text.indexOf('[', inside.end);
      continue;
    }
    const token = tagAt(text, at, bracketAfter);
    if (token) {
      if (token.start > textStart)
        tokens.push({ kind: 'text', start: textStart, end: token.start });
      tokens.push(token);
      textStart = token.end;
      at = text.indexOf('[', token.end);
    } else {
      at = text.indexOf('[', at + 1);
    }
  }
  if (text.length > textStart) tokens.push({ kind: 'text', start: textStart, end: text.length });
  return tokens;
}

/** The tag starting at the `[` at `at` (an escaped one when it is `[[`), or null. */
function tagAt(text: string, at: number, bracketAfter: (from: number) => number): TagToken | null {
  if (text[at + 1] === '[') {
    if (text[at + 2] === '[') return null;
    const inner = tagAt(text, at + 1, bracketAfter);
    return inner?.kind === 'open' ? { ...inner, start: at, escaped: true } : null;
  }
  const closing = text[at + 1] === '/';
  NAME.lastIndex = at + (closing ? 2 : 1);
  const name = NAME.exec(text)?.[0];
  if (name === undefined || !AFTER_NAME.test(text[NAME.lastIndex] ?? '')) return null;
  const nameEnd = NAME.lastIndex;
  if (closing) {
    let end = nameEnd;
    while (/\s/.test(text[end] ?? '')) end += 1;
    return text[end] === ']' ? { kind: 'close', start: at, end: end + 1, name } : null;
  }
  const close = bracketAfter(nameEnd);
  if (close === -1) return null;
  const inside = text.slice(nameEnd, close);
  const selfClosing = inside.trimEnd().endsWith('/');
  return {
    kind: 'open',
    start: at,
    end: close + 1,
    name,
    attributes: selfClosing ? inside.trimEnd().slice(0, -1) : inside,
    selfClosing,
    escaped: false,
  };
}
