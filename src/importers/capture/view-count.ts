import { toLatinDigits } from '../../arabic/digits.js';
import { anyPhrase, arabicPhrase } from './arabic-pattern.js';

/**
 * View counters as pages print them: `236 مشاهدة`, `عدد المشاهدات: 1,204`,
 * `مشاهدة واحدة`, `مشاهدتان`, `12 ألف مشاهدة`, `1.2K`, `١٫٢ ألف`, `3M`.
 *
 * A decimal point comes before a multiplier only (`1.2K`, `1,2K`, and the
 * Arabic decimal separator ٫ U+066B); without one, `.`, `,` and the Arabic
 * thousands separator ٬ U+066C group thousands (`1,204`), as in CLDR's
 * `ar` number symbols.
 */
const SINGULAR = ['مشاهدة', 'قراءة', 'زيارة'];
const VIEWS_WORDS = anyPhrase([...SINGULAR, 'مشاهدات', 'قراءات', 'زيارات']);
/** Words counted on pages next to views, for telling a counter line from a headline. */
export const COUNTER_WORDS: readonly string[] = [
  ...SINGULAR,
  ...['مشاهدات', 'قراءات', 'زيارات', 'مشاهدتان', 'مشاهدتين', 'قراءتان', 'قراءتين'],
  ...['تعليق', 'تعليقات', 'تعليقا', 'إعجاب', 'إعجابات', 'مشاركة', 'مشاركات', 'عدد'],
  ...['views', 'view', 'comments', 'likes', 'shares'],
];

type Scale = readonly [words: readonly string[], value: number];
/** Multipliers after digits: `12 ألف`, `3 ملايين`, `1.2K`. */
const AFTER_DIGITS: readonly Scale[] = [
  [['ألف', 'آلاف', 'k'], 1e3],
  [['مليون', 'ملايين', 'm'], 1e6],
  [['مليار', 'مليارات'], 1e9],
];
/** Multipliers standing alone: `ألف مشاهدة` is 1000, `ألفا مشاهدة` 2000. */
const ALONE: readonly Scale[] = [
  [['ألف'], 1e3],
  [['ألفان', 'ألفين', 'ألفا'], 2e3],
  [['مليون'], 1e6],
  [['مليونان', 'مليونين', 'مليونا'], 2e6],
];
const MULTIPLIER = anyPhrase([...AFTER_DIGITS, ...ALONE].flatMap(([words]) => words));

/** Digits with separators, a multiplier or both. */
const QUANTITY = `((?:\\d[\\d.,٫٬]*)?\\s*(?:${MULTIPLIER}(?![\\p{L}\\p{M}]))?)`;

const VIEWS_BEFORE = new RegExp(
  `^(?:${arabicPhrase('عدد')}\\s+)?(?:${arabicPhrase('ال')})?${VIEWS_WORDS}\\s*[:：]?\\s*${QUANTITY}$`,
  'iu',
);
const VIEWS_AFTER = new RegExp(`^${QUANTITY}\\s*(?:${VIEWS_WORDS}|views?)$`, 'iu');
const ONE = new RegExp(`^${anyPhrase(SINGULAR)}\\s+${arabicPhrase('واحدة')}$|^one view$`, 'iu');
const TWO = new RegExp(
  `^${anyPhrase(['مشاهدتان', 'مشاهدتين', 'قراءتان', 'قراءتين', 'زيارتان', 'زيارتين'])}$`,
  'u',
);
const VIEWS_WORD_ALONE = new RegExp(`^(?:${VIEWS_WORDS}|views?)$`, 'iu');

const PLAIN = /^(?:\d{1,3}(?:[,٬.]\d{3})+|\d+)$/u;
/** Before a multiplier a point is decimal, so only commas group: `1,200 ألف`. */
const GROUPED = /^\d{1,3}(?:[,٬]\d{3})+$/u;
const DECIMAL = /^(\d+)(?:[.,٫](\d{1,2}))?$/u;
const SPLIT = /^([\d.,٫٬]*)\s*(\S*)$/u;

/**
 * The view count in a piece of a metadata line, or null when it is no counter.
 *
 * @example readViewCount('١٫٢ ألف مشاهدة') === 1200
 */
export function readViewCount(piece: string): number | null {
  const latin = toLatinDigits(piece.trim());
  if (ONE.test(latin)) return 1;
  if (TWO.test(latin)) return 2;
  const match = VIEWS_BEFORE.exec(latin) ?? VIEWS_AFTER.exec(latin);
  return match?.[1] === undefined ? null : parseQuantity(match[1]);
}

/** True for `مشاهدة` (or `قراءة` …) alone on its line, next to a number line. */
export function isViewsWord(line: string): boolean {
  return VIEWS_WORD_ALONE.test(line);
}

/**
 * The number on a line that holds only a number, with digits (a view
 * counter printed above its word: `236`, `1.2K`, `12 ألف`), else null.
 */
export function numberAlone(line: string): number | null {
  const latin = toLatinDigits(line.trim());
  return /^\d/u.test(latin) ? parseQuantity(latin) : null;
}

/**
 * A count printed with Latin digits and/or a multiplier, or null: `1,204`
 * 1204, `1.2K` 1200, `12 ألف` 12000, `3M` 3000000, `ألف` 1000; `1.2` alone
 * is no count.
 *
 * @example parseQuantity('1,2K') === 1200
 */
export function parseQuantity(text: string): number | null {
  const [, digits = '', word = ''] = SPLIT.exec(text.trim()) ?? [];
  if (word === '') return PLAIN.test(digits) ? safe(Number(digits.replace(/[,٬.]/gu, ''))) : null;
  if (digits === '') return scale(ALONE, word);
  const multiplier = scale(AFTER_DIGITS, word);
  if (multiplier === null) return null;
  const decimal = DECIMAL.exec(digits);
  if (decimal) {
    const fraction = decimal[2] ?? '';
    return safe(
      Math.round((Number(`${decimal[1]}${fraction}`) * multiplier) / 10 ** fraction.length),
    );
  }
  return GROUPED.test(digits) ? safe(Number(digits.replace(/[,٬]/gu, '')) * multiplier) : null;
}

function scale(table: readonly Scale[], word: string): number | null {
  return table.find(([words]) => wholeWord(words).test(word))?.[1] ?? null;
}

const WHOLE_WORDS = new Map<readonly string[], RegExp>();

function wholeWord(words: readonly string[]): RegExp {
  let pattern = WHOLE_WORDS.get(words);
  if (!pattern) {
    pattern = new RegExp(`^${anyPhrase(words)}$`, 'iu');
    WHOLE_WORDS.set(words, pattern);
  }
  return pattern;
}

function safe(value: number): number | null {
  return Number.isSafeInteger(value) ? value : null;
}
