/**
 * The post an old site embedded, recognised from its address: what
 * WordPress turned into a player through oEmbed (a URL alone on its line,
 * `[embed]`, an embed block). YouTube, X and Telegram posts are the
 * providers the body allowlist embeds (services/body-html.ts,
 * EMBED_PROVIDERS); Facebook is recognised so that it becomes a link.
 *
 * The addresses are the canonical ones the newsroom's editor writes for
 * the same posts (web/admin/client/embed-url.ts), which it reads back:
 * `https://www.youtube.com/watch?v=ID`, `https://x.com/user/status/ID`
 * (twitter.com becomes x.com), `https://t.me/channel/ID`. A Facebook
 * address is kept as given, over https.
 */

export type EmbedTarget =
  { provider: 'youtube' | 'x' | 'telegram'; url: string } | { provider: 'facebook'; url: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_START = /^\d{1,6}s?$|^(?:\d{1,3}h)?(?:\d{1,3}m)?(?:\d{1,3}s)?$/;
const X_USER = /^[A-Za-z0-9_]{1,15}$/;
const TELEGRAM_CHANNEL = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const POST_NUMBER = /^\d{1,25}$/;

/**
 * The embeddable post at `address` (http or https, as WordPress accepted
 * it), or null for any other address.
 * @example embedTarget('http://youtu.be/dQw4w9WgXcQ')
 * // { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }
 */
export function embedTarget(address: string): EmbedTarget | null {
  const url = parseHttpUrl(address.trim());
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  const path = url.pathname.split('/').filter((part) => part !== '');
  switch (host) {
    case 'youtube.com':
      if (path.length === 1 && path[0] === 'watch') {
        return youtube(url.searchParams.get('v'), url.searchParams.get('t'));
      }
      return path.length === 2 && (path[0] === 'shorts' || path[0] === 'embed')
        ? youtube(path[1] ?? null, null)
        : null;
    case 'youtu.be':
      return path.length === 1 ? youtube(path[0] ?? null, url.searchParams.get('t')) : null;
    case 'x.com':
    case 'twitter.com':
      return xPost(path);
    case 't.me':
    case 'telegram.me':
      return telegramPost(path[0] === 's' ? path.slice(1) : path);
    case 'facebook.com':
    case 'fb.watch':
      url.protocol = 'https:';
      return path.length > 0 ? { provider: 'facebook', url: url.href } : null;
    default:
      return null;
  }
}

function youtube(id: string | null, start: string | null): EmbedTarget | null {
  if (id === null || !YOUTUBE_ID.test(id)) return null;
  const at = start !== null && start !== '' && YOUTUBE_START.test(start) ? `&t=${start}` : '';
  return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${id}${at}` };
}

function xPost([user, status, id]: string[]): EmbedTarget | null {
  if (user === undefined || id === undefined || status !== 'status') return null;
  if (!X_USER.test(user) || !POST_NUMBER.test(id)) return null;
  return { provider: 'x', url: `https://x.com/${user}/status/${id}` };
}

function telegramPost(path: string[]): EmbedTarget | null {
  const [channel, id] = path;
  if (path.length !== 2 || channel === undefined || id === undefined) return null;
  if (!TELEGRAM_CHANNEL.test(channel) || !POST_NUMBER.test(id)) return null;
  return { provider: 'telegram', url: `https://t.me/${channel}/${id}` };
}

/** An http(s) URL without credentials or port, or null. */
function parseHttpUrl(text: string): URL | null {
  if (!/^https?:\/\/[^\s]+$/i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.username === '' && url.password === '' && url.port === '' ? url : null;
  } catch {
    return null;
  }
}
