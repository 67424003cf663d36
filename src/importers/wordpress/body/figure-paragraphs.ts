/**
 * Paragraphs that hold only figures, unwrapped: a shortcode written alone
 * in a paragraph (`<p>[gallery ids="4,5"]</p>` in a paragraph block, or a
 * classic post's hand-written `<p>[caption]…[/caption]</p>`) became a
 * figure inside a `<p>`, which HTML does not allow: a browser would close
 * the paragraph before the figure and leave empty ones around it.
 * WordPress's `shortcode_unautop` takes the same paragraphs off
 * (developer.wordpress.org/reference/functions/shortcode_unautop/).
 *
 * Linear: each token is looked at a bounded number of times.
 */
import { scanHtml, type HtmlToken } from './html-scan.js';

/** `html` with every `<p>` that holds only figures (and spaces) taken off them. */
export function unwrapFigureParagraphs(html: string): string {
  const tokens = scanHtml(html);
  const blank = (index: number): boolean => {
    const token = tokens[index];
    return token?.kind === 'text' && html.slice(token.start, token.end).trim() === '';
  };
  const isTag = (index: number, name: string, closing: boolean): boolean => {
    const token = tokens[index];
    return token?.kind === 'tag' && token.name === name && token.closing === closing;
  };
  const dropped = new Set<number>();
  let index = 0;
  while (index < tokens.length) {
    if (!isTag(index, 'p', false)) {
      index += 1;
      continue;
    }
    const open = index;
    let at = index + 1;
    let figures = 0;
    for (;;) {
      while (blank(at)) at += 1;
      if (!isTag(at, 'figure', false)) break;
      // Walk to the figure's end tag, nested figures (a gallery block's) included.
      let depth = 0;
      do {
        if (isTag(at, 'figure', false)) depth += 1;
        else if (isTag(at, 'figure', true)) depth -= 1;
        at += 1;
      } while (depth > 0 && at < tokens.length);
      if (depth > 0) break;
      figures += 1;
    }
    if (figures > 0 && isTag(at, 'p', true)) {
      dropped.add(open);
      dropped.add(at);
    }
    // Whatever was looked at is not looked at again.
    index = Math.max(at, open + 1);
  }
  return tokens
    .filter((_token, position) => !dropped.has(position))
    .map((token: HtmlToken) => html.slice(token.start, token.end))
    .join('');
}
