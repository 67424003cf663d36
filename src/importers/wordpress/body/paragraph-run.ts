/**
 * A run of inline content (text, links, emphasis, images) between two
 * blocks or empty lines, as the paragraph pass (autop.ts) collects it, and
 * how it is written: a single line break becomes `<br>`, as `wpautop`
 * documents (developer.wordpress.org/reference/functions/wpautop/), except
 * beside a `<br>` already there; spaces at both ends are dropped.
 */
import { CONTENT_ELEMENTS } from './block-elements.js';

/** A piece of a run: text as written, or an inline tag's source with its name. */
export type RunPiece = { text: string } | { tag: string; name: string };

/** The run's HTML with its line breaks as `<br>`, or '' when it shows nothing. */
export function runHtml(run: readonly RunPiece[]): string {
  if (isEmpty(run)) return '';
  const pieces = withoutEdges(run);
  let html = '';
  let afterBreak = true;
  pieces.forEach((piece, index) => {
    if ('tag' in piece) {
      html += piece.tag;
      afterBreak = piece.name === 'br';
      return;
    }
    const next = pieces[index + 1];
    const beforeBreak = next !== undefined && 'name' in next && next.name === 'br';
    const lines = piece.text.split('\n');
    lines.forEach((line, lineIndex) => {
      const first = lineIndex === 0;
      const last = lineIndex === lines.length - 1;
      let part = first ? line : line.trimStart();
      if (!last) part = part.trimEnd();
      // A line break, unless a <br> is already beside it.
      if (!first && !afterBreak && !(last && part === '' && beforeBreak)) html += '<br>';
      html += part;
      if (part !== '') afterBreak = false;
    });
  });
  return html;
}

/** The run without the spaces and `<br>`s at its ends. */
function withoutEdges(run: readonly RunPiece[]): RunPiece[] {
  const blank = (piece: RunPiece | undefined): boolean =>
    piece !== undefined && ('tag' in piece ? piece.name === 'br' : piece.text.trim() === '');
  let start = 0;
  let end = run.length;
  while (start < end && blank(run[start])) start += 1;
  while (end > start && blank(run[end - 1])) end -= 1;
  const pieces = run.slice(start, end);
  const first = pieces[0];
  if (first && 'text' in first) pieces[0] = { text: first.text.trimStart() };
  const last = pieces[pieces.length - 1];
  if (last && 'text' in last) pieces[pieces.length - 1] = { text: last.text.trimEnd() };
  return pieces;
}

/**
 * A run shows nothing when its text is only spaces and `&nbsp;` and its
 * tags are only line breaks and empty formatting (`<p>&nbsp;</p>`, which
 * the classic editor leaves between paragraphs).
 */
function isEmpty(pieces: readonly RunPiece[]): boolean {
  return pieces.every((piece) =>
    'tag' in piece
      ? !CONTENT_ELEMENTS.has(piece.name)
      : piece.text.replace(/&nbsp;|&#0*160;|&#x0*a0;/gi, '').trim() === '',
  );
}
