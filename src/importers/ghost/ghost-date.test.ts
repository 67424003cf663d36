import { describe, expect, it } from 'vitest';
import { ghostDate } from './ghost-date.js';

describe('ghostDate', () => {
  it.each<[string | number, string]>([
    ['2021-01-03T10:00:00.000Z', '2021-01-03T10:00:00.000Z'],
    ['2021-01-03T13:00:00+03:00', '2021-01-03T10:00:00.000Z'],
    ['2021-01-03 10:00:00', '2021-01-03T10:00:00.000Z'],
    ['2021-01-03 10:00', '2021-01-03T10:00:00.000Z'],
    ['2021-01-03', '2021-01-03T00:00:00.000Z'],
    ['2021-01-03T10:00:00.123456Z', '2021-01-03T10:00:00.123Z'],
    [1609668000000, '2021-01-03T10:00:00.000Z'],
    ['1609668000000', '2021-01-03T10:00:00.000Z'],
  ])('reads %j as UTC', (value, iso) => {
    expect(ghostDate(value)?.toISOString()).toBe(iso);
  });

  it.each([null, '', '  '])('reads %j as no time', (value) => {
    expect(ghostDate(value)).toBeNull();
  });

  it.each([
    '2021-02-30 10:00:00',
    '2021-01-03 25:00:00',
    'أمس',
    'Sun Jan 03 2021',
    Number.NaN,
    1e17,
  ])('refuses %j', (value) => {
    expect(ghostDate(value)).toBeUndefined();
  });
});
