/**
 * Where a reader came from, in four kinds, for the newsroom's «القرّاء الآن»
 * (issue 19): `search` (a search engine), `social` (a social network or a
 * messenger), `direct` (no referrer, an unreadable one, or the site itself)
 * and `other` (any other site: a news aggregator, a blog, a mail client).
 *
 * Only the kind is kept, never the address: the view beacon reads
 * `document.referrer`, and this turns it into one of four words before it is
 * counted (services/view-counter.ts). Pure: no I/O.
 *
 * The lists are the engines and networks that send Arabic-speaking readers
 * (as Similarweb's and StatCounter's referral reports name them), by their
 * web hosts and by their Android apps' package names (an app's WebView
 * sends `android-app://<package>/` as the referrer).
 */

export const REFERRER_KINDS = ['search', 'social', 'direct', 'other'] as const;
export type ReferrerKind = (typeof REFERRER_KINDS)[number];

/** True when `value` is one of the four kinds. */
export function isReferrerKind(value: unknown): value is ReferrerKind {
  return typeof value === 'string' && (REFERRER_KINDS as readonly string[]).includes(value);
}

/** The longest referrer read, in characters; a longer one counts as direct. */
export const REFERRER_MAX_CHARS = 2048;

/** Search engines' hosts (and every subdomain of them). */
const SEARCH_DOMAINS = [
  'bing.com',
  'duckduckgo.com',
  'baidu.com',
  'ecosia.org',
  'qwant.com',
  'naver.com',
  'seznam.cz',
  'ya.ru',
  'search.yahoo.com',
  'search.yahoo.co.jp',
  'search.brave.com',
  'startpage.com',
  'sogou.com',
  'so.com',
  'ask.com',
  'search.aol.com',
  'petalsearch.com',
  'mojeek.com',
  'yep.com',
];

/** Google and Yandex, on any of their country domains: google.com.eg, google.fr, yandex.com.tr. */
const SEARCH_COUNTRY_HOSTS =
  /^(?:[a-z0-9-]+\.)?(?:google|yandex)\.(?:[a-z]{2,3}|(?:com?|org|net)\.[a-z]{2})$/;

/** Google's hosts that are not its search (a link from a mail, a document, a drive). */
const GOOGLE_NOT_SEARCH = /^(?:mail|docs|drive|accounts|calendar|chat|meet|sites)\.google\./;

/** Social networks' and messengers' hosts (and every subdomain of them). */
const SOCIAL_DOMAINS = [
  'facebook.com',
  'fb.com',
  'fb.me',
  'messenger.com',
  'x.com',
  'twitter.com',
  't.co',
  'instagram.com',
  'linkedin.com',
  'lnkd.in',
  'reddit.com',
  'redd.it',
  'youtube.com',
  'youtu.be',
  'tiktok.com',
  't.me',
  'telegram.me',
  'telegram.org',
  'wa.me',
  'whatsapp.com',
  'snapchat.com',
  'pinterest.com',
  'pin.it',
  'threads.net',
  'threads.com',
];

/** Pinterest's country domains: pinterest.fr, pinterest.co.uk. */
const PINTEREST_COUNTRY_HOSTS = /^(?:[a-z0-9-]+\.)?pinterest\.(?:[a-z]{2,3}|co\.[a-z]{2})$/;

/** Android apps (package names) of search engines. */
const SEARCH_APPS = new Set([
  'com.google.android.googlequicksearchbox',
  'com.microsoft.bing',
  'com.duckduckgo.mobile.android',
  'ru.yandex.searchplugin',
  'com.yandex.browser',
  'com.baidu.searchbox',
  'com.ecosia.android',
  'com.qwant.liberty',
  'com.nhn.android.search',
]);

/** Android apps (package names) of social networks and messengers. */
const SOCIAL_APPS = new Set([
  'com.facebook.katana',
  'com.facebook.lite',
  'com.facebook.orca',
  'com.facebook.mlite',
  'com.twitter.android',
  'com.instagram.android',
  'com.instagram.barcelona',
  'com.linkedin.android',
  'com.reddit.frontpage',
  'com.google.android.youtube',
  'com.zhiliaoapp.musically',
  'com.ss.android.ugc.trill',
  'org.telegram.messenger',
  'org.telegram.messenger.web',
  'org.thunderdog.challegram',
  'com.whatsapp',
  'com.whatsapp.w4b',
  'com.snapchat.android',
  'com.pinterest',
]);

/** True when `host` is `domain` or one of its subdomains. */
function within(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** `host` lowercased, without a trailing dot, a port or a leading `www.`. */
function bareHost(host: string): string {
  const lower = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return lower.startsWith('www.') ? lower.slice(4) : lower;
}

/**
 * The kind of a referrer: `referrerUrl` as the browser gives it
 * (`document.referrer`), `siteHost` the host the page was served on
 * (a port and a leading `www.` are ignored on both sides).
 *
 * - empty, unreadable, longer than REFERRER_MAX_CHARS, neither http(s) nor
 *   android-app, or the site's own host → `direct`;
 * - a search engine's host (any Google or Yandex country domain; Google's
 *   mail, documents and drive are not search) or app → `search`;
 * - a social network's or messenger's host or app → `social`;
 * - anything else → `other`.
 *
 * @example referrerKind('https://www.google.com.eg/', 'news.example') // 'search'
 * @example referrerKind('https://l.facebook.com/l.php?u=…', 'news.example') // 'social'
 * @example referrerKind('android-app://org.telegram.messenger/', 'news.example') // 'social'
 * @example referrerKind('https://news.example/s/1', 'news.example') // 'direct'
 */
export function referrerKind(referrerUrl: string, siteHost: string): ReferrerKind {
  const text = referrerUrl.trim();
  if (text === '' || text.length > REFERRER_MAX_CHARS) return 'direct';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'direct';
  }
  if (url.protocol === 'android-app:') {
    const app = url.hostname.toLowerCase();
    if (app === '') return 'direct';
    if (SEARCH_APPS.has(app)) return 'search';
    if (SOCIAL_APPS.has(app)) return 'social';
    return 'other';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'direct';
  const host = bareHost(url.hostname);
  if (host === '') return 'direct';
  if (host === bareHost(siteHost)) return 'direct';
  if (SEARCH_COUNTRY_HOSTS.test(host) && !GOOGLE_NOT_SEARCH.test(host)) return 'search';
  if (SEARCH_DOMAINS.some((domain) => within(host, domain))) return 'search';
  if (SOCIAL_DOMAINS.some((domain) => within(host, domain))) return 'social';
  if (PINTEREST_COUNTRY_HOSTS.test(host)) return 'social';
  return 'other';
}
