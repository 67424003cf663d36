/**
 * Old addresses of the WordPress site as paths (`/2021/01/03/خبر/`,
 * `/?p=123`): what the import service stores as redirects.
 */
import { decodeTolerant } from '../decode-slug.js';

/**
 * The site's address without a trailing slash, when `raw` is an http(s)
 * URL; else null.
 *
 * @example siteAddress('https://example.com/news/') // 'https://example.com/news'
 */
export function siteAddress(raw: string): string | null {
  const url = parseHttpUrl(raw.trim());
  if (url === null) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `raw` as a URL when it is an absolute http(s) URL, else null. */
export function parseHttpUrl(raw: string): URL | null {
  if (!/^https?:\/\//i.test(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The path with query of the absolute URL `link` as the old site served
 * it, the folder the site lived in kept (`/blog/2021/خبر/` for
 * `https://x.com/blog/2021/خبر/`: once the domain points here, that is
 * the path readers ask for). Percent-escapes of the path are decoded to
 * text, NFC (a segment with escapes of `/ ? # %` is kept as written, a bad
 * escape is left as it is); the query is kept as written. Null when
 * `link` is not an http(s) URL.
 *
 * @example oldPathOf('https://x.com/2021/%d8%ae%d8%a8%d8%b1/') // '/2021/خبر/'
 */
export function oldPathOf(link: string): string | null {
  const url = parseHttpUrl(link.trim());
  if (url === null) return null;
  return `${decodePath(url.pathname)}${url.search}`;
}

/** The path's escapes decoded, except those that would change its shape. */
export function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      const decoded = decodeTolerant(segment);
      return /[/?#]/.test(decoded) || /%25/.test(segment) ? segment : decoded;
    })
    .join('/')
    .normalize('NFC');
}
