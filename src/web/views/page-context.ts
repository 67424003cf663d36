/**
 * What every view needs besides its own data: the site's name and locale,
 * the translator, absolute URLs, asset URLs and the current time.
 */
import type { SiteLocale } from '../../arabic/locale.js';
import type { AlternateAddresses } from '../../domain/alternate-addresses.js';
import type { FooterLink } from '../../domain/footer-menu.js';
import type { SiteHeader } from '../../domain/front-page-settings.js';
import type { Translate } from '../../i18n/format.js';

/** Fingerprinted URLs of the site's static assets. */
export interface AssetUrls {
  css: string;
  readerScript: string;
  /** The live page's script (public/assets/live.js), only on live articles. */
  liveScript: string;
  /** The push offer's script (public/assets/push.js), on article pages and /alerts only. */
  pushScript: string;
  /**
   * The Arabic font files preloaded (regular and bold): the headline and
   * the byline are bold, and a bold face arriving after the first paint
   * reflows the article's head (a layout shift).
   */
  fontPreloads: readonly string[];
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
  /** Breaking news for the ticker, newest first (empty on error pages). */
  breaking: BreakingItem[];
  /** The footer menu's published static pages, in order (empty on error pages). */
  footer: FooterLink[];
  /** The header's logo and section menu, as an administrator chose them (bare on error pages). */
  header: SiteHeader;
  /** The site's mirrors and onion address (none on error pages); issue 22. */
  alternates: AlternateAddresses;
  /** The footer shows the newsletter form (mail is set up: MIDAD_SMTP_URL); issue 20. */
  newsletter?: boolean;
  /**
   * The reader's browser sent `Save-Data: on` (web/save-data.ts): pages
   * with a lite version are served lite, the others without the web font
   * and with the smallest image widths (issue 22). Absent: false.
   */
  saveData?: boolean;
}

/** The parts every reader page shows besides its own content, read together. */
export type SharedPageParts = Pick<PageContext, 'breaking' | 'footer' | 'header' | 'alternates'>;

/** An article in the breaking-news ticker. */
export interface BreakingItem {
  id: string;
  headline: string;
  /** When the flag ends (UTC). */
  until: Date;
}

/**
 * The site's logo, a square PNG served at `/logo.png`: the publisher logo
 * of structured data and the image of feeds.
 */
export const LOGO = { path: '/logo.png', width: 512, height: 512 } as const;

/** The absolute URL of a site path. */
export function absoluteUrl(ctx: PageContext, path: string): string {
  return `${ctx.origin}${path}`;
}

export { articlePath, canonicalArticlePath, pagePath } from '../../domain/article-path.js';
