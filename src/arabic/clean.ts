/**
 * Cleaning of source text before it is stored.
 *
 * Imported text keeps its spelling, diacritics and punctuation; only
 * encoding artefacts are undone:
 * - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are folded to
 *   the letters they stand for with NFKC, applied to those characters only
 *   (NFKC on the whole text would also rewrite, for example, superscripts
 *   and full-width Latin). The ligature U+FEF7 `ﻷ` becomes `لأ`.
 * - U+FEFF (byte order mark / zero-width no-break space) is dropped.
 * - No-break spaces (U+00A0, U+202F narrow no-break space, U+2007 figure
 *   space) become ordinary spaces.
 * - The result is in Unicode NFC (UAX #15).
 */

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;
const NO_BREAK_SPACES = /[\u00A0\u2007\u202F]/g;

/** Folds Arabic presentation forms to their letters, leaving everything else alone. */
export function foldPresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (run) => run.normalize('NFKC'));
}

/**
 * Cleans source text for storage: presentation forms folded, BOMs dropped,
 * no-break spaces made ordinary spaces, NFC.
 *
 * @example cleanSourceText('نظام اﻷسد\u00A0') === 'نظام الأسد '
 */
export function cleanSourceText(text: string): string {
  return foldPresentationForms(text)
    .replace(/\uFEFF/g, '')
    .replace(NO_BREAK_SPACES, ' ')
    .normalize('NFC');
}
