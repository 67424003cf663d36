/**
 * Every paragraph and heading carries `dir="auto"`: the browser then sets
 * each block's direction from its first strong letter, so an English
 * paragraph reads left to right inside an Arabic article, while Latin
 * names and numbers inside an Arabic line stay in place. A `dir` in pasted
 * or stored HTML is replaced, never kept.
 *
 * List items and quotations get theirs in the output (output.ts): there
 * the first paragraph's `dir="auto"` moves up to the `<li>` or
 * `<blockquote>`. Left on both, the container would find no letter of its
 * own (dir="auto" skips descendants with a `dir`) and turn left to right,
 * putting Arabic bullets and quotation bars on the wrong side.
 */
import { Extension } from '@tiptap/core';

export const BLOCKS_WITH_DIRECTION = ['paragraph', 'heading'];

export const BlockDirection = Extension.create({
  name: 'blockDirection',
  addGlobalAttributes() {
    return [
      {
        types: BLOCKS_WITH_DIRECTION,
        attributes: {
          dir: {
            default: 'auto',
            keepOnSplit: true,
            parseHTML: () => 'auto',
            renderHTML: () => ({ dir: 'auto' }),
          },
        },
      },
    ];
  },
});
