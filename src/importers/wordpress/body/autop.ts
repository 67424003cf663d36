/**
 * Paragraphs for a classic-editor post, whose text WordPress stored with
 * plain line breaks and paragraphed only when showing it. The rules are
 * the ones `wpautop` documents
 * (developer.wordpress.org/reference/functions/wpautop/), written here
 * over a tree of blocks rather than as WordPress's chain of replacements:
 *
 * - an empty line (two line breaks, or two `<br>` in a row) ends a
 *   paragraph; a single line break becomes `<br>`;
 * - text is never wrapped around a block element (`div`, `figure`,
 *   `table`, lists, `blockquote`, headings, `pre`, `hr`…: block-elements.ts),
 *   and text beside one is a paragraph of its own;
 * - `<pre>` (and `script`, `style`, `svg`, `math`, `textarea`) is copied
 *   untouched;
 * - a paragraph that would show nothing (spaces, `&nbsp;`, `<br>`) is left
 *   out, and so is a `<p>` or heading written in the post that shows nothing.
 *
 * Inside a block, text becomes paragraphs where a reader of the body
 * needs them: always in a `blockquote` (as WordPress does) and in the
 * containers the body's sanitiser drops (`div`, `section`…), so their
 * paragraphs stay apart; in a list item or table cell only when it also
 * holds blocks or an empty line; never in a heading, paragraph, figure or
 * caption. Top-level blocks are written one a line.
 *
 * Linear: one scan of the tags, a stack of open blocks, no recursion.
 * Broken markup is kept as written: an end tag that closes nothing stays
 * where it is, and blocks left open are closed by the browser's parser.
 */
import {
  BLOCK_ELEMENTS,
  MIXED_CONTAINERS,
  PARAGRAPH_CONTAINERS,
  VERBATIM_ELEMENTS,
  VOID_BLOCKS,
} from './block-elements.js';
import { forwardLookup } from './forward-lookup.js';
import { scanHtml, type HtmlToken } from './html-scan.js';
import { runHtml, type RunPiece } from './paragraph-run.js';

const EMPTY_LINE = /\n(?:[ \t\f\v]*\n)+/;

/** Blocks left out when they show nothing. */
const EMPTY_DROPPED: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

type Item = { run: RunPiece[] } | { block: string } | 'break';

/** A block being read: the top level (`name` null) or an open element. */
class Block {
  readonly items: Item[] = [];
  private run: RunPiece[] = [];
  private hasBreak = false;
  private hasBlock = false;

  constructor(
    readonly name: string | null,
    private readonly startTag: string,
  ) {}

  addInline(piece: RunPiece): void {
    if ('name' in piece && piece.name === 'br') {
      // Two <br> in a row, spaces between, end a paragraph.
      let at = this.run.length - 1;
      while (at >= 0 && isBlankText(this.run[at])) at -= 1;
      const before = this.run[at];
      if (before && 'name' in before && before.name === 'br') {
        this.run.length = at;
        this.addBreak();
        return;
      }
    }
    this.run.push(piece);
  }

  addBlock(html: string): void {
    this.endRun();
    this.items.push({ block: html });
    this.hasBlock = true;
  }

  addBreak(): void {
    this.endRun();
    this.items.push('break');
    this.hasBreak = true;
  }

  /** True for a paragraph or heading with nothing to show (`<p>&nbsp;</p>`): it is left out. */
  showsNothing(): boolean {
    this.endRun();
    return (
      this.name !== null &&
      EMPTY_DROPPED.has(this.name) &&
      this.items.every((item) => item === 'break' || ('run' in item && runHtml(item.run) === ''))
    );
  }

