/**
 * The article body as the form submits it: the editor's HTML without the
 * empty paragraphs that writing leaves behind (a blank line, the paragraph
 * kept after a last image) and without empty captions, and with each list
 * item and quotation taking its direction from its first paragraph (see
 * block-direction.ts).
 */
import type { Editor } from '@tiptap/core';
import { DOMSerializer } from '@tiptap/pm/model';

/**
 * @example bodyHtml(editor) // '<p dir="auto">نص</p>'
 */
export function bodyHtml(editor: Editor): string {
  // A document with no browsing context: serialising an <img> there does
  // not fetch it.
  const document = window.document.implementation.createHTMLDocument('');
  const container = document.createElement('div');
  container.append(
    DOMSerializer.fromSchema(editor.schema).serializeFragment(editor.state.doc.content, {
      document,
    }),
  );
  for (const element of Array.from(container.querySelectorAll(':scope > p, figcaption'))) {
    if (!element.hasChildNodes()) element.remove();
  }
  for (const block of Array.from(container.querySelectorAll('li, blockquote'))) {
    const first = block.firstElementChild;
    if (first?.matches('p[dir="auto"], h2[dir="auto"], h3[dir="auto"], h4[dir="auto"]')) {
      first.removeAttribute('dir');
      block.setAttribute('dir', 'auto');
    }
  }
  return container.innerHTML;
}
