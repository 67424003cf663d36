/**
 * Links: `<a href>` and nothing else (no target, rel or class), with the
 * href checked on the way in. A small mark of our own rather than
 * @tiptap/extension-link, which brings an autolinker the newsroom does
 * not need and accepts schemes we refuse.
 */
import { Mark } from '@tiptap/core';
import { storedHref } from './safe-url.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    link: {
      /** Links the selection, or the whole link around the cursor, to `href`. */
      setLink: (href: string) => ReturnType;
      /** Removes the link around the cursor or in the selection. */
      unsetLink: () => ReturnType;
    };
  }
}

export const LinkMark = Mark.create({
  name: 'link',
  priority: 1000,
  inclusive: false,

  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => storedHref(element.getAttribute('href')),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'a[href]',
        getAttrs: (element: HTMLElement) =>
          storedHref(element.getAttribute('href')) === null ? false : null,
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['a', { href: HTMLAttributes.href as string }, 0];
  },

  addCommands() {
    return {
      setLink:
        (href) =>
        ({ chain }) =>
          chain().extendMarkRange(this.name).setMark(this.name, { href }).run(),
      unsetLink:
        () =>
        ({ chain }) =>
          chain().extendMarkRange(this.name).unsetMark(this.name).run(),
    };
  },
});
