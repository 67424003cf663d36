/**
 * Places "read also" boxes in an article body: each box goes after the
 * number of paragraphs it names. The body is sanitised HTML whose
 * paragraphs are top-level `<p>` elements (paragraphs never nest), so the
 * n-th `</p>` ends the n-th paragraph.
 */
import type { RelatedLink } from '../../domain/article.js';

export type BodyPart = { kind: 'html'; html: string } | { kind: 'read_also'; link: RelatedLink };

/**
 * The body cut into HTML runs with the read-also links between them, in
 * order. A link whose place is past the last paragraph goes at the end.
 *
 * @example splitBody('<p>1</p><p>2</p>', [link after 1]) // html '<p>1</p>', link, html '<p>2</p>'
 */
export function splitBody(bodyHtml: string, links: readonly RelatedLink[]): BodyPart[] {
  const readAlso = links
    .filter((l) => l.kind === 'read_also')
    .map((link, order) => ({ link, at: link.afterParagraph ?? Number.MAX_SAFE_INTEGER, order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const parts: BodyPart[] = [];
  let offset = 0;
  let paragraphs = 0;
  const closing = /<\/p>/gi;
  for (const { link, at } of readAlso) {
    while (paragraphs < at) {
      const match = closing.exec(bodyHtml);
      if (!match) break;
      paragraphs++;
      if (paragraphs === at) {
        const end = match.index + match[0].length;
        pushHtml(parts, bodyHtml.slice(offset, end));
        offset = end;
      }
    }
    if (paragraphs < at && offset < bodyHtml.length) {
      pushHtml(parts, bodyHtml.slice(offset));
      offset = bodyHtml.length;
    }
    parts.push({ kind: 'read_also', link });
  }
  pushHtml(parts, bodyHtml.slice(offset));
  return parts;
}

function pushHtml(parts: BodyPart[], html: string): void {
  if (html.trim() !== '') parts.push({ kind: 'html', html });
}
