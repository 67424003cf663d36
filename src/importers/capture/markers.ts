import { arabicPhrase, anyPhrase } from './arabic-pattern.js';

/**
 * The headings and markers that frame lists of headlines on a news page:
 * "more" blocks (`المزيد`, `الأكثر قراءة`, `أخبار ذات صلة` …) and inline
 * "read also" links (`اقرأ أيضاً: …`, spelled many ways).
 */
const MORE_HEADINGS = [
  'المزيد',
  'للمزيد',
  'المزيد من الأخبار',
  'مزيد من الأخبار',
  'الأكثر قراءة',
  'الأكثر مشاهدة',
  'الأكثر تداولا',
  'الأكثر شعبية',
  'الأكثر تعليقا',
  'اقرأ المزيد',
  'أخبار ذات صلة',
  'مواضيع ذات صلة',
  'موضوعات ذات صلة',
  'مقالات ذات صلة',
  'تقارير ذات صلة',
  'ذات صلة',
  'أخبار متعلقة',
  'آخر الأخبار',
  'أحدث الأخبار',
  'آخر الأخبار العاجلة',
  'قد يهمك',
  'قد يهمك أيضا',
  'قد يعجبك أيضا',
  'اخترنا لك',
  'شاهد المزيد',
];

/** A heading alone on its line, maybe with a colon; or `المزيد من` and a few words. */
const MORE_HEADING = new RegExp(
  `^(?:${anyPhrase(MORE_HEADINGS)}|${arabicPhrase('المزيد من')}(?:\\s+[^\\s.،:]+){1,3})\\s*[:：.…]*$`,
  'u',
);

const READ_ALSO = new RegExp(
  `^${anyPhrase([
    'اقرأ أيضا',
    'اقرأ كذلك',
    'اقرأ ايضا',
    'شاهد أيضا',
    'شاهد كذلك',
    'طالع أيضا',
    'طالع كذلك',
  ])}(?![\\p{L}\\p{N}])\\s*[:：\\-–—]?\\s*`,
  'u',
);

/** Bullets and list numbers in front of a listed headline. */
const LIST_PREFIX = /^(?:[-–—•·*▪●◦►]|[\d\u0660-\u0669]{1,2}\s*[.)-])\s+/u;
const WRAPPERS: readonly (readonly [string, string])[] = [
  ['«', '»'],
  ['"', '"'],
  ['“', '”'],
];

/**
 * True for the heading of a "more" block.
 *
 * @example isMoreHeading('الأكثر قراءة') === true
 */
export function isMoreHeading(line: string): boolean {
  return MORE_HEADING.test(line);
}

/**
 * For a "read also" line, the text after the marker ('' when the headline
 * is on the next line); null for any other line.
 *
 * @example readAlsoRest('أقرأ أيضا: إدلب..') === 'إدلب..'
 */
export function readAlsoRest(line: string): string | null {
  const match = READ_ALSO.exec(line);
  return match ? line.slice(match[0].length).trim() : null;
}

/**
 * A listed headline as printed, without a list bullet or quotes that wrap
 * all of it.
 *
 * @example listedHeadline('• «هطول أمطار غزيرة»') === 'هطول أمطار غزيرة'
 */
export function listedHeadline(line: string): string {
  const text = line.replace(LIST_PREFIX, '').trim();
  for (const [open, close] of WRAPPERS) {
    const inner = text.slice(open.length, -close.length);
    if (
      text.startsWith(open) &&
      text.endsWith(close) &&
      inner.length > 0 &&
      !inner.includes(close)
    ) {
      return inner.trim();
    }
  }
  return text;
}
