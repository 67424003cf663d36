import { describe, expect, it } from 'vitest';
import { gregorianMonthName, hijriMonthName, weekdayName } from './calendar-names.js';

describe('gregorianMonthName', () => {
  it.each([
    [2, 'egypt', 'فبراير'],
    [2, 'levant', 'شباط'],
    [2, 'maghreb', 'فيفري'],
    [2, 'dual', 'فبراير/ شباط'],
    [12, 'levant', 'كانون الأول'],
    [7, 'maghreb', 'جويلية'],
  ] as const)('names month %d in the %s style %s', (month, style, expected) => {
    expect(gregorianMonthName(month, style)).toBe(expected);
  });

  it.each([0, 13])('throws a RangeError for month %d', (month) => {
    expect(() => gregorianMonthName(month, 'egypt')).toThrow(RangeError);
  });
});

describe('hijriMonthName', () => {
  it.each([
    [1, 'محرم'],
    [4, 'ربيع الآخر'],
    [6, 'جمادى الآخرة'],
    [12, 'ذو الحجة'],
  ])('names Hijri month %d %s', (month, expected) => {
    expect(hijriMonthName(month)).toBe(expected);
  });
});

describe('weekdayName', () => {
  it.each([
    [0, 'الأحد'],
    [5, 'الجمعة'],
    [6, 'السبت'],
  ])('names weekday %d %s', (day, expected) => {
    expect(weekdayName(day)).toBe(expected);
  });
});
