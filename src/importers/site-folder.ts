/**
 * The folder an old site lived in (`https://x.com/blog`), shared by the
 * WordPress and Ghost importers: every old address WordPress or Ghost
 * built from the site's root (`/?p=12`, `/category/x/`, `/feed/`,
 * `/tag/x/rss/`) was served under it, and once the domain points at
 * Midad those are the paths readers ask for (`/blog/?p=12`).
 */
import { decodeSlug } from './decode-slug.js';

/**
 * The folder of `siteUrl`, each segment decoded (NFC), without a trailing
 * slash; '' at the root, or when `siteUrl` is null or not an http(s) URL.
 *
 * @example siteFolder('https://x.com/blog/') // '/blog'
 * @example siteFolder('https://x.com') // ''
 */
export function siteFolder(siteUrl: string | null): string {
  if (siteUrl === null || !/^https?:\/\//i.test(siteUrl.trim())) return '';
  let pathname: string;
  try {
    pathname = new URL(siteUrl.trim()).pathname;
  } catch {
    return '';
  }
  return pathname
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => decodeSlug(segment))
    .join('/');
}

/**
 * `item` with each of its old paths under `folder` (from siteFolder):
 * `/category/x/` becomes `/blog/category/x/`.
 */
export function underFolder<T extends { oldPaths: string[] }>(folder: string, item: T): T {
  return folder === ''
    ? item
    : { ...item, oldPaths: item.oldPaths.map((path) => `${folder}${path}`) };
}
