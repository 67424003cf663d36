/**
 * Images with captions: `<figure><img src alt width height>
 * <figcaption>…</figcaption></figure>`. The figure holds exactly one image
 * and one caption, so the caption can never be turned into a heading, split
 * in two or wrapped in a list; an empty caption is left out of the output
 * (see output.ts). A bare `<img>` in stored or pasted HTML becomes a figure.
 */
import { Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
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

export const FigureNode = Node.create({
  name: 'figure',
  group: 'block',
  content: 'figureImage figcaption',
  isolating: true,
  draggable: true,

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
