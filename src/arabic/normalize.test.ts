import { describe, expect, it } from 'vitest';
import {
  dropHamzaSeats,
  headlineMatchKey,
  normalizeForSearch,
  normalizeKeepingHamzaSeats,
  stripTashkeel,
  stripTatweel,
  unifyLetters,
} from './normalize.js';

describe('stripTashkeel', () => {
  it.each([
    ['tanween is removed', 'عبئاً كبيراً', 'عبئا كبيرا'],
    ['damma, shadda and sukun are removed', 'نظامُ أيّ قُلْ', 'نظام أي قل'],
    ['superscript alef U+0670 is removed', 'هٰذا', 'هذا'],
    ['Quranic marks U+06D6–U+06ED are removed', 'الرَّحِيمِۖ', 'الرحيم'],
    ['precomposed hamza letters stay', 'أإآؤئ', 'أإآؤئ'],
  ])('%s', (_name, input, expected) => {
    expect(stripTashkeel(input)).toBe(expected);
  });
});

describe('stripTatweel', () => {
  it('removes every tatweel', () => {
    expect(stripTatweel('الأخـــبار عـاجل')).toBe('الأخبار عاجل');
  });
});

describe('unifyLetters', () => {
  it.each([
    [
      'hamza and madda alefs and alef wasla become bare alef',
      'أحمد إدلب آذار ٱلله',
      'احمد ادلب اذار الله',
    ],
    ['alef maqsura becomes yaa', 'إلى', 'الي'],
    ['taa marbuta becomes haa', 'مدرسة', 'مدرسه'],
    ['waw and yaa hamza carriers lose the hamza', 'مؤتمر عبئا', 'موتمر عبيا'],
    ['Persian yeh and keheh become Arabic yaa and kaf', 'ایران کتاب', 'ايران كتاب'],
  ])('%s', (_name, input, expected) => {
    expect(unifyLetters(input)).toBe(expected);
  });
});

describe('normalizeForSearch', () => {
  it.each([
    ['the lam-alef ligature U+FEF7 is folded', 'نظام ا\uFEF7سد', 'نظام الاسد'],
    [
      'Arabic punctuation becomes spaces',
      'عاجل: «الأسد»، لماذا؟ نعم؛ لا',
      'عاجل الاسد لماذا نعم لا',
    ],
    ['Arabic-Indic digits become Latin', 'الطقس ٢٠٢٠', 'الطقس 2020'],
    ['Latin is lower-cased', 'BBC عربي', 'bbc عربي'],
    ['a decimal separator splits the number', '٣٫٥ مليون', '3 5 مليون'],
    ['bidi marks and ZWNJ are dropped inside words', 'سو\u200Fريا\u200C', 'سوريا'],
    ['no-break spaces and runs of spaces collapse', ' أقرأ\u00A0 أيضا:\n إدلب ', 'اقرا ايضا ادلب'],
    ['a pipe separator becomes a space', 'عاجل | دمشق', 'عاجل دمشق'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });
});

describe('normalizeKeepingHamzaSeats', () => {
  it.each([
    ['ؤ and ئ stay', 'المسؤولة عن البيئة', 'المسؤوله عن البيئه'],
    ['the other letters are unified as ever', 'مسئولية إدارة «الأمن»', 'مسئوليه اداره الامن'],
    ['a yaa with a combining hamza above (U+0654) is composed to ئ', 'مسي\u0654ول', 'مسئول'],
    [
      'digits, punctuation and spaces as normalizeForSearch',
      'شؤون ٢٠١٧؛  الجهات',
      'شؤون 2017 الجهات',
    ],
  ])('%s', (_name, input, expected) => {
    expect(normalizeKeepingHamzaSeats(input)).toBe(expected);
  });

  it.each([['المسؤولة عن البيئة'], ['مسئولية إدارة «الأمن»'], ['هيئة، رئيس: مؤتمر']])(
    'gives the search key of %s once the seats are dropped',
    (input) => {
      expect(dropHamzaSeats(normalizeKeepingHamzaSeats(input))).toBe(normalizeForSearch(input));
    },
  );
});

describe('dropHamzaSeats', () => {
  it.each([
    ['مسؤول مسئول', 'مسوول مسيول'],
    ['شؤون', 'شوون'],
    ['الاسد', 'الاسد'],
  ])('%s → %s', (input, expected) => {
    expect(dropHamzaSeats(input)).toBe(expected);
  });
});

describe('headlineMatchKey', () => {
  it.each([
    ['a presentation-form ligature matches plain letters', 'نظام ا\uFEF7سد', 'نظام الأسد'],
    ['diacritics and a bare alef match a hamza', 'نظامُ الاسد', 'نظام الأسد'],
    ['tanween and hamza on a seat match their absence', 'عبئاً كبيراً', 'عبئا كبيرا'],
    ['taa marbuta matches haa', 'مدرسة', 'مدرسه'],
    ['alef maqsura and hamza below match yaa and bare alef', 'إلى', 'الي'],
    ['spaces around double dots do not matter', 'إدلب.. بين', 'إدلب ..بين'],
    ['tatweel does not matter', 'عـاجـل: انفجار في دمشق', 'عاجل: انفجار في دمشق'],
    ['quotes do not matter', '"الأسد" يلتقي', '«الأسد» يلتقي'],
    ['digit script does not matter', 'مقتل ٣ مدنيين', 'مقتل 3 مدنيين'],
  ])('%s', (_name, left, right) => {
    expect(headlineMatchKey(left)).toBe(headlineMatchKey(right));
  });

  it.each([
    ['the double-dot headline', 'إدلب.. بين', 'ادلببين'],
    ['the same headline spaced the other way', 'إدلب ..بين', 'ادلببين'],
    ['the Assad headline with a ligature', 'نظام ا\uFEF7سد', 'نظامالاسد'],
    ['the Assad headline with a hamza', 'نظام الأسد', 'نظامالاسد'],
    ['the Assad headline with a damma and no hamza', 'نظامُ الاسد', 'نظامالاسد'],
    ['a phrase with tanween and a hamza on a seat', 'عبئاً كبيراً', 'عبياكبيرا'],
    ['a word with taa marbuta', 'مدرسة', 'مدرسه'],
    ['a word with alef maqsura', 'إلى', 'الي'],
    ['a headline with digits and a question mark', 'هل يصمد اتفاق ٢٠٢٠؟', 'هليصمداتفاق2020'],
  ])('gives the exact key for %s', (_name, input, expected) => {
    expect(headlineMatchKey(input)).toBe(expected);
  });

  it('keeps headlines with different words apart', () => {
    expect(headlineMatchKey('انفجار في دمشق')).not.toBe(headlineMatchKey('انفجار في حلب'));
  });
});
