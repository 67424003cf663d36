import { describe, expect, it } from 'vitest';
import {
  cutAtGraphemeBoundary,
  fitGraphemes,
  graphemeCount,
  graphemes,
  truncateWords,
  utf8Length,
  withoutLoneSurrogates,
} from './truncate.js';

const URGENT = 'عاجل: الحكومةُ تعلن النتائج 🔴';
const MINISTER = 'وزيرة الصحة 👩🏽‍⚕️ تزور المستشفى';

describe('truncateWords', () => {
  it.each([
    ['keeps short text whole', 'خبر عاجل', 20, 'خبر عاجل'],
    ['cuts at the last whole word', 'أعلنت تركيا عن توافق', 12, 'أعلنت تركيا…'],
    ['drops trailing punctuation before the ellipsis', 'في إدلب، وقالت الرئاسة', 9, 'في إدلب…'],
    ['collapses whitespace', 'خبر \n  عاجل', 20, 'خبر عاجل'],
    ['cuts one over-long word inside it', 'الاستراتيجيات', 5, 'الاست…'],
    // Issue 16: 13 graphemes, 14 UTF-16 units (the damma combines with the taa marbuta).
    ['counts a letter and its haraka as one', URGENT, 13, 'عاجل: الحكومةُ…'],
    ['goes back a word when the limit falls inside one', URGENT, 12, 'عاجل…'],
    ['keeps a word ending exactly at the limit', 'أعلنت تركيا عن توافق', 11, 'أعلنت تركيا…'],
    ['keeps a ZWJ emoji with its skin tone whole', MINISTER, 13, 'وزيرة الصحة 👩🏽‍⚕️…'],
    ['never takes part of a ZWJ emoji', MINISTER, 12, 'وزيرة الصحة…'],
    ['counts a flag as one', '🇸🇾🇱🇧🇯🇴🇮🇶', 2, '🇸🇾🇱🇧…'],
    ['keeps every haraka of a word', 'أُعلِنَت النتائجُ', 8, 'أُعلِنَت…'],
    ['drops the lone surrogate a UTF-16 cut left', 'خبر عاجل 🔴\uD83D', 20, 'خبر عاجل 🔴'],
    ['repairs a stored excerpt ending 🔴\\ud83d…', 'خبر عاجل 🔴\uD83D…', 20, 'خبر عاجل 🔴…'],
    ['makes nothing of a zero limit', URGENT, 0, '…'],
  ])('%s', (_name, text, max, expected) => {
    expect(truncateWords(text, max)).toBe(expected);
  });

  it.each([
    // «عاجل: الحكومةُ» is 26 bytes, with … 29.
    ['a byte limit the cut fits', URGENT, { maxBytes: 29 }, 'عاجل: الحكومةُ…', 29],
    ['a byte limit one short goes back a word', URGENT, { maxBytes: 28 }, 'عاجل…', 11],
    [
      'a code point limit counts the ellipsis',
      URGENT,
      { maxCodePoints: 20 },
      'عاجل: الحكومةُ تعلن…',
      38,
    ],
    ['a whole text within its bytes is kept', URGENT, { maxBytes: 55 }, URGENT, 55],
    ['a ZWJ emoji too large for the bytes is left out whole', '👨‍👩‍👧👨‍👩‍👧', { maxBytes: 20 }, '…', 3],
  ])('%s', (_name, text, limits, expected, bytes) => {
    const cut = truncateWords(text, 100, limits);
    expect(cut).toBe(expected);
    expect(utf8Length(cut)).toBe(bytes);
  });

  it.each([
    ['a long paragraph', `${URGENT} ${'كلمةٌ '.repeat(50_000)}`, 13, 'عاجل: الحكومةُ…'],
    ['a start of white space', `${' \n'.repeat(5000)}${URGENT}`, 13, 'عاجل: الحكومةُ…'],
    ['a long text that fits whole after collapsing', `خبر${' '.repeat(5000)}عاجل`, 8, 'خبر عاجل'],
    // 11 UTF-16 units each: 40 of them need more than the first start segmented.
    ['families past the first window', '👨‍👩‍👧‍👦'.repeat(100), 40, `${'👨‍👩‍👧‍👦'.repeat(40)}…`],
  ])('cuts %s as a short one', (_name, text, max, expected) => {
    expect(truncateWords(text, max)).toBe(expected);
  });

  it('applies the byte limit after the grapheme limit', () => {
    expect(truncateWords(URGENT, 13, { maxBytes: 28 })).toBe('عاجل…');
    expect(truncateWords(URGENT, 13, { maxBytes: 200 })).toBe('عاجل: الحكومةُ…');
  });
});

