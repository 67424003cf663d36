/**
 * A forgiving, linear scan of HTML into text, tags and comments, for the
 * body conversion's passes (paragraphs, images, shortcodes), which must
 * read a tag as a tag without building a tree. It never throws and never
 * looks back: each `<` is read once, and the search for the `>` or `-->`
 * that ends it is remembered, so a body full of unclosed `<a` or `<!--`
 * costs one pass, not one pass per `<`.
 *
 * The rules are the HTML Living Standard's tokenizer, simplified: a tag
 * starts at `<` followed by an ASCII letter (`</` and a letter for an end
 * tag) and ends at the next `>`; `<!--` starts a comment that ends at
 * `-->`; `<!` and `<?` start a bogus comment that ends at `>`. A `<` that
 * starts none of them (`أ < ب`), or one whose end never comes, is text.
 */

/** A piece of the HTML, as offsets into it (`start` included, `end` excluded). */
export type HtmlToken =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'comment'; start: number; end: number }
  | {
      kind: 'tag';
      start: number;
      end: number;
      /** Lower-cased: `img`, `h2`, `p`. */
      name: string;
      /** An end tag (`</p>`). */
      closing: boolean;
      /** Written `<br/>` or `<img … />`. */
      selfClosing: boolean;
    };

const NAME = /[A-Za-z][A-Za-z0-9-]*/y;

/** Finds a string's next occurrence at or after an offset, remembering the last answer. */
class NextFinder {
  private found = -2;
  constructor(
    private readonly html: string,
    private readonly needle: string,
  ) {}
  /** The offset of the needle at or after `from`, or -1 when there is none. */
  at(from: number): number {
    if (this.found === -1 || this.found >= from) return this.found;
    this.found = this.html.indexOf(this.needle, from);
    return this.found;
  }
}

/**
 * The tokens of `html` in order; together they cover it whole, so
 * `tokens.map(t => html.slice(t.start, t.end)).join('') === html`.
 * Adjacent text is one token.
 */
export function scanHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const tagEnd = new NextFinder(html, '>');
  const commentEnd = new NextFinder(html, '-->');
  let textStart = 0;
  let at = html.indexOf('<');
  const flushText = (until: number): void => {
    if (until > textStart) tokens.push({ kind: 'text', start: textStart, end: until });
  };
  while (at !== -1) {
    const token = tokenAt(html, at, tagEnd, commentEnd);
    if (token) {
      flushText(at);
      tokens.push(token);
      textStart = token.end;
      at = html.indexOf('<', token.end);
    } else {
      at = html.indexOf('<', at + 1);
    }
  }
  flushText(html.length);
  return tokens;
}

function tokenAt(
  html: string,
  at: number,
  tagEnd: NextFinder,
  commentEnd: NextFinder,
): HtmlToken | null {
  const next = html[at + 1];
  if (html.startsWith('<!--', at)) {
    const end = commentEnd.at(at + 4);
    return end === -1 ? null : { kind: 'comment', start: at, end: end + 3 };
  }
  if (next === '!' || next === '?') {
    const end = tagEnd.at(at + 2);
    return end === -1 ? null : { kind: 'comment', start: at, end: end + 1 };
  }
  const closing = next === '/';
  NAME.lastIndex = at + (closing ? 2 : 1);
  const name = NAME.exec(html)?.[0];
  if (name === undefined) return null;
  const end = tagEnd.at(NAME.lastIndex);
  if (end === -1) return null;
  return {
    kind: 'tag',
    start: at,
    end: end + 1,
    name: name.toLowerCase(),
    closing,
    selfClosing: html[end - 1] === '/',
  };
}
