/**
 * Ghost's own rendering of a post (`posts.html`) made to fit the body the
 * editor writes, where the sanitiser would otherwise lose it:
 * - headings kept within h2–h4 (`h1` → `h2`, `h5`/`h6` → `h4`), as the
 *   allowlist has no h1, h5 or h6 (services/body-html.ts);
 * - an embed card (`<figure class="kg-card kg-embed-card">`, Ghost's
 *   kg-default-cards) of a YouTube video (its iframe's `src`), a post on X
 *   (the tweet's status link) or a Telegram post (the widget's
 *   `data-telegram-post`) becomes the body's embed figure
 *   (embed-figure.ts), its caption a paragraph after it: the sanitiser
 *   would remove the card's iframe or script and leave nothing to see;
 * - a bookmark card (`kg-bookmark-card`: title, description, publisher
 *   and thumbnail in nested divs) becomes a paragraph with one link, its
 *   title, as the bookmark cards of mobiledoc and Lexical do
 *   (ghost-cards.ts); the sanitiser would leave its texts run together.
 *
 * Everything else is left byte for byte as Ghost wrote it: the elements
 * are found with htmlparser2 and only their own ranges are replaced.
 * Not sanitised (the service does it).
 */
import { Parser } from 'htmlparser2';
import { escapeHtml, escapeTextNode } from '../../lib/escape-html.js';
import { embedFigure } from '../embed-figure.js';

const HEADINGS: Readonly<Record<string, string>> = { h1: 'h2', h5: 'h4', h6: 'h4' };

interface Replacement {
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
}

/** A Ghost card being read: where it starts and what its replacement needs. */
interface OpenCard {
  kind: 'embed' | 'bookmark';
  start: number;
  depth: number;
  /** iframe `src`, link `href` and Telegram post addresses inside, in order. */
  addresses: string[];
  captionStart: number | null;
  caption: string;
  /** The depth of the bookmark's title element while inside it, else null. */
  titleDepth: number | null;
  title: string;
}

function hasClass(attributes: Record<string, string>, name: string): boolean {
  return (attributes['class'] ?? '').split(/\s+/).includes(name);
}

function cardKind(name: string, attributes: Record<string, string>): OpenCard['kind'] | null {
  if (name !== 'figure') return null;
  if (hasClass(attributes, 'kg-embed-card')) return 'embed';
  return hasClass(attributes, 'kg-bookmark-card') ? 'bookmark' : null;
}

/** The card's replacement, or null to leave it as Ghost wrote it. */
function replacementOf(card: OpenCard): string | null {
  const caption = card.caption === '' ? '' : `<p>${card.caption}</p>`;
  if (card.kind === 'embed') {
    const figure = card.addresses.map(embedFigure).find((found) => found !== null);
    return figure === undefined || figure === null ? null : figure + caption;
  }
  const href = card.addresses[0];
  if (href === undefined || href.trim() === '') return null;
  const title = card.title.replace(/\s+/g, ' ').trim() || href;
  return `<p><a href="${escapeHtml(href)}">${escapeTextNode(title)}</a></p>${caption}`;
}

/**
 * `html` with its headings, embed and bookmark cards fitted to the body.
 * @example fitGhostHtml('<h1>عنوان</h1>') === '<h2>عنوان</h2>'
 */
export function fitGhostHtml(html: string): string {
  const replacements: Replacement[] = [];
  let depth = 0;
  let card: OpenCard | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (card !== null) {
          const address =
            name === 'iframe' ? attributes['src'] : name === 'a' ? attributes['href'] : undefined;
          if (address !== undefined) card.addresses.push(address);
          // Telegram's widget names its post in an attribute of its script.
          const telegramPost = attributes['data-telegram-post'];
          if (telegramPost !== undefined) card.addresses.push(`https://t.me/${telegramPost}`);
          if (name === 'figcaption') card.captionStart = end;
          if (card.titleDepth === null && hasClass(attributes, 'kg-bookmark-title')) {
            card.titleDepth = depth;
          }
          return;
        }
        const kind = cardKind(name, attributes);
        if (kind !== null) {
          card = {
            kind,
            start,
            depth,
            addresses: [],
            captionStart: null,
            caption: '',
            titleDepth: null,
            title: '',
          };
          return;
        }
        const heading = HEADINGS[name];
        if (heading !== undefined) {
          replacements.push({ start, end: start + 1 + name.length, text: `<${heading}` });
        }
      },
      ontext(text) {
        if (card !== null && card.titleDepth !== null) card.title += text;
      },
      onclosetag(name, isImplied) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (card !== null) {
          if (card.titleDepth === depth) card.titleDepth = null;
          if (name === 'figcaption' && card.captionStart !== null && !isImplied) {
            card.caption = html.slice(card.captionStart, start).trim();
          }
          if (depth === card.depth && name === 'figure') {
            const replacement = isImplied ? null : replacementOf(card);
            if (replacement !== null)
              replacements.push({ start: card.start, end, text: replacement });
            card = null;
          }
        } else {
          const heading = HEADINGS[name];
          if (heading !== undefined && !isImplied) {
            replacements.push({ start, end, text: `</${heading}>` });
          }
        }
        depth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  let fitted = '';
  let at = 0;
  for (const { start, end, text } of replacements.sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    fitted += html.slice(at, start) + text;
    at = end;
  }
  return fitted + html.slice(at);
}
