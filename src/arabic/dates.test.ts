import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatHijriDate, formatTime, localDateKey } from './dates.js';
import type { SiteLocale } from './locale.js';

const SYRIA: SiteLocale = {
  lang: 'ar',
  dir: 'rtl',
  timeZone: 'Asia/Damascus',
  numerals: 'latn',
  monthNames: 'levant',
  calendar: 'gregory',
};
const site = (overrides: Partial<SiteLocale>): SiteLocale => ({ ...SYRIA, ...overrides });

/** 11:43 on Saturday 18 January 2020 in Damascus (UTC+2 in winter). */
const WINTER_MORNING = new Date('2020-01-18T09:43:00Z');

describe('formatDate', () => {
  it.each([
    ['Levant month names', site({}), '18 كانون الثاني 2020'],
    ['Arabic-Indic digits', site({ numerals: 'arab' }), '١٨ كانون الثاني ٢٠٢٠'],
    ['Egyptian month names', site({ monthNames: 'egypt' }), '18 يناير 2020'],
    ['Maghreb month names', site({ monthNames: 'maghreb' }), '18 جانفي 2020'],
    [
      'dual month names as BBC Arabic prints them',
      site({ monthNames: 'dual' }),
      '18 يناير/ كانون الثاني 2020',
    ],
    ['the Umm al-Qura calendar', site({ calendar: 'islamic-umalqura' }), '23 جمادى الأولى 1441 هـ'],
  ])('prints the date with %s', (_name, locale, expected) => {
    expect(formatDate(WINTER_MORNING, locale)).toBe(expected);
  });

  it.each([
    ['a Gregorian date', site({}), 'السبت 18 كانون الثاني 2020'],
    ['a Hijri date', site({ calendar: 'islamic-umalqura' }), 'السبت 23 جمادى الأولى 1441 هـ'],
    ['Arabic-Indic digits', site({ numerals: 'arab' }), 'السبت ١٨ كانون الثاني ٢٠٢٠'],
  ])('prefixes the weekday to %s', (_name, locale, expected) => {
    expect(formatDate(WINTER_MORNING, locale, { weekday: true })).toBe(expected);
  });

  it.each([
    [
      'Damascus is past midnight while UTC is still on the 1st',
      '2020-07-01T21:30:00Z',
      'Asia/Damascus',
      '2 تموز 2020',
    ],
    [
      'New York is still on the 17th while UTC is on the 18th',
      '2020-01-18T00:30:00Z',
      'America/New_York',
      '17 كانون الثاني 2020',
    ],
    [
      'Riyadh is on the last day of the year',
      '2019-12-31T20:59:00Z',
      'Asia/Riyadh',
      '31 كانون الأول 2019',
    ],
    ['Riyadh has begun the new year', '2019-12-31T21:00:00Z', 'Asia/Riyadh', '1 كانون الثاني 2020'],
  ])('uses the local day when %s', (_name, iso, timeZone, expected) => {
    expect(formatDate(new Date(iso), site({ timeZone }))).toBe(expected);
  });

  it('throws a RangeError naming an unknown time zone', () => {
    expect(() => formatDate(WINTER_MORNING, site({ timeZone: 'Asia/Atlantis' }))).toThrow(
      new RangeError('unknown time zone: Asia/Atlantis'),
    );
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => formatDate(new Date('not a date'), SYRIA)).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  it.each([
    ['winter time is UTC+2 in Damascus in 2020', '2020-01-18T09:43:00Z', 'latn', '11:43'],
    ['Arabic-Indic digits keep the colon', '2020-01-18T09:43:00Z', 'arab', '١١:٤٣'],
    ['summer time is UTC+3 in Damascus in 2020', '2020-07-01T09:43:00Z', 'latn', '12:43'],
    [
      'the last minute before the clocks went forward on 27 March 2020',
      '2020-03-26T21:59:00Z',
      'latn',
      '23:59',
    ],
    ['the first minute after the clocks went forward', '2020-03-26T22:00:00Z', 'latn', '01:00'],
    [
      'the last minute before the clocks went back on 30 October 2020',
      '2020-10-29T20:59:00Z',
      'latn',
      '23:59',
    ],
    ['half an hour after the clocks went back', '2020-10-29T21:30:00Z', 'latn', '23:30'],
    ['midnight has leading zeros', '2020-01-17T22:00:00Z', 'latn', '00:00'],
    ['a single-digit hour has a leading zero', '2020-01-18T07:05:00Z', 'arab', '٠٩:٠٥'],
  ] as const)('prints %s', (_name, iso, numerals, expected) => {
    expect(formatTime(new Date(iso), site({ numerals }))).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it.each([
    ['Latin digits', site({}), '18 كانون الثاني 2020، 11:43'],
    ['Arabic-Indic digits', site({ numerals: 'arab' }), '١٨ كانون الثاني ٢٠٢٠، ١١:٤٣'],
    ['dual month names', site({ monthNames: 'dual' }), '18 يناير/ كانون الثاني 2020، 11:43'],
  ])('joins date and time with the Arabic comma in %s', (_name, locale, expected) => {
    expect(formatDateTime(WINTER_MORNING, locale)).toBe(expected);
  });
});

describe('formatHijriDate', () => {
  it.each([
    ['a Gregorian site', site({}), {}, '23 جمادى الأولى 1441 هـ'],
    ['Arabic-Indic digits', site({ numerals: 'arab' }), {}, '٢٣ جمادى الأولى ١٤٤١ هـ'],
    ['the weekday', site({}), { weekday: true }, 'السبت 23 جمادى الأولى 1441 هـ'],
  ])('prints the Umm al-Qura date for %s', (_name, locale, opts, expected) => {
    expect(formatHijriDate(WINTER_MORNING, locale, opts)).toBe(expected);
  });

  it.each([
    ['the evening before 1 Ramadan 1441 in Riyadh', '2020-04-23T20:59:00Z', '30 شعبان 1441 هـ'],
    ['local midnight starting 1 Ramadan 1441 in Riyadh', '2020-04-23T21:00:00Z', '1 رمضان 1441 هـ'],
    ['10 Dhu al-Hijjah 1445', '2024-06-16T12:00:00Z', '10 ذو الحجة 1445 هـ'],
  ])('changes day at local midnight: %s', (_name, iso, expected) => {
    expect(formatHijriDate(new Date(iso), site({ timeZone: 'Asia/Riyadh' }))).toBe(expected);
  });
});

describe('localDateKey', () => {
  it.each([
    ['a winter morning in Damascus', '2020-01-18T09:43:00Z', 'Asia/Damascus', '2020-01-18'],
    [
      'just after local midnight in Damascus summer time',
      '2020-07-01T21:30:00Z',
      'Asia/Damascus',
      '2020-07-02',
    ],
    [
      'just before local midnight in Damascus summer time',
      '2020-07-01T20:59:00Z',
      'Asia/Damascus',
      '2020-07-01',
    ],
    ['the evening before in New York', '2020-01-18T00:30:00Z', 'America/New_York', '2020-01-17'],
    ['UTC itself', '2020-01-18T23:59:00Z', 'UTC', '2020-01-18'],
  ])('gives the local day for %s', (_name, iso, timeZone, expected) => {
    expect(localDateKey(new Date(iso), timeZone)).toBe(expected);
  });

  it('throws a RangeError naming an unknown time zone', () => {
    expect(() => localDateKey(WINTER_MORNING, 'Mars/Olympus')).toThrow(
      new RangeError('unknown time zone: Mars/Olympus'),
    );
  });
});
