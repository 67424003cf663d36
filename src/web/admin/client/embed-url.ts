/**
 * The posts an article may embed, recognised from the address an editor
 * pastes, and rewritten to one canonical address per post so that the
 * server renders every embed of the same post the same way.
 */

export type EmbedProvider = 'youtube' | 'x' | 'telegram';

export interface EmbedTarget {
  readonly provider: EmbedProvider;
  /** The canonical https address of the post. */
  readonly url: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_START = /^\d+s?$|^(?:\d+h)?(?:\d+m)?(?:\d+s)?$/;
const X_USER = /^[A-Za-z0-9_]{1,15}$/;
const TELEGRAM_CHANNEL = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const DIGITS = /^\d{1,25}$/;

/**
 * The embeddable post at an address, or null for any other address.
 * Accepted: youtube.com/watch?v=…, youtu.be/…, x.com or twitter.com
 * /user/status/…, and t.me/channel/post (public channels).
 *
 * @example parseEmbedUrl('youtu.be/dQw4w9WgXcQ')
 * // { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }
 */
export function parseEmbedUrl(input: string): EmbedTarget | null {
  const url = parse(input.trim());
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  const path = url.pathname.split('/').filter((part) => part !== '');
  switch (host) {
    case 'youtube.com':
      if (path.length === 1 && path[0] === 'watch') {
        return youtube(url.searchParams.get('v'), url.searchParams.get('t'));
      }
      // Shorts (youtube.com/shorts/ID) play as ordinary videos.
      return path.length === 2 && path[0] === 'shorts' ? youtube(path[1] ?? null, null) : null;
    case 'youtu.be':
      return path.length === 1 ? youtube(path[0] ?? null, url.searchParams.get('t')) : null;
    case 'x.com':
    case 'twitter.com':
      return xPost(path);
    case 't.me':
    case 'telegram.me':
      return telegramPost(path[0] === 's' ? path.slice(1) : path);
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
  if (!X_USER.test(user) || !DIGITS.test(id)) return null;
  return { provider: 'x', url: `https://x.com/${user}/status/${id}` };
}

function telegramPost(path: string[]): EmbedTarget | null {
  const [channel, id] = path;
  if (path.length !== 2 || channel === undefined || id === undefined) return null;
  if (!TELEGRAM_CHANNEL.test(channel) || !DIGITS.test(id)) return null;
  return { provider: 'telegram', url: `https://t.me/${channel}/${id}` };
}

function parse(text: string): URL | null {
  if (text === '' || /\s/.test(text)) return null;
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return url.username === '' && url.password === '' && url.port === '' ? url : null;
  } catch {
    return null;
  }
}
