import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS, cleanLine, cleanText, describeTooLong, tooLong } from './field-limits.js';

describe('cleanLine', () => {
  it.each([
    ['a control character in a headline is removed', 'وقف\u0001 إطلاق النار', 'وقف إطلاق النار'],
    ['a disguised file name loses its override', '\u202Egnp.exe', 'gnp.exe'],
    ['an isolate around a name is removed', '\u2067سامر الحلبي\u2069', 'سامر الحلبي'],
    ['RLM before a number stays', 'قتلى\u200F 12', 'قتلى\u200F 12'],
    ['line breaks and tabs become one space', 'سطر\r\n\tثان', 'سطر ثان'],
    ['a removed character does not leave two spaces', 'a \u0008 b', 'a b'],
    ['lone surrogates and U+FFFF are removed', '\uD83D\uFFFFحلب', 'حلب'],
    ['an emoji stays', '📰 خبر', '📰 خبر'],
    ['only forbidden characters leave an empty line', '\u0001\u202E\uFFFE', ''],
  ])('%s', (_name, input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });
});

describe('cleanText', () => {
  it.each([
    ['keeps line breaks and removes controls', 'سطر\u000C\nسطر', 'سطر\nسطر'],
    ['keeps bidi controls (the body sanitiser decides)', '\u202Eنص', '\u202Eنص'],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('tooLong', () => {
  it.each([
    ['a headline of 300 characters fits', 'headline', 'خ'.repeat(300), null],
    [
      'a headline of 301 characters does not',
      'headline',
      'خ'.repeat(301),
      { field: 'headline', max: 300, length: 301 },
    ],
    ['150 emoji are 300 UTF-16 units but 150 characters', 'headline', '📰'.repeat(300), null],
    [
      'a tag of 61 characters does not fit',
      'tag',
      'و'.repeat(61),
      { field: 'tag', max: 60, length: 61 },
    ],
  ] as const)('%s', (_name, field, value, expected) => {
    expect(tooLong(field, value)).toEqual(expected);
  });

  it('describes the problem with the field, the length and the limit', () => {
    expect(describeTooLong({ field: 'headline', max: 300, length: 3_000_000 })).toBe(
      'headline: 3000000 characters, at most 300',
    );
  });

  it('keeps the limits the editor has always had', () => {
    expect(FIELD_LIMITS).toMatchObject({ headline: 300, excerpt: 600, tag: 60, tags: 20 });
  });
});
