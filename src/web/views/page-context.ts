/**
 * What every view needs besides its own data: the site's name and locale,
 * the translator, absolute URLs, asset URLs and the current time.
 */
import type { SiteLocale } from '../../arabic/locale.js';
import type { Translate } from '../../i18n/format.js';

/** Fingerprinted URLs of the site's static assets. */
export interface AssetUrls {
  css: string;
  fontSizeScript: string;
  /** The Arabic regular font file, preloaded. */
  fontPreload: string;
}

export interface PageContext {
  siteName: string;
  locale: SiteLocale;
  t: Translate;
  /** Scheme and host of the site, no trailing slash: `https://news.example`. */
  origin: string;
  assets: AssetUrls;
  /** The inline script that applies the stored font size before first paint. */
  headScript: string;
  now: Date;
  readingWordsPerMinute: number;
  showHijri: boolean;
}

/** The absolute URL of a site path. */
export function absoluteUrl(ctx: PageContext, path: string): string {
  return `${ctx.origin}${path}`;
}

/** The path of an article page: `/a/<id>`. */
export function articlePath(id: string): string {
  return `/a/${id}`;
}