  /** The block's HTML: its start tag, its content, and `endTag` ('' when it was left open). */
  html(endTag: string): string {
    this.endRun();
    const name = this.name;
    const paragraphs =
      name === null ||
      PARAGRAPH_CONTAINERS.has(name) ||
      (MIXED_CONTAINERS.has(name) && (this.hasBreak || this.hasBlock));
    const parts = paragraphs ? this.paragraphs() : this.inline();
    // Concatenated, not joined: V8 then links the strings of nested blocks
    // instead of copying them at every level of a deeply nested body.
    let html = this.startTag;
    parts.forEach((part, index) => {
      if (index > 0 && name === null) html += '\n';
      html += part;
    });
    return html + endTag;
  }

  private paragraphs(): string[] {
    const parts: string[] = [];
    for (const item of this.items) {
      if (item === 'break') continue;
      if ('block' in item) parts.push(item.block);
      else {
        const html = runHtml(item.run);
        if (html !== '') parts.push(`<p>${html}</p>`);
      }
    }
    return parts;
  }

  /** The content of a block whose text stays bare: an empty line is a new paragraph in a `<p>`, else a `<br>`. */
  private inline(): string[] {
    const parts: string[] = [];
    let broken = false;
    for (const item of this.items) {
      if (item === 'break') {
        broken = parts.length > 0;
        continue;
      }
      const html = 'block' in item ? item.block : runHtml(item.run);
      if (html === '') continue;
      if (broken && 'run' in item) parts.push(this.name === 'p' ? `</p>${this.startTag}` : '<br>');
      parts.push(html);
      broken = false;
    }
    return parts;
  }

  private endRun(): void {
    if (this.run.length > 0) this.items.push({ run: this.run });
    this.run = [];
  }
}

function isBlankText(piece: RunPiece | undefined): boolean {
  return piece !== undefined && 'text' in piece && piece.text.trim() === '';
}

/**
 * `html` with its text in paragraphs (see the module's doc); '' for blank input.
 * @example autop('سطر\nوسطر\n\nفقرة') === '<p>سطر<br>وسطر</p>\n<p>فقرة</p>'
 */
export function autop(html: string): string {
  if (html.trim() === '') return '';
  const tokens = scanHtml(html);
  const verbatimEnds = forwardLookup(
    tokens.map((t) =>
      t.kind === 'tag' && t.closing && VERBATIM_ELEMENTS.has(t.name) ? t.name : null,
    ),
  );
  const stack: Block[] = [new Block(null, '')];
  const open = new Map<string, number>();
  const source = (token: HtmlToken): string => html.slice(token.start, token.end);
  const close = (endTag: string): void => {
    const block = stack.pop() as Block;
    if (block.name !== null) open.set(block.name, (open.get(block.name) ?? 1) - 1);
    if (!block.showsNothing()) (stack[stack.length - 1] as Block).addBlock(block.html(endTag));
  };

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as HtmlToken;
    const block = stack[stack.length - 1] as Block;
    if (token.kind === 'text') {
      source(token)
        .split(EMPTY_LINE)
        .forEach((text, at) => {
          if (at > 0) block.addBreak();
          if (text !== '') block.addInline({ text });
        });
      continue;
    }
    if (token.kind === 'comment') {
      block.addInline({ tag: source(token), name: '!--' });
      continue;
    }
    const { name } = token;
    if (!token.closing && !token.selfClosing && VERBATIM_ELEMENTS.has(name)) {
      const end = verbatimEnds.next(name, index);
      if (end !== -1) {
        block.addBlock(html.slice(token.start, (tokens[end] as HtmlToken).end));
        index = end;
        continue;
      }
    }
    if (!BLOCK_ELEMENTS.has(name)) {
      block.addInline({ tag: source(token), name });
    } else if (!token.closing) {
      if (VOID_BLOCKS.has(name) || token.selfClosing) block.addBlock(source(token));
      else {
        stack.push(new Block(name, source(token)));
        open.set(name, (open.get(name) ?? 0) + 1);
      }
    } else if ((open.get(name) ?? 0) > 0) {
      while ((stack[stack.length - 1] as Block).name !== name) close('');
      close(source(token));
    } else {
      block.addBlock(source(token));
    }
  }
  while (stack.length > 1) close('');
  return (stack[0] as Block).html('');
}
