/**
 * Images with captions: `<figure><img src alt width height>
 * <figcaption>…</figcaption></figure>`. The figure holds exactly one image
 * and one caption, so the caption can never be turned into a heading, split
 * in two or wrapped in a list; an empty caption is left out of the output
 * (see output.ts). A bare `<img>` in stored or pasted HTML becomes a figure.
 *
 * Clicking the image selects its figure, and the figure shows its tools
 * (figure-tools.ts): alt text, caption, replace, remove; they show too
 * while the cursor is in its caption. An image without alt text says so.
 */
import { Node } from '@tiptap/core';
import { NodeSelection, Plugin, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { figureView, type FigureOptions } from './figure-tools.js';
import { imageSrc } from './safe-url.js';

export interface FigureImage {
  readonly src: string;
  readonly alt: string;
  readonly width: number | null;
  readonly height: number | null;
}

function dimension(value: string | null): number | null {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number > 0 && number < 100_000
    ? number
    : null;
}

export const FigureImageNode = Node.create({
  name: 'figureImage',
  atom: true,
  selectable: false,
  draggable: false,

  addAttributes() {
    return {
      src: { default: '', rendered: false },
      alt: { default: '', rendered: false },
      width: { default: null, rendered: false },
      height: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (element: HTMLElement) => {
          const src = imageSrc(element.getAttribute('src'));
          if (src === null) return false;
          return {
            src,
            alt: element.getAttribute('alt') ?? '',
            width: dimension(element.getAttribute('width')),
            height: dimension(element.getAttribute('height')),
          };
        },
      },
    ];
  },

  renderHTML({ node }) {
    const { src, alt, width, height } = node.attrs as FigureImage;
    return ['img', { src, alt, width, height }];
  },
});

export const FigcaptionNode = Node.create({
  name: 'figcaption',
  content: 'inline*',
  isolating: true,
  parseHTML: () => [{ tag: 'figcaption' }],
  renderHTML: () => ['figcaption', 0],
});

export const FigureNode = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  content: 'figureImage figcaption',
  isolating: true,
  draggable: true,

  addOptions: () => ({ labels: null, chooseImage: null }),

  addNodeView() {
    return (props) => figureView(props, this.options);
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          // A click on the image (an atom that cannot be selected alone) selects its figure.
          handleClickOn(view, _pos, node, nodePos) {
            if (node.type.name !== 'figureImage') return false;
            const figureAt = view.state.doc.resolve(nodePos).before();
            view.dispatch(
              view.state.tr.setSelection(NodeSelection.create(view.state.doc, figureAt)),
            );
            return true;
          },
          // The figure whose caption holds the cursor shows its tools too.
          decorations(state) {
            const { $from } = state.selection;
            for (let depth = $from.depth; depth > 0; depth--) {
              if ($from.node(depth).type.name === 'figure') {
                const from = $from.before(depth);
                return DecorationSet.create(state.doc, [
                  Decoration.node(from, from + $from.node(depth).nodeSize, {
                    class: 'midad-figure--active',
                  }),
                ]);
              }
            }
            return null;
          },
        },
      }),
    ];
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element: HTMLElement) =>
          element.hasAttribute('data-embed') || element.querySelector('img') === null
            ? false
            : null,
      },
    ];
  },

  renderHTML: () => ['figure', 0],

  addKeyboardShortcuts() {
    return {
      // Enter in a caption goes on to a new paragraph after the figure.
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== 'figcaption') return false;
        const after = $from.after($from.depth - 1);
        return editor
          .chain()
          .insertContentAt(after, { type: 'paragraph' })
          .command(({ tr }) => {
            tr.setSelection(TextSelection.create(tr.doc, after + 1));
            return true;
          })
          .scrollIntoView()
          .run();
      },
    };
  },
});
