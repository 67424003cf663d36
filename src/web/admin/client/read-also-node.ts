/**
 * "Read also" links to a related article, placed between paragraphs: an
 * atom stored as `<aside class="read-also" data-article-id="258871304963183">
 * <a href="/a/258871304963183">headline</a></aside>` and shown in the
 * editor as a box with the headline.
 */
import { Node } from '@tiptap/core';
import type { Labels } from './labels.js';
import { textDirection } from './text-direction.js';

export interface ReadAlsoTarget {
  readonly articleId: string;
  readonly headline: string;
}

export interface ReadAlsoOptions {
  labels: Labels | null;
}

/** Article ids are decimal strings (the `/a/<id>` short links), as the server's sanitiser allows. */
export const ARTICLE_ID = /^[1-9]\d{0,18}$/;

export const ReadAlsoNode = Node.create<ReadAlsoOptions>({
  name: 'readAlso',
  group: 'block',
  atom: true,
  draggable: true,

  addOptions: () => ({ labels: null }),

  addAttributes() {
    return {
      articleId: { default: null, rendered: false },
      headline: { default: '', rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'aside.read-also[data-article-id]',
        getAttrs: (element: HTMLElement) => {
          const articleId = element.getAttribute('data-article-id') ?? '';
          if (!ARTICLE_ID.test(articleId)) return false;
          const headline = (element.querySelector('a') ?? element).textContent ?? '';
          return { articleId, headline: headline.replace(/\s+/g, ' ').trim() };
        },
      },
    ];
  },

  renderHTML({ node }) {
    const { articleId, headline } = node.attrs as ReadAlsoTarget;
    return [
      'aside',
      { class: 'read-also', 'data-article-id': articleId },
      ['a', { href: `/a/${articleId}` }, headline],
    ];
  },

  addNodeView() {
    return ({ node }) => {
      const { headline } = node.attrs as ReadAlsoTarget;
      const dom = document.createElement('div');
      dom.className = 'midad-box midad-box--read-also';
      const kind = document.createElement('strong');
      kind.className = 'midad-box__kind';
      kind.textContent = this.options.labels?.readAlso ?? '';
      const title = document.createElement('span');
      title.className = 'midad-box__title';
      title.dir = textDirection(headline);
      title.textContent = headline;
      dom.append(kind, title);
      return { dom };
    };
  },
});
