/**
 * Counts in the newsroom's language: in Arabic with the plural forms
 * Arabic requires (arabic/plural.ts: «لا مقالات», «مقال واحد», «مقالان»,
 * «٣ مقالات», «١١ مقالاً», «١٠٠ مقال») in the site's digits; in English
 * "No articles", "1 article", "12 articles".
 */
import { ARTICLE_FORMS, countPhrase, type PluralForms } from '../../../arabic/plural.js';
import { formatNumber } from '../../../arabic/digits.js';
import type { MessageKey } from '../../../i18n/format.js';
import type { AdminVoice } from '../admin-context.js';

/** What the newsroom counts. */
export type CountedNoun = 'articles';

/** Per noun: its Arabic forms, and the English messages for 0, 1 and more. */
const NOUNS: Readonly<
  Record<CountedNoun, { ar: PluralForms; en: Record<'zero' | 'one' | 'other', MessageKey> }>
> = {
  articles: {
    ar: ARTICLE_FORMS,
    en: {
      zero: 'admin.count.articles.zero',
      one: 'admin.count.articles.one',
      other: 'admin.count.articles',
    },
  },
};

/**
 * `n` `noun` said in the newsroom's language.
 * @example adminCount(arabicVoice, 11, 'articles') === '11 مقالاً'
 * @example adminCount(englishVoice, 0, 'articles') === 'No articles'
 */
export function adminCount(
  voice: Pick<AdminVoice, 't' | 'lang' | 'locale'>,
  n: number,
  noun: CountedNoun,
): string {
  const forms = NOUNS[noun];
  if (voice.lang === 'ar') return countPhrase(n, forms.ar, voice.locale.numerals);
  const key = n === 0 ? forms.en.zero : n === 1 ? forms.en.one : forms.en.other;
  return voice.t(key, { count: formatNumber(n, 'latn') });
}
