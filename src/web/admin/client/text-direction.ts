/**
 * The direction of a short text shown in the editor's own interface (a
 * search result, the headline in a "read also" box): the script of most
 * of its words. `dir="auto"` looks only at the first letter, so an Arabic
 * headline that opens with a brand name ("Apple تطلق iPhone 15 في 12
 * مارس") would read left to right.
 */

const RTL_WORD = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const LTR_WORD = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/u;

/**
 * @example textDirection('Apple تطلق iPhone 15 في 12 مارس') // 'rtl'
 */
export function textDirection(text: string): 'rtl' | 'ltr' | 'auto' {
  let rtl = 0;
  let ltr = 0;
  for (const word of text.split(/\s+/)) {
    if (RTL_WORD.test(word)) rtl++;
    else if (LTR_WORD.test(word)) ltr++;
  }
  if (rtl === 0 && ltr === 0) return 'auto';
  return rtl >= ltr ? 'rtl' : 'ltr';
}
