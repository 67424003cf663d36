/**
 * Ghost's cards (the editor's blocks: image, gallery, HTML, Markdown,
 * embed…) as body HTML. Mobiledoc (Ghost 1–4) and Lexical (Ghost 5+)
 * carry the same cards with the same payload fields (Ghost's
 * `@tryghost/kg-default-cards` and `kg-default-nodes`), so both renderers
 * call this one.
 *
 * The HTML is not yet sanitised: captions, callout texts and HTML cards
 * are passed on as written, and the import service cleans the body with
 * the editor's allowlist (services/body-html.ts). Headings stay within
 * that allowlist's h2–h4.
 *
 * Cards with no place in an article are dropped and counted by the caller
 * (`dropCard`): members' signup and product boxes, the paywall marker,
 * e-mail-only content and call-to-action, and any card this code does not
 * know (`nft`, `before-after`, …).
 */
import MarkdownIt from 'markdown-it';
import { escapeHtml, escapeTextNode } from '../../lib/escape-html.js';
import { embedFigure } from '../embed-figure.js';

/** What a card's rendering tells its caller. */
export interface CardContext {
  /** A card dropped from the body, by its Ghost name (`product`, `signup`, `nft`…). */
  dropCard(name: string): void;
}

/** A card's payload as the export holds it. */
export type CardPayload = Readonly<Record<string, unknown>>;

const markdown = new MarkdownIt({ html: true });

/** The payload's string field, or '' when absent or of another type. */
function text(payload: CardPayload, key: string): string {
  const value = payload[key];
  return typeof value === 'string' ? value : '';
}

/** The payload's positive integer field (a pixel size), or null. */
function size(payload: CardPayload, key: string): number | null {
  const value = payload[key];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function record(value: unknown): CardPayload {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as CardPayload)
    : {};
}

/** `<img>` with the payload's src, alt and pixel size; '' without src. */
function image(payload: CardPayload): string {
  const src = text(payload, 'src');
  if (src === '') return '';
  const width = size(payload, 'width');
  const height = size(payload, 'height');
  const dimensions =
    width !== null && height !== null ? ` width="${width}" height="${height}"` : '';
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(text(payload, 'alt'))}"${dimensions}>`;
}

/** The caption (HTML as Ghost stores it) as a figcaption, or ''. */
function figcaption(caption: string): string {
  return caption.trim() === '' ? '' : `<figcaption>${caption}</figcaption>`;
}

/** A paragraph holding one link; the text is escaped, falling back to the address. */
function linkParagraph(href: string, label: string): string {
  const shown = label.trim() === '' ? href : label;
  return `<p><a href="${escapeHtml(href)}">${escapeTextNode(shown)}</a></p>`;
}

function paragraphOf(html: string): string {
  return html.trim() === '' ? '' : `<p>${html}</p>`;
}

/**
 * The body HTML of the card `name` with `payload`; '' for a card that is
 * dropped (counted through `context`) or empty.
 * @example renderCard('hr', {}, context) === '<hr>'
 * @example renderCard('button', { buttonText: 'اشترك', buttonUrl: 'https://example.com/s' }, context)
 *   === '<p><a href="https://example.com/s">اشترك</a></p>'
 */
export function renderCard(name: string, payload: CardPayload, context: CardContext): string {
  switch (name) {
    case 'image': {
      const img = image(payload);
      if (img === '') return '';
      const href = text(payload, 'href');
      const linked = href === '' ? img : `<a href="${escapeHtml(href)}">${img}</a>`;
      return `<figure>${linked}${figcaption(text(payload, 'caption'))}</figure>`;
    }
    case 'gallery': {
      const images = Array.isArray(payload['images']) ? payload['images'] : [];
      const imgs = images.map((item) => image(record(item))).join('');
      return imgs === '' ? '' : `<figure>${imgs}${figcaption(text(payload, 'caption'))}</figure>`;
    }
    case 'html':
      return text(payload, 'html');
    case 'markdown':
    case 'card-markdown':
      return markdown.render(text(payload, 'markdown')).trim();
    case 'embed':
      return embed(payload, context);
    case 'bookmark': {
      const url = text(payload, 'url');
      if (url === '') return '';
      return linkParagraph(url, text(record(payload['metadata']), 'title'));
    }
    case 'callout': {
      const emoji = text(payload, 'calloutEmoji').trim();
      const body = text(payload, 'calloutText').trim();
      if (body === '') return emoji === '' ? '' : `<blockquote><p>${emoji}</p></blockquote>`;
      const lead = emoji === '' ? '' : `${emoji} `;
      // Lexical's callout text is paragraphs already; mobiledoc's is inline HTML.
      const inner = /^<p[\s>]/i.test(body)
        ? body.replace(/^<p([^>]*)>/i, `<p$1>${lead}`)
        : `<p>${lead}${body}</p>`;
      return `<blockquote>${inner}</blockquote>`;
    }
    case 'toggle': {
      const heading = text(payload, 'heading');
      const content = text(payload, 'content').trim();
      const head = heading.trim() === '' ? '' : `<h4>${heading}</h4>`;
      return head + (content.startsWith('<') ? content : paragraphOf(content));
    }
    case 'button': {
      const url = text(payload, 'buttonUrl');
      return url === '' ? '' : linkParagraph(url, text(payload, 'buttonText'));
    }
    case 'hr':
    case 'horizontalrule':
      return '<hr>';
    case 'code':
    case 'codeblock': {
      const language = text(payload, 'language').trim();
      const attribute = /^[\w+#.-]{1,40}$/.test(language) ? ` class="language-${language}"` : '';
      const code = `<pre><code${attribute}>${escapeTextNode(text(payload, 'code'))}</code></pre>`;
      return code + paragraphOf(text(payload, 'caption'));
    }
    case 'video':
    case 'audio':
    case 'file': {
      const src = text(payload, 'src');
      if (src === '') return '';
      const label =
        text(payload, 'fileTitle') || text(payload, 'title') || text(payload, 'fileName');
      return linkParagraph(src, label);
    }
    case 'header': {
      const header = text(payload, 'header');
      const url = text(payload, 'buttonUrl');
      return (
        (header.trim() === '' ? '' : `<h2>${header}</h2>`) +
        paragraphOf(text(payload, 'subheader')) +
        (url === '' ? '' : linkParagraph(url, text(payload, 'buttonText')))
      );
    }
    default:
      context.dropCard(name);
      return '';
  }
}

/** YouTube, X and Telegram posts as the body's embed figure; any other address as a link. */
function embed(payload: CardPayload, context: CardContext): string {
  const url = text(payload, 'url');
  if (url === '') {
    context.dropCard('embed');
    return '';
  }
  const caption = paragraphOf(text(payload, 'caption'));
  const figure = embedFigure(url);
  if (figure !== null) return figure + caption;
  return linkParagraph(url, text(record(payload['metadata']), 'title')) + caption;
}
