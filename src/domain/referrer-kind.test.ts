import { describe, expect, it } from 'vitest';
import { isReferrerKind, referrerKind, REFERRER_MAX_CHARS } from './referrer-kind.js';

const SITE = 'news.example';

describe('referrerKind', () => {
  it.each([
    // Search engines, on their hosts and country domains.
    ['https://www.google.com/', 'search'],
    ['https://www.google.com.eg/', 'search'],
    ['https://google.co.uk/search?q=x', 'search'],
    ['https://www.google.fr/', 'search'],
    ['https://news.google.com/stories/1', 'search'],
    ['https://www.bing.com/search?q=%D8%AE%D8%A8%D8%B1', 'search'],
    ['https://cn.bing.com/', 'search'],
    ['https://search.yahoo.com/', 'search'],
    ['https://uk.search.yahoo.com/', 'search'],
    ['https://search.yahoo.co.jp/', 'search'],
    ['https://duckduckgo.com/', 'search'],
    ['https://yandex.ru/', 'search'],
    ['https://yandex.com.tr/search/', 'search'],
    ['https://ya.ru/', 'search'],
    ['https://www.baidu.com/link?url=1', 'search'],
    ['https://m.baidu.com/', 'search'],
    ['https://www.ecosia.org/', 'search'],
    ['https://www.qwant.com/', 'search'],
    ['https://search.naver.com/', 'search'],
    ['https://search.seznam.cz/', 'search'],
    ['https://search.brave.com/', 'search'],
    ['https://www.startpage.com/', 'search'],
    ['android-app://com.google.android.googlequicksearchbox/', 'search'],
    ['android-app://com.google.android.googlequicksearchbox', 'search'],
    ['android-app://com.microsoft.bing/', 'search'],
    // Social networks and messengers.
    ['https://www.facebook.com/', 'social'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fnews.example%2Fa%2F1', 'social'],
    ['https://m.facebook.com/', 'social'],
    ['https://lm.facebook.com/', 'social'],
    ['https://fb.me/abc', 'social'],
    ['https://t.co/abc123', 'social'],
    ['https://x.com/', 'social'],
    ['https://twitter.com/someone/status/1', 'social'],
    ['https://mobile.twitter.com/', 'social'],
    ['https://www.instagram.com/', 'social'],
    ['https://l.instagram.com/', 'social'],
    ['https://www.linkedin.com/feed/', 'social'],
    ['https://lnkd.in/abc', 'social'],
    ['https://www.reddit.com/r/arabic/', 'social'],
    ['https://old.reddit.com/', 'social'],
    ['https://www.youtube.com/', 'social'],
    ['https://m.youtube.com/', 'social'],
    ['https://www.tiktok.com/', 'social'],
    ['https://t.me/channel/12', 'social'],
    ['https://web.telegram.org/', 'social'],
    ['https://wa.me/123', 'social'],
    ['https://web.whatsapp.com/', 'social'],
    ['https://www.snapchat.com/', 'social'],
    ['https://www.pinterest.com/', 'social'],
    ['https://www.pinterest.fr/', 'social'],
    ['https://www.threads.net/', 'social'],
    ['android-app://com.facebook.katana/', 'social'],
    ['android-app://com.twitter.android/', 'social'],
    ['android-app://com.instagram.android/', 'social'],
    ['android-app://com.linkedin.android/', 'social'],
    ['android-app://org.telegram.messenger/', 'social'],
    ['android-app://com.whatsapp/', 'social'],
    ['android-app://com.zhiliaoapp.musically/', 'social'],
    ['android-app://com.google.android.youtube/', 'social'],
    // Direct: nothing, nonsense, the site itself.
    ['', 'direct'],
    ['   ', 'direct'],
    ['not a url', 'direct'],
    ['//google.com', 'direct'],
    ['javascript:alert(1)', 'direct'],
    ['file:///etc/passwd', 'direct'],
    ['android-app://', 'direct'],
    ['https://news.example/s/1', 'direct'],
    ['https://www.news.example/', 'direct'],
    ['https://NEWS.EXAMPLE:8443/a/1', 'direct'],
    [`https://www.google.com/?q=${'x'.repeat(REFERRER_MAX_CHARS)}`, 'direct'],
    // Other: every other site and app.
    ['https://mail.google.com/mail/u/0/', 'other'],
    ['https://docs.google.com/document/d/1', 'other'],
    ['https://google.evil.example/', 'other'],
    ['https://notgoogle.com/', 'other'],
    ['https://facebook.com.evil.example/', 'other'],
    ['https://myx.com/', 'other'],
    ['https://www.aljazeera.net/news/', 'other'],
    ['https://news.example.org/', 'other'],
    ['http://192.0.2.1/', 'other'],
    ['android-app://com.google.android.gm/', 'other'],
  ] as const)('%s → %s', (referrer, kind) => {
    expect(referrerKind(referrer, SITE)).toBe(kind);
  });

  it('ignores a port and a www. on the site host too', () => {
    expect(referrerKind('https://news.example/a/1', 'www.news.example:3000')).toBe('direct');
    expect(referrerKind('https://other.example/a/1', 'www.news.example:3000')).toBe('other');
  });

  it('knows the four kinds and nothing else', () => {
    expect(['search', 'social', 'direct', 'other', 'Search', 1].map(isReferrerKind)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
