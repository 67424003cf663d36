import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, nextLocalMidnight, wallClockToUtc, zonedIsoString } from './time-zone.js';

const wall = { year: 2020, month: 1, day: 18, hour: 11, minute: 43 };

describe('wallClockToUtc', () => {
  it.each([
    ['Asia/Damascus', '2020-01-18T09:43:00.000Z'],
    ['UTC', '2020-01-18T11:43:00.000Z'],
    ['UTC+03:00', '2020-01-18T08:43:00.000Z'],
    ['America/New_York', '2020-01-18T16:43:00.000Z'],
  ])('reads the wall clock in %s', (zone, expected) => {
    expect(wallClockToUtc(wall, zone).toISOString()).toBe(expected);
  });

  it('moves a time in a spring-forward gap forward (Europe/Berlin, 2024-03-31 02:30)', () => {
    const gap = { year: 2024, month: 3, day: 31, hour: 2, minute: 30 };
    expect(wallClockToUtc(gap, 'Europe/Berlin').toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  it('refuses an unknown zone and a day that does not exist', () => {
    expect(() => wallClockToUtc(wall, 'Mars/Olympus')).toThrow('unknown time zone: Mars/Olympus');
    expect(() => wallClockToUtc({ ...wall, month: 2, day: 30 }, 'UTC')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA names and nothing else', () => {
    expect([isValidTimeZone('Africa/Tunis'), isValidTimeZone('Mars/Olympus')]).toEqual([
      true,
      false,
    ]);
  });
});

describe('zonedIsoString', () => {
  it.each([
    ['Asia/Damascus', '2020-01-18T11:43:00+02:00'],
    ['UTC', '2020-01-18T09:43:00Z'],
    ['Asia/Kolkata', '2020-01-18T15:13:00+05:30'],
    ['America/New_York', '2020-01-18T04:43:00-05:00'],
  ])('writes the instant in %s with its offset', (zone, expected) => {
    expect(zonedIsoString(new Date('2020-01-18T09:43:00.000Z'), zone)).toBe(expected);
  });

  it('refuses an unknown zone', () => {
    expect(() => zonedIsoString(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
  });

  it.each([
    'Asia/Damascus',
    'Asia/Riyadh',
    'Africa/Cairo',
    'Africa/Casablanca',
    'Europe/London',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Etc/UTC',
    'UTC',
    'GMT',
    'UTC+03:00',
  ])('writes what Luxon writes in %s, across the years and their clock changes', (zone) => {
    // Every 31 h 13 min 17.123 s from 1979 to 2031: every hour of the day, the days around each change, half on whole seconds.
    const step = ((31 * 60 + 13) * 60 + 17) * 1000 + 123;
    for (let at = Date.UTC(1979, 0, 1); at < Date.UTC(2031, 0, 1); at += step) {
      const instant = new Date(at % 2 === 0 ? at - (at % 1000) : at);
      const luxon = DateTime.fromJSDate(instant, { zone }).toISO({
        suppressMilliseconds: true,
        includeOffset: true,
      });
      if (zonedIsoString(instant, zone) !== luxon)
        expect([instant.toISOString(), zonedIsoString(instant, zone)]).toEqual([
          instant.toISOString(),
          luxon,
        ]);
    }
  });
});

describe('nextLocalMidnight', () => {
  it.each([
    ['2020-01-18T09:43:00Z', 'Asia/Damascus', '2020-01-18T22:00:00.000Z'],
    ['2020-01-18T22:30:00Z', 'Asia/Damascus', '2020-01-19T22:00:00.000Z'],
    ['2026-12-04T23:59:00Z', 'UTC', '2026-12-05T00:00:00.000Z'],
    ['2026-12-04T20:00:00Z', 'Asia/Riyadh', '2026-12-04T21:00:00.000Z'],
  ])('the day after %s in %s starts at %s', (instant, zone, expected) => {
    expect(nextLocalMidnight(new Date(instant), zone).toISOString()).toBe(expected);
  });

  it('answers from the day it keeps only within that day, in that zone', () => {
    const days = [
      ['2020-01-18T09:43:00Z', 'Asia/Damascus'],
      ['2020-01-18T21:59:59.999Z', 'Asia/Damascus'],
      ['2020-01-18T22:00:00Z', 'Asia/Damascus'],
      ['2020-01-18T21:59:59.999Z', 'Asia/Damascus'],
      ['2020-01-17T22:00:00Z', 'Asia/Damascus'],
      ['2020-01-17T21:59:59.999Z', 'Asia/Damascus'],
      ['2020-01-18T21:59:59.999Z', 'UTC'],
      ['2020-01-18T21:59:59.999Z', 'Asia/Damascus'],
    ].map(([instant, zone]) => nextLocalMidnight(new Date(instant!), zone!).toISOString());
    expect(days).toEqual([
      '2020-01-18T22:00:00.000Z',
      '2020-01-18T22:00:00.000Z',
      '2020-01-19T22:00:00.000Z',
      '2020-01-18T22:00:00.000Z',
      '2020-01-18T22:00:00.000Z',
      '2020-01-17T22:00:00.000Z',
      '2020-01-19T00:00:00.000Z',
      '2020-01-18T22:00:00.000Z',
    ]);
  });
});
