/**
 * A PageContext for rendering a view in a unit test: the Arabic messages,
 * Latin digits, a fixed clock and origin.
 */
import { translator } from '../../src/i18n/format.js';
import type { PageContext } from '../../src/web/views/page-context.js';
import { BARE_HEADER } from '../../src/domain/front-page-settings.js';
import { NO_ALTERNATE_ADDRESSES } from '../../src/domain/alternate-addresses.js';

export function testPageContext(overrides: Partial<PageContext> = {}): PageContext {
  return {
    siteName: 'مداد',
    locale: {
      lang: 'ar',
      dir: 'rtl',
      timeZone: 'Asia/Damascus',
      numerals: 'latn',
      monthNames: 'levant',
      calendar: 'gregory',
    },
    t: translator('ar'),
    origin: 'https://news.example',
    assets: {
      css: '/assets/site.css',
      readerScript: '/assets/reader.js',
      liveScript: '/assets/live.js',
      pushScript: '/assets/push.js',
      fontPreloads: ['/f.woff2'],
    },
    headScript: '',
    now: new Date('2026-11-29T12:00:00.000Z'),
    readingWordsPerMinute: 180,
    showHijri: false,
    breaking: [],
    footer: [],
    header: BARE_HEADER,
    alternates: NO_ALTERNATE_ADDRESSES,
    ...overrides,
  };
}
