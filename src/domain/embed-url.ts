/**
 * The posts an article may embed (a YouTube video, a post on X, a public
 * Telegram channel post), recognised from their address and rewritten to
 * one canonical https address per post, so that the server renders every
 * embed of the same post the same way: `https://www.youtube.com/watch?v=ID`
 * (with `&t=` when the address starts the video later),
 * `https://x.com/user/status/ID` (twitter.com becomes x.com),
 * `https://t.me/channel/ID`.
 *
 * One rule for the newsroom's editor (web/admin/client, bundled for the
 * browser, so this module is pure: no Node APIs) and for the importers
 * (WordPress body, Ghost cards), which write the embeds the editor reads
 * back. The providers are the body allowlist's (services/body-html.ts,
 * EMBED_PROVIDERS).
 */

export type EmbedProvider = 'youtube' | 'x' | 'telegram';

export interface EmbedTarget {
  readonly provider: EmbedProvider;
  /** The canonical https address of the post. */
  readonly url: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
/** YouTube's start offset: seconds (`42`, `42s`) or `1h2m3s` parts. */
const YOUTUBE_START = /^\d{1,6}s?$|^(?:\d{1,3}h)?(?:\d{1,3}m)?(?:\d{1,3}s)?$/;
const X_USER = /^[A-Za-z0-9_]{1,15}$/;
const TELEGRAM_CHANNEL = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const POST_NUMBER = /^\d{1,25}$/;

/**
 * The embeddable post at an address an editor pastes, or null for any
 * other address. The scheme may be left out (`youtu.be/…` is read as
 * https).
 *
 * @example parseEmbedUrl('youtu.be/dQw4w9WgXcQ')
 * // { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }
 */
export function parseEmbedUrl(input: string): EmbedTarget | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  const url = parseHttpUrl(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  return url ? embedTargetOfUrl(url) : null;
}

/**
 * The embeddable post at an http(s) address written in full (as WordPress
 * and Ghost store it), or null for any other address, including one
 * without its scheme.
 *
 * @example httpEmbedTarget('http://youtu.be/dQw4w9WgXcQ')
 * // { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }
 */
export function httpEmbedTarget(address: string): EmbedTarget | null {
  const url = parseHttpUrl(address.trim());
  return url ? embedTargetOfUrl(url) : null;
}

/**
 * An absolute http(s) URL without whitespace, credentials or port, or null.
 * @example parseHttpUrl('https://user:pass@youtu.be/x') // null
 */
export function parseHttpUrl(text: string): URL | null {
  if (!/^https?:\/\/\S+$/i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.username === '' && url.password === '' && url.port === '' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The embeddable post a parsed URL names, or null. Accepted:
 * youtube.com/watch?v=…, /shorts/… and /embed/… (the player's address),
 * youtu.be/…; x.com or twitter.com /user/status/…; t.me or telegram.me
 * /channel/post and /s/channel/post (public channels). The `www.`, `m.`
 * and `mobile.` host prefixes are ignored.
 */
export function embedTargetOfUrl(url: URL): EmbedTarget | null {
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  const path = url.pathname.split('/').filter((part) => part !== '');
  switch (host) {
    case 'youtube.com':
      if (path.length === 1 && path[0] === 'watch') {
        return youtube(url.searchParams.get('v'), url.searchParams.get('t'));
      }
      // Shorts and the player's own address play as ordinary videos.
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
