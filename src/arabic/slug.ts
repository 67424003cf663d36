/**
 * URL slugs made from Arabic (or mixed) text, kept in Arabic.
 *
 * The slug keeps the letters as written (hamza forms, taa marbuta) so it
 * reads like the headline in the address bar; it drops diacritics, tatweel,
 * format controls and punctuation, lower-cases Latin, and joins words with
 * hyphens. Percent-encoding is the job of whoever builds the URL
 * (`encodeURIComponent`, RFC 3986 §2.1), never of the stored slug.
 */
import { cleanSourceText } from './clean.js';
import { toLatinDigits } from './digits.js';
import { stripTashkeel, stripTatweel } from './normalize.js';
import { fitGraphemes } from './truncate.js';

/**
 * Longest slug, in UTF-16 code units (not bytes); cut at a word boundary,
 * or between graphemes when its first word is longer.
 */
export const MAX_SLUG_LENGTH = 80;

/**
 * The slug of `text`, or '' when it has no letters or digits.
 *
 * @example slugify('وقف إطلاق النار في إدلب!') === 'وقف-إطلاق-النار-في-إدلب'
 * @example slugify('Reuters (UK) ٢٠٢٠') === 'reuters-uk-2020'
 */
export function slugify(text: string): string {
  const words = toLatinDigits(stripTatweel(stripTashkeel(cleanSourceText(text))))
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) {
      return slug === '' ? fitGraphemes(word, { maxUnits: MAX_SLUG_LENGTH }) : slug;
    }
    slug = next;
  }
  return slug;
}
