import { arabicPhrase, anyPhrase } from './arabic-pattern.js';

/**
 * The headings and markers that frame lists of headlines on a news page:
 * "more" blocks (`المزيد`, `الأكثر قراءة اليوم`, `أخبار ذات صلة` …) and inline
 * "read also" links (`اقرأ أيضاً: …`, `للمزيد: …`, `مواضيع ذات صلة`, spelled
 * many ways).
 */
const MORE_HEADINGS = [
  'المزيد',
  'للمزيد',
  'المزيد من الأخبار',
  'مزيد من الأخبار',
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

/**
 * Headings of related blocks that sites also print between paragraphs, as an
 * inline "read also" (`للمزيد:`, `مواضيع ذات صلة`): a block of these between
 * two paragraphs of the body is a "read also", elsewhere a "more" block.
 */
const INLINE_HEADINGS = [
  'للمزيد',
  'مواضيع ذات صلة',
  'موضوعات ذات صلة',
  'أخبار ذات صلة',
  'مقالات ذات صلة',
  'ذات صلة',
];

/** Most-read tabs, with the article or the period some sites add: `الأخبار الأكثر قراءة اليوم`. */
const MOST_READ = `(?:${anyPhrase(['الأخبار', 'المقالات', 'المواضيع', 'الموضوعات'])}\\s+)?${arabicPhrase(
  'الأكثر',
)}\\s+${anyPhrase(['قراءة', 'مشاهدة', 'تداولا', 'شعبية', 'تعليقا', 'مشاركة', 'متابعة'])}(?:\\s+${anyPhrase(
  ['اليوم', 'هذا الأسبوع', 'الأسبوع', 'هذا الشهر', 'الشهر', 'خلال 24 ساعة', 'خلال ٢٤ ساعة'],
)})?`;

/** One heading: a listed one or a most-read tab. */
const ONE_HEADING = `(?:${anyPhrase([...MORE_HEADINGS, ...INLINE_HEADINGS])}|${MOST_READ})`;

/**
 * A heading alone on its line, maybe with a colon; a row of tabs
 * (`الأكثر قراءة | الأكثر مشاهدة`); or `المزيد من` and a few words.
 */
const MORE_HEADING = new RegExp(
  `^(?:${ONE_HEADING}(?:\\s*[|•·/]?\\s*${ONE_HEADING})*|${arabicPhrase('المزيد من')}(?:\\s+[^\\s.،:]+){1,3})\\s*[:：.…]*$`,
  'u',
);
const INLINE_HEADING = new RegExp(`^${anyPhrase(INLINE_HEADINGS)}\\s*[:：.…]*$`, 'u');

/**
 * A "read also" marker: `اقرأ أيضاً`, `أقرأ أيضا`, `إقرأ ايضا`, `شاهد أيضاً`,
 * `طالع أيضاً`… (hamza, tanween and other marks as printed), maybe with a
 * colon or dash; or an inline heading followed by a colon or dash
 * (`للمزيد: …`, `مواضيع ذات صلة: …`), which without one starts prose
 * (`للمزيد من المعلومات…`).
 */
const READ_ALSO = new RegExp(
  `^(?:${anyPhrase([
    'اقرأ أيضا',
    'اقرأ كذلك',
    'للمزيد اقرأ',
    'للمزيد طالع',
    'شاهد أيضا',
    'شاهد كذلك',
    'طالع أيضا',
    'طالع كذلك',
    'تابع أيضا',
  ])}(?![\\p{L}\\p{N}])\\s*[:：\\-–—]?|${anyPhrase(INLINE_HEADINGS)}\\s*[:：\\-–—])\\s*`,
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
 * True for a heading that is a "read also" between paragraphs and a "more"
 * block elsewhere (`للمزيد`, `مواضيع ذات صلة`).
 *
 * @example isInlineHeading('مواضيع ذات صلة:') === true
 */
export function isInlineHeading(line: string): boolean {
  return INLINE_HEADING.test(line);
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
