/**
 * Page weight: the bytes a browser downloads for a page's HTML, its
 * stylesheets and its scripts, compressed as the server sends them, once
 * asking for brotli and once for gzip. Fonts and images are left out.
 */
import { BROWSER_HEADERS } from './load.js';
import { rawGet } from './raw-get.js';

/** One file of the page. Sizes in bytes. */
export interface WeighedFile {
  url: string;
  /** `content-encoding` as served (`identity` when none). */
  encoding: string;
  bytes: number;
}

/** Page weight with one `accept-encoding`. Sizes in bytes. */
export interface PageWeight {
  acceptEncoding: string;
  total: number;
  files: WeighedFile[];
}

/** Same-origin stylesheet and script URLs of `html`, relative to `pageUrl`. */
export function subresourceUrls(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<(link|script)\b[^>]*>/gi) ?? []) {
    const isStylesheet = /^<link/i.test(tag) && /\brel=["']?stylesheet\b/i.test(tag);
    const attribute = isStylesheet ? 'href' : /^<script/i.test(tag) ? 'src' : null;
    if (attribute === null) continue;
    const value = new RegExp(`\\b${attribute}=["']([^"']+)["']`, 'i').exec(tag)?.[1];
    if (value === undefined) continue;
    const url = new URL(value.replaceAll('&amp;', '&'), pageUrl);
    if (url.origin === new URL(pageUrl).origin) urls.add(url.toString());
  }
  return [...urls];
}

/** Weighs the page at `pageUrl` with `acceptEncoding` (`br` or `gzip`). */
export async function weighPage(pageUrl: string, acceptEncoding: string): Promise<PageWeight> {
  const headers = { ...BROWSER_HEADERS, 'accept-encoding': acceptEncoding };
  const page = await rawGet(pageUrl, headers);
  if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}`);
  const urls = [pageUrl, ...subresourceUrls(page.body.toString('utf8'), pageUrl)];
  const files: WeighedFile[] = [];
  for (const url of urls) {
    const response = url === pageUrl ? page : await rawGet(url, { ...headers, accept: '*/*' });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    files.push({
      url: new URL(url).pathname,
      encoding: String(response.headers['content-encoding'] ?? 'identity'),
      bytes: response.wire.length,
    });
  }
  return { acceptEncoding, total: files.reduce((n, f) => n + f.bytes, 0), files };
}
