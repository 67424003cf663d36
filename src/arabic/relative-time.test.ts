import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './dates.js';

const NOW = new Date('2020-01-18T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ago = (ms: number): Date => new Date(NOW.getTime() - ms);

describe('formatRelativeTime', () => {
  it.each([
    ['the same instant', 0, 'latn', 'الآن'],
    ['59 seconds ago', 59 * SECOND, 'latn', 'الآن'],
    ['a future instant', -5 * MINUTE, 'latn', 'الآن'],
    ['one minute ago', MINUTE, 'latn', 'قبل دقيقة'],
    ['two minutes ago', 2 * MINUTE, 'latn', 'قبل دقيقتين'],
    ['three minutes ago', 3 * MINUTE, 'latn', 'قبل 3 دقائق'],
    ['ten minutes and 59 seconds ago', 10 * MINUTE + 59 * SECOND, 'latn', 'قبل 10 دقائق'],
    ['eleven minutes ago', 11 * MINUTE, 'latn', 'قبل 11 دقيقة'],
    ['eleven minutes ago in Arabic-Indic digits', 11 * MINUTE, 'arab', 'قبل ١١ دقيقة'],
    ['59 minutes ago', 59 * MINUTE, 'latn', 'قبل 59 دقيقة'],
    ['one hour ago', HOUR, 'latn', 'قبل ساعة'],
    ['two hours ago', 2 * HOUR, 'latn', 'قبل ساعتين'],
    ['three hours ago', 3 * HOUR, 'latn', 'قبل 3 ساعات'],
    ['eleven hours ago', 11 * HOUR, 'latn', 'قبل 11 ساعة'],
    ['23 hours ago in Arabic-Indic digits', 23 * HOUR, 'arab', 'قبل ٢٣ ساعة'],
    ['one day ago', DAY, 'latn', 'قبل يوم'],
    ['two days ago', 2 * DAY, 'latn', 'قبل يومين'],
    ['three days ago', 3 * DAY, 'latn', 'قبل 3 أيام'],
    ['exactly seven days ago', 7 * DAY, 'latn', 'قبل 7 أيام'],
  ] as const)('says %s as %s', (_name, elapsed, numerals, expected) => {
    expect(formatRelativeTime(ago(elapsed), NOW, numerals)).toBe(expected);
  });

  it.each([
    ['seven days and a second ago', 7 * DAY + SECOND],
    ['a month ago', 30 * DAY],
  ])('returns null %s so that callers print the date', (_name, elapsed) => {
    expect(formatRelativeTime(ago(elapsed), NOW, 'latn')).toBeNull();
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => formatRelativeTime(new Date(Number.NaN), NOW, 'latn')).toThrow(RangeError);
  });
});
