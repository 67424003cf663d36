/**
 * A Ghost embed card's address as the body's embed figure, the block the
 * newsroom's editor writes for a YouTube video, a post on X or a Telegram
 * channel post: `<figure class="embed" data-embed="youtube"
 * data-url="https://…"><a href="https://…">https://…</a></figure>`
 * (services/body-html.ts keeps it; web/views/present-body.ts finishes it).
 *
 * The addresses recognised are those of the editor's paste rule
 * (web/admin/client/embed-url.ts), which importers may not import: watch,
 * youtu.be and shorts addresses; x.com or twitter.com `/user/status/id`;
 * `t.me/channel/post`. Each is written in the same canonical form.
 */
import { escapeHtml } from '../../lib/escape-html.js';

/** A provider the body's embed figure names. */
export type EmbedProvider = 'youtube' | 'x' | 'telegram';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const X_USER = /^[A-Za-z0-9_]{1,15}$/;
const TELEGRAM_CHANNEL = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const DIGITS = /^\d{1,25}$/;

/**
 * The provider and canonical https address of an embeddable post, or null.
 * @example embedTarget('https://youtu.be/dQw4w9WgXcQ')
 * // { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }
 */
export function embedTarget(address: string): { provider: EmbedProvider; url: string } | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.username !== '' || url.port !== '') return null;
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  const path = url.pathname.split('/').filter((part) => part !== '');
  const youtube = (id: string | null | undefined) =>
    id && YOUTUBE_ID.test(id)
      ? { provider: 'youtube' as const, url: `https://www.youtube.com/watch?v=${id}` }
      : null;
  switch (host) {
    case 'youtube.com':
      if (path.length === 1 && path[0] === 'watch') return youtube(url.searchParams.get('v'));
      return path.length === 2 && (path[0] === 'shorts' || path[0] === 'embed')
        ? youtube(path[1])
        : null;
    case 'youtu.be':
      return path.length === 1 ? youtube(path[0]) : null;
    case 'x.com':
    case 'twitter.com': {
      const [user, status, id] = path;
      return user && id && status === 'status' && X_USER.test(user) && DIGITS.test(id)
        ? { provider: 'x', url: `https://x.com/${user}/status/${id}` }
        : null;
    }
    case 't.me':
    case 'telegram.me': {
      const [channel, id] = path[0] === 's' ? path.slice(1) : path;
      return path.length <= 3 && channel && id && TELEGRAM_CHANNEL.test(channel) && DIGITS.test(id)
        ? { provider: 'telegram', url: `https://t.me/${channel}/${id}` }
        : null;
    }
    default:
      return null;
  }
}

/**
 * The embed figure for `address`, or null when it is not an embeddable post.
 * @example embedFigure('https://t.me/midad_news/42') ===
 *   '<figure class="embed" data-embed="telegram" data-url="https://t.me/midad_news/42"><a href="https://t.me/midad_news/42">https://t.me/midad_news/42</a></figure>'
 */
export function embedFigure(address: string): string | null {
  const target = embedTarget(address);
  if (target === null) return null;
  const url = escapeHtml(target.url);
  return `<figure class="embed" data-embed="${target.provider}" data-url="${url}"><a href="${url}">${url}</a></figure>`;
}
