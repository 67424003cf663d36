/**
 * WordPress's auto-embeds: an address alone on its line, or alone in a
 * paragraph, showed the post it names as a player (developer.wordpress.org/reference/classes/wp_embed/autoembed/,
 * "Embeds" in the WordPress documentation: "paste the URL on its own
 * line"). A YouTube, X or Telegram post becomes the body's embed figure;
 * a Facebook post, which the body does not embed, a paragraph with a
 * link. Any other address alone on its line stays as it was, as it did
 * in WordPress.
 */
import { embedFigure, linkParagraph } from './embed-markup.js';
import { embedTarget } from './embed-target.js';

const BARE_URL = /^https?:\/\/[^\s<>"]+$/i;
const URL_PARAGRAPH = /<p(?:\s[^>]{0,500})?>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/gi;

/**
 * `html` with its bare embeddable addresses as embed figures (or links).
 * @example autoEmbed('نص\nhttps://youtu.be/dQw4w9WgXcQ') // 'نص\n<figure class="embed" …'
 */
export function autoEmbed(html: string): string {
  const lines = html.split('\n').map((line) => {
    const address = line.trim();
    return BARE_URL.test(address) ? (embedOf(address) ?? line) : line;
  });
  return lines
    .join('\n')
    .replace(URL_PARAGRAPH, (paragraph, address: string) => embedOf(address) ?? paragraph);
}

function embedOf(address: string): string | null {
  const target = embedTarget(address.replace(/&(?:amp|#0*38);/gi, '&'));
  if (target === null) return null;
  return target.provider === 'facebook' ? linkParagraph(target.url) : embedFigure(target.url);
}
