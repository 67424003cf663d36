/**
 * Embedded posts (YouTube, X, Telegram): an atom stored as
 * `<figure class="embed" data-embed="youtube" data-url="https://…">
 * <a href="https://…">https://…</a></figure>`. The server turns it into
 * the provider's player on the reader site; the editor only shows a box
 * with the provider's name and the address, so no third-party script or
 * frame is ever loaded in the newsroom.
 */
import { Node } from '@tiptap/core';
import { parseEmbedUrl, type EmbedProvider, type EmbedTarget } from '../../../domain/embed-url.js';
import type { Labels } from './labels.js';

export interface EmbedOptions {
  labels: Labels | null;
}

export function providerName(labels: Labels, provider: EmbedProvider): string {
  switch (provider) {
    case 'youtube':
      return labels.providerYoutube;
    case 'x':
      return labels.providerX;
    case 'telegram':
      return labels.providerTelegram;
  }
}

export const EmbedNode = Node.create<EmbedOptions>({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,

  addOptions: () => ({ labels: null }),

  addAttributes() {
    return {
      provider: { default: null, rendered: false },
      url: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-embed]',
        priority: 60,
        getAttrs: (element: HTMLElement) => {
          const target = parseEmbedUrl(element.getAttribute('data-url') ?? '');
          return target ? { provider: target.provider, url: target.url } : false;
        },
      },
    ];
  },

  renderHTML({ node }) {
    const { provider, url } = node.attrs as EmbedTarget;
    return [
      'figure',
      { class: 'embed', 'data-embed': provider, 'data-url': url },
      ['a', { href: url }, url],
    ];
  },

  addNodeView() {
    return ({ node }) => {
      const { provider, url } = node.attrs as EmbedTarget;
      const dom = document.createElement('div');
      dom.className = 'midad-box midad-box--embed';
      dom.dataset.embed = provider;
      const name = document.createElement('strong');
      name.className = 'midad-box__kind';
      name.textContent = this.options.labels
        ? providerName(this.options.labels, provider)
        : provider;
      const address = document.createElement('span');
      address.className = 'midad-box__url';
      address.dir = 'ltr';
      address.textContent = url;
      dom.append(name, address);
      return { dom };
    };
  },
});
