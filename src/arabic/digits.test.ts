import { describe, expect, it } from 'vitest';
import { formatDigits, formatNumber, toArabicIndicDigits, toLatinDigits } from './digits.js';

describe('toLatinDigits', () => {
  it.each([
    ['Arabic-Indic digits become 0–9', '١٤ شباط ٢٠١٠', '14 شباط 2010'],
    ['Persian digits become 0–9', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['Latin digits and separators are left alone', '1,234 ٬ ٫', '1,234 ٬ ٫'],
  ])('%s', (_name, input, expected) => {
    expect(toLatinDigits(input)).toBe(expected);
  });
});

describe('toArabicIndicDigits', () => {
  it.each([
    ['Latin digits become Arabic-Indic', '0123456789', '٠١٢٣٤٥٦٧٨٩'],
    ['the colon of a time is kept', '11:43', '١١:٤٣'],
    ['Persian digits are left alone', '۴', '۴'],
  ])('%s', (_name, input, expected) => {
    expect(toArabicIndicDigits(input)).toBe(expected);
  });
});

describe('formatDigits', () => {
  it.each([
    ['latn turns Arabic-Indic digits Latin', '٢٠٢٠/٠١/١٨', 'latn', '2020/01/18'],
    ['arab turns Latin digits Arabic-Indic', '2020/01/18', 'arab', '٢٠٢٠/٠١/١٨'],
    ['arab turns Persian digits Arabic-Indic', '۴ و 5', 'arab', '٤ و ٥'],
  ] as const)('%s', (_name, input, numerals, expected) => {
    expect(formatDigits(input, numerals)).toBe(expected);
  });
});

describe('formatNumber', () => {
  it.each([
    ['zero in Latin digits', 0, 'latn', '0'],
    ['zero in Arabic-Indic digits', 0, 'arab', '٠'],
    ['999 is not grouped', 999, 'latn', '999'],
    ['1000 is grouped', 1000, 'latn', '1,000'],
    ['1234 is grouped with a comma', 1234, 'latn', '1,234'],
    ['1234 is grouped with U+066C in Arabic-Indic digits', 1234, 'arab', '١٬٢٣٤'],
    ['a negative number gets a leading hyphen-minus', -1234567, 'latn', '-1,234,567'],
    ['a negative Arabic-Indic number gets a leading hyphen-minus', -1234567, 'arab', '-١٬٢٣٤٬٥٦٧'],
    ['negative zero prints as zero', -0, 'latn', '0'],
    ['a large integer is printed in full', 1e21, 'latn', '1,000,000,000,000,000,000,000'],
  ] as const)('%s', (_name, n, numerals, expected) => {
    expect(formatNumber(n, numerals)).toBe(expected);
  });

  it.each([
    ['a fraction', 2.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('throws a RangeError for %s', (_name, n) => {
    expect(() => formatNumber(n, 'latn')).toThrow(RangeError);
  });
});
