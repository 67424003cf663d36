import { describe, expect, it } from 'vitest';
import {
  cleanSourceText,
  foldPresentationForms,
  removeBidiControls,
  removeXmlForbidden,
} from './clean.js';

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

describe('removeXmlForbidden', () => {
  it.each([
    ['a C0 control (U+0001) is removed', 'عاجل\u0001 خبر', 'عاجل خبر'],
    ['backspace (U+0008) and form feed (U+000C) are removed', 'a\u0008b\u000Cc', 'abc'],
    ['NUL (U+0000) is removed', '\u0000حلب', 'حلب'],
    ['tab, line feed and carriage return are kept', 'a\tb\nc\r\nd', 'a\tb\nc\r\nd'],
    ['a lone high surrogate is removed', 'حلب\uD800', 'حلب'],
    ['a lone low surrogate is removed', '\uDC00حلب', 'حلب'],
    ['a surrogate pair (an emoji) is kept', 'خبر 📰', 'خبر 📰'],
    ['U+FFFE and U+FFFF are removed, U+FFFD kept', '\uFFFEa\uFFFFb\uFFFD', 'ab\uFFFD'],
    ['DEL and C1 controls are allowed by XML 1.0 and kept', 'a\u007Fb\u0085c', 'a\u007Fb\u0085c'],
    ['private use and the last plane are kept', '\uE000\u{10FFFD}', '\uE000\u{10FFFD}'],
    ['bidi controls are not its business', '\u202Ex', '\u202Ex'],
  ])('%s', (_name, input, expected) => {
    expect(removeXmlForbidden(input)).toBe(expected);
  });
});

describe('removeBidiControls', () => {
  it.each([
    ['a right-to-left override (U+202E) is removed', '\u202Egnp.exe', 'gnp.exe'],
    ['embeddings and the pop (U+202A–U+202C) are removed', '\u202Aa\u202Bb\u202C', 'ab'],
    ['a left-to-right override (U+202D) is removed', '\u202Dحلب', 'حلب'],
    ['isolates (U+2066–U+2069) are removed', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['LRM and RLM are kept', 'الساعة\u200F 10\u200E:30', 'الساعة\u200F 10\u200E:30'],
    ['the Arabic letter mark (U+061C) is kept', '\u061C-5', '\u061C-5'],
  ])('%s', (_name, input, expected) => {
    expect(removeBidiControls(input)).toBe(expected);
  });
});
