/**
 * The editor's schema and behaviour: only what an article body may hold
 * (see the element list in editor.ts), each extension imported on its own
 * so the bundle carries nothing else.
 */
import type { AnyExtension } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Bold } from '@tiptap/extension-bold';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { Italic } from '@tiptap/extension-italic';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Text } from '@tiptap/extension-text';
import { Dropcursor, Gapcursor, TrailingNode, UndoRedo } from '@tiptap/extensions';
import { BlockDirection } from './block-direction.js';
import { EmbedNode } from './embed-node.js';
import { EmptyBlocks } from './empty-blocks.js';
import { FigcaptionNode, FigureImageNode, FigureNode } from './figure-node.js';
import type { FigureOptions } from './figure-tools.js';
import type { Labels } from './labels.js';
import { LinkMark } from './link-mark.js';
import { ReadAlsoNode } from './read-also-node.js';

export const HEADING_LEVELS = [2, 3, 4] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/**
 * Headings 2–4 only: the headline is the page's h1. Pasted or imported
 * h1 becomes h2, and h5/h6 become h4, instead of plain paragraphs.
 */
const ArticleHeading = Heading.extend({
  parseHTML() {
    return [1, 2, 3, 4, 5, 6].map((level) => ({
      tag: `h${level}`,
      attrs: { level: Math.min(Math.max(level, 2), 4) },
    }));
  },
}).configure({ levels: [...HEADING_LEVELS] });

/** Plain `<ol>`: no `start` or `type`, which the article markup does not allow. */
const ArticleOrderedList = OrderedList.extend({
  addAttributes: () => ({}),
  renderHTML: () => ['ol', 0],
});

/**
 * The extensions of the article body; `chooseImage` (the image dialog)
 * lets an image in the text be replaced from its tools.
 */
export function articleExtensions(
  labels: Labels,
  chooseImage: FigureOptions['chooseImage'] = null,
): AnyExtension[] {
  return [
    Document,
    Paragraph,
    Text,
    ArticleHeading,
    Blockquote,
    BulletList,
    ArticleOrderedList,
    ListItem,
    ListKeymap,
    HardBreak,
    Bold,
    Italic,
    LinkMark,
    FigureNode.configure({ labels, chooseImage }),
    FigureImageNode,
    FigcaptionNode,
    EmbedNode.configure({ labels }),
    ReadAlsoNode.configure({ labels }),
    BlockDirection,
    UndoRedo,
    Dropcursor,
    Gapcursor,
    TrailingNode,
    EmptyBlocks.configure({ body: labels.bodyPlaceholder, caption: labels.captionPlaceholder }),
  ];
}
