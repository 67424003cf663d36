import { describe, expect, it } from 'vitest';
import { cleanSourceText, foldPresentationForms } from './clean.js';

describe('cleanSourceText', () => {
  it.each([
    ['the lam-alef-hamza ligature U+FEF7 becomes two letters', 'نظام \uFEF7سد', 'نظام لأسد'],
    ['isolated and final letter forms fold to the letter', '\uFE8D\uFEDF', 'ال'],
    ['a no-break space becomes a space', 'أقرأ أيضا:\u00A0إدلب', 'أقرأ أيضا: إدلب'],
    ['a byte order mark is dropped', '\uFEFFخبر', 'خبر'],
    ['alef + combining hamza composes to أ (NFC)', '\u0627\u0654', '\u0623'],
    ['tanween and shadda are kept', 'غداً أيّ', 'غداً أيّ'],
  ])('%s', (_name, input, expected) => {
    expect(cleanSourceText(input)).toBe(expected);
  });

  it('leaves Latin and digits untouched, unlike a whole-text NFKC', () => {
    expect(foldPresentationForms('x² ＡＢ ١٢')).toBe('x² ＡＢ ١٢');
  });
});
