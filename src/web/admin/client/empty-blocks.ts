/**
 * Marks empty paragraphs, headings and captions for editor.css: every one
 * gets `is-blank` (so it keeps the article's direction until it holds a
 * letter, see editor.css), and the first paragraph of an empty article and
 * each empty caption also get `is-empty` with a `data-placeholder` hint.
 * (TipTap's Placeholder extension does more than this needs.)
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface EmptyBlocksOptions {
  /** The hint in an empty article. */
  body: string;
  /** The hint in an empty caption. */
  caption: string;
}

function decorate(doc: ProseMirrorNode, options: EmptyBlocksOptions): DecorationSet {
  const decorations: Decoration[] = [];
  const emptyArticle = doc.childCount === 1 && doc.firstChild?.content.size === 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (node.content.size > 0) return false;
    const hint =
      node.type.name === 'figcaption'
        ? options.caption
        : emptyArticle && node.type.name === 'paragraph'
          ? options.body
          : null;
    decorations.push(
      Decoration.node(
        pos,
        pos + node.nodeSize,
        hint === null
          ? { class: 'is-blank' }
          : { class: 'is-blank is-empty', 'data-placeholder': hint },
      ),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const EmptyBlocks = Extension.create<EmptyBlocksOptions>({
  name: 'emptyBlocks',
  addOptions: () => ({ body: '', caption: '' }),

  addProseMirrorPlugins() {
    const key = new PluginKey<DecorationSet>('emptyBlocks');
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, { doc }) => decorate(doc, this.options),
          apply: (tr, set) => (tr.docChanged ? decorate(tr.doc, this.options) : set),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
