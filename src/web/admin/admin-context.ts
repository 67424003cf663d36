/**
 * What every newsroom view needs: the signed-in user, the admin's language
 * and direction, the translator, the CSRF token for forms, and asset URLs.
 */
import type { SiteLocale } from '../../arabic/locale.js';
import type { User } from '../../domain/user.js';
import type { Language, Translate } from '../../i18n/format.js';

export interface AdminAssets {
  css: string;
  /** The editor bundle and its stylesheet, when built (`npm run build`). */
  editorScript: string | null;
  editorCss: string | null;
  /** The script of «القرّاء الآن» (public/assets/live-readers.js), fingerprinted. */
  liveReadersScript: string;
}

export interface AdminContext {
  user: User | null;
  /** Whether the user may see the wire desk (set by the admin plugin; absent means no). */
  wireDesk?: boolean;
  lang: Language;
  dir: 'rtl' | 'ltr';
  t: Translate;
  csrfToken: string;
  siteName: string;
  assets: AdminAssets;
  /** The path of the current page, for the language switch to come back to. */
  path: string;
  now: Date;
  /** The site's time zone, digits and month names, for dates shown in the newsroom. */
  locale: SiteLocale;
}

/** What saying something to the newsroom needs: its language, the site's locale and the time now. */
export type AdminVoice = Pick<AdminContext, 't' | 'lang' | 'locale' | 'now'>;

/**
 * A message at the top of a newsroom page after an action. Its kind is
 * always said: a `success` is drawn green with `role="status"`, an `error`
 * (a refusal) red with `role="alert"`, never in the success style.
 */
export interface AdminNotice {
  kind: 'success' | 'error';
  text: string;
}

/** A success notice saying `text`. */
export const success = (text: string): AdminNotice => ({ kind: 'success', text });

/** A refusal notice saying `text`. */
export const refusal = (text: string): AdminNotice => ({ kind: 'error', text });
