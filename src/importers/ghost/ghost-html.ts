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
 *   would remove the card's iframe or script and leave nothing to see.
 *
 * Everything else is left byte for byte as Ghost wrote it: the elements
 * are found with htmlparser2 and only their own ranges are replaced.
 * Not sanitised (the service does it).
 */
import { Parser } from 'htmlparser2';
import { embedFigure } from './embed-figure.js';

const HEADINGS: Readonly<Record<string, string>> = { h1: 'h2', h5: 'h4', h6: 'h4' };

interface Replacement {
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
}

interface OpenEmbed {
  start: number;
  depth: number;
  /** iframe `src` and link `href` addresses inside, in order. */
  addresses: string[];
  captionStart: number | null;
  caption: string;
}

/**
 * `html` with its headings and embed cards fitted to the body.
 * @example fitGhostHtml('<h1>عنوان</h1>') === '<h2>عنوان</h2>'
 */
export function fitGhostHtml(html: string): string {
  const replacements: Replacement[] = [];
  let depth = 0;
  let embed: OpenEmbed | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (embed !== null) {
          const address =
            name === 'iframe' ? attributes['src'] : name === 'a' ? attributes['href'] : undefined;
          if (address !== undefined) embed.addresses.push(address);
          // Telegram's widget names its post in an attribute of its script.
          const telegramPost = attributes['data-telegram-post'];
          if (telegramPost !== undefined) embed.addresses.push(`https://t.me/${telegramPost}`);
          if (name === 'figcaption') embed.captionStart = end;
          return;
        }
        if (name === 'figure' && /(?:^|\s)kg-embed-card(?:\s|$)/.test(attributes['class'] ?? '')) {
          embed = { start, depth, addresses: [], captionStart: null, caption: '' };
          return;
        }
        const heading = HEADINGS[name];
        if (heading !== undefined) {
          replacements.push({ start, end: start + 1 + name.length, text: `<${heading}` });
        }
      },
      onclosetag(name, isImplied) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (embed !== null) {
          if (name === 'figcaption' && embed.captionStart !== null && !isImplied) {
            embed.caption = html.slice(embed.captionStart, start).trim();
          }
          if (depth === embed.depth && name === 'figure') {
            const figure = embed.addresses.map(embedFigure).find((found) => found !== null);
            if (figure !== undefined && figure !== null && !isImplied) {
              const caption = embed.caption === '' ? '' : `<p>${embed.caption}</p>`;
              replacements.push({ start: embed.start, end, text: figure + caption });
            }
            embed = null;
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
