/**
 * The post an old site embedded, recognised from its address: what
 * WordPress turned into a player through oEmbed (a URL alone on its line,
 * `[embed]`, an embed block). YouTube, X and Telegram posts, and their
 * canonical addresses, are the shared rule of domain/embed-url.ts (the
 * newsroom editor's, which reads them back). Facebook is recognised here
 * too, only so that it becomes a link: its address is kept as given, over
 * https.
 */
import {
  httpEmbedTarget,
  parseHttpUrl,
  type EmbedTarget as Embeddable,
} from '../../../domain/embed-url.js';

export type EmbedTarget = Embeddable | { readonly provider: 'facebook'; readonly url: string };

/**
 * The embeddable post, or Facebook post, at `address` (http or https, as
 * WordPress accepted it), or null for any other address.
 * @example embedTarget('http://youtu.be/dQw4w9WgXcQ')
 * // { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }
 */
export function embedTarget(address: string): EmbedTarget | null {
  return httpEmbedTarget(address) ?? facebookPost(address);
}

/** A facebook.com or fb.watch address with a path, over https, or null. */
function facebookPost(address: string): EmbedTarget | null {
  const url = parseHttpUrl(address.trim());
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  if (host !== 'facebook.com' && host !== 'fb.watch') return null;
  if (url.pathname.split('/').every((part) => part === '')) return null;
  url.protocol = 'https:';
  return { provider: 'facebook', url: url.href };
}
