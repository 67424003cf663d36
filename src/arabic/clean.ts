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

/**
 * Every character that XML 1.0 does not allow in a document (XML 1.0 §2.2,
 * production [2] Char: `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]`): the C0 controls but tab, line feed and carriage
 * return, lone surrogates (the `u` flag reads a string by code points, so a
 * paired surrogate is one astral character and is kept), U+FFFE and U+FFFF.
 */
const XML_FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * The text without the characters that XML 1.0 forbids, so that it can be
 * written into any feed or sitemap (a reader refuses a whole document for
 * one such character). Everything else, line breaks included, is kept.
 *
 * @example removeXmlForbidden('عاجل\u0001: \uD800خبر\uFFFE') === 'عاجل: خبر'
 */
export function removeXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/**
 * The bidi embedding, override and isolate controls (Unicode UAX #9, §2:
 * LRE, RLE, PDF, LRO, RLO U+202A–U+202E; LRI, RLI, FSI, PDI U+2066–U+2069).
 * In a one-line name they only serve to disguise it (`‮gnp.exe` shows as
 * `exe.png`). The marks U+200E (LRM), U+200F (RLM) and U+061C (ALM) are not
 * among them: Arabic text uses them to place punctuation and numbers.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * The text without bidi embedding, override and isolate controls; the
 * directional marks (LRM, RLM, ALM) are kept.
 *
 * @example removeBidiControls('\u202Egnp.exe') === 'gnp.exe'
 */
export function removeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
