/**
 * A post's key and old addresses, the same in both passes over the file.
 */
import { siteFolder } from '../site-folder.js';
import { oldPathOf, parseHttpUrl } from './old-path.js';
import type { WxrFields } from './wxr-stream.js';

/** The item's `wp:post_id` when it is a positive decimal number, else null. */
export function postKeyOf(fields: WxrFields): string | null {
  return positiveId(fields.get('wp:post_id'));
}

/** `raw` trimmed when it is a positive decimal number (a post or term ID), else null. */
export function positiveId(raw: string | undefined): string | null {
  const id = raw?.trim() ?? '';
  return /^[1-9]\d*$/.test(id) ? id : null;
}

/**
 * The post's old paths: its `<link>`'s path with query, then `/?p=ID` (an
 * article) or `/?page_id=ID` (a page) under the site's folder (`/blog/?p=ID`),
 * without repeats.
 */
export function postOldPaths(
  fields: WxrFields,
  key: string,
  kind: 'article' | 'page',
  siteUrl: string | null,
): string[] {
  const paths: string[] = [];
  const linkPath = oldPathOf(fields.get('link') ?? '');
  if (linkPath !== null) paths.push(linkPath);
  const idPath = `${siteFolder(siteUrl)}${kind === 'page' ? `/?page_id=${key}` : `/?p=${key}`}`;
  if (!paths.includes(idPath)) paths.push(idPath);
  return paths;
}

/**
 * Every address that leads to the post, for `linkTargets`: its `<link>`
 * as written, that link's path decoded (and as written, when it differs),
 * its `guid` when it is a URL, `/?p=ID` (WordPress answers it for pages
 * too) and a page's `/?page_id=ID`, under the site's folder.
 */
export function postAddresses(
  fields: WxrFields,
  key: string,
  kind: 'article' | 'page',
  siteUrl: string | null,
): string[] {
  const addresses: string[] = [];
  const link = fields.get('link')?.trim() ?? '';
  const linkUrl = parseHttpUrl(link);
  if (linkUrl !== null) {
    addresses.push(link);
    const path = oldPathOf(link);
    if (path !== null) addresses.push(path);
    addresses.push(`${linkUrl.pathname}${linkUrl.search}`);
  }
  const guid = fields.get('guid')?.trim() ?? '';
  if (parseHttpUrl(guid) !== null) addresses.push(guid);
  const folder = siteFolder(siteUrl);
  addresses.push(`${folder}/?p=${key}`);
  if (kind === 'page') addresses.push(`${folder}/?page_id=${key}`);
  return [...new Set(addresses)];
}
