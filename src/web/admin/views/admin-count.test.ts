import { describe, expect, it } from 'vitest';
import type { SiteLocale } from '../../../arabic/locale.js';
import { translator } from '../../../i18n/format.js';
import { adminCount } from './admin-count.js';

const locale = (numerals: SiteLocale['numerals']): SiteLocale => ({
  lang: 'ar',
  dir: 'rtl',
  timeZone: 'Asia/Damascus',
  numerals,
  monthNames: 'levant',
  calendar: 'gregory',
});
const arabic = { t: translator('ar'), lang: 'ar' as const, locale: locale('latn') };
const english = { t: translator('en'), lang: 'en' as const, locale: locale('arab') };

describe('adminCount', () => {
  it.each([
    [0, 'لا مقالات'],
    [1, 'مقال واحد'],
    [2, 'مقالان'],
    [3, '3 مقالات'],
    [10, '10 مقالات'],
    [11, '11 مقالاً'],
    [99, '99 مقالاً'],
    [100, '100 مقال'],
    [1250, '1,250 مقالاً'],
    [1200, '1,200 مقال'],
  ])('says %i articles in Arabic as %s', (n, expected) => {
    expect(adminCount(arabic, n, 'articles')).toBe(expected);
  });

  it("writes the site's digits in Arabic", () => {
    expect(adminCount({ ...arabic, locale: locale('arab') }, 11, 'articles')).toBe('١١ مقالاً');
  });

  it.each([
    [0, 'No articles'],
    [1, '1 article'],
    [2, '2 articles'],
    [1250, '1,250 articles'],
  ])('says %i articles in English as %s, in Latin digits', (n, expected) => {
    expect(adminCount(english, n, 'articles')).toBe(expected);
  });
});