describe('graphemes', () => {
  it.each([
    ['الحكومةُ 🇸🇾', ['ا', 'ل', 'ح', 'ك', 'و', 'م', 'ةُ', ' ', '🇸🇾']],
    ['👩🏽‍⚕️!', ['👩🏽‍⚕️', '!']],
    ['e\u0301', ['e\u0301']],
  ])('%s', (text, expected) => {
    expect(graphemes(text)).toEqual(expected);
    expect(graphemeCount(text)).toBe(expected.length);
  });
});

describe('fitGraphemes', () => {
  it.each([
    ['a family of 5 code points that does not fit 4', '👨‍👩‍👧 عائلة', { maxCodePoints: 4 }, ''],
    ['a letter with its damma, 4 bytes, against 11', 'بيروتُ', { maxBytes: 11 }, 'بيرو'],
    ['a name within its limit', 'J. Smith, Jr.', { maxCodePoints: 120 }, 'J. Smith, Jr.'],
    ['an emoji against UTF-16 units', 'حلب🔴', { maxUnits: 4 }, 'حلب'],
    ['a lone surrogate dropped', 'حلب\uD83D', { maxUnits: 10 }, 'حلب'],
  ])('%s', (_name, text, limits, expected) => {
    expect(fitGraphemes(text, limits)).toBe(expected);
  });
});

describe('cutAtGraphemeBoundary', () => {
  // 100 alifs, then a 7-unit emoji (U+1F469 U+1F3FD ZWJ U+2695 U+FE0F), then ب.
  const text = `${'ا'.repeat(100)}👩🏽‍⚕️ب`;
  it.each([
    [100, 100],
    [101, 100],
    [106, 100],
    [107, 107],
    [500, 108],
  ])('cut at %i units keeps %i', (max, kept) => {
    expect(cutAtGraphemeBoundary(text, max)).toHaveLength(kept);
  });
});

describe('withoutLoneSurrogates', () => {
  it.each([
    ['🔴\uD83D', '🔴'],
    ['\uDD34خبر', 'خبر'],
    ['🔴🔴', '🔴🔴'],
  ])('%j', (text, expected) => {
    expect(withoutLoneSurrogates(text)).toBe(expected);
  });
});

describe('graphemes without the segmenter', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const segments = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);
  const ranges = [
    [0x09, 0x0a],
    [0x20, 0x7e],
    [0xa0, 0x2ff],
    [0x60c, 0x60c],
    [0x61b, 0x61b],
    [0x61f, 0x61f],
    [0x621, 0x64a],
    [0x660, 0x66f],
    [0x671, 0x6d4],
    [0x2010, 0x2027],
    [0x2030, 0x205e],
  ];
  const simple = ranges.flatMap(([from, to]) =>
    Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCharCode(from! + i)),
  );

  it('cuts text of one-unit graphemes as ICU does: every pair of its characters is two graphemes', () => {
    for (const first of simple) {
      const text = simple.map((second) => first + second).join('');
      expect(graphemes(text)).toEqual(segments(text));
      expect(graphemes(text)).toHaveLength(text.length);
    }
  });

  it.each([
    'الحكومةُ تعلن النتائج',
    'عاجل: 🔴 انفجار',
    'قال\r\nإن',
    'ﷺ والسلام',
    '\u0600١٢ سنة',
    'لا\u200Dإله',
  ])('leaves other text to the segmenter: %s', (text) => {
    expect(graphemes(text)).toEqual(segments(text));
  });
});
