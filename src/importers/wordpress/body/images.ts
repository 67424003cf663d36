/**
 * A post's images written with what the body keeps of them: `src` (the
 * address on the old site, which the import service fetches and
 * rewrites), `alt`, `width` and `height`. WordPress's classes, `srcset`
 * (sizes the old site made), `sizes`, `style` and `loading` are dropped.
 *
 * Two things WordPress knew are used: the classic editor marks an image
 * of the media library with `class="wp-image-<attachment id>"`, so an
 * image without alternative text takes the attachment's (and one without
 * an address takes the attachment's file); a lazy-loading plugin that
 * saved its placeholder in `src` kept the real address in `data-src`,
 * `data-lazy-src` or `data-original`.
 */
import { escapeHtml } from '../../../lib/escape-html.js';
import type { BodyContext } from './body-context.js';
import { readAttributes, type HtmlAttribute } from './html-attributes.js';
import { scanHtml } from './html-scan.js';

const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original'];
const KEPT = ['src', 'alt', 'width', 'height'] as const;

/** `html` with each `<img>` rewritten (see the module's doc); everything else as it was. */
export function tidyImages(html: string, context: BodyContext): string {
  return scanHtml(html)
    .map((token) => {
      const source = html.slice(token.start, token.end);
      return token.kind === 'tag' && token.name === 'img' && !token.closing
        ? imageTag(readAttributes(source), context)
        : source;
    })
    .join('');
}

function imageTag(attributes: HtmlAttribute[], context: BodyContext): string {
  const value = (name: string): string =>
    attributes.find((attribute) => attribute.name === name)?.value.trim() ?? '';
  const id = /(?:^|\s)wp-image-([1-9][0-9]{0,18})(?:\s|$)/.exec(value('class'))?.[1];
  const attachment = id === undefined ? null : context.attachment(id);
  const kept: Record<(typeof KEPT)[number], string> = {
    src: value('src'),
    alt: value('alt'),
    width: value('width'),
    height: value('height'),
  };
  if (kept.src === '' || kept.src.startsWith('data:')) {
    const lazy = LAZY_SOURCES.map(value).find((address) => address !== '');
    kept.src = lazy ?? (attachment ? escapeHtml(attachment.url) : kept.src);
  }
  if (kept.alt === '' && attachment) kept.alt = escapeHtml(attachment.alt);
  return `<img${KEPT.filter((name) => name === 'alt' || kept[name] !== '')
    .map((name) => ` ${name}="${kept[name].replace(/"/g, '&quot;')}"`)
    .join('')}>`;
}
