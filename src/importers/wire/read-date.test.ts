import { describe, expect, it } from 'vitest';
import { readAnyDate, readIsoDate, readRfc822Date } from './read-date.js';

function shown(date: ReturnType<typeof readAnyDate>): [string, number | null] | null {
  return date === null ? null : [date.at.toISOString(), date.offsetMinutes];
}

describe('readRfc822Date', () => {
  it.each([
    ['Fri, 04 Dec 2026 10:15:00 +0300', '2026-12-04T07:15:00.000Z', 180],
    ['Fri, 04 Dec 2026 08:05:00 GMT', '2026-12-04T08:05:00.000Z', 0],
    ['Thu, 3 Dec 2026 23:40 EST', '2026-12-04T04:40:00.000Z', -300],
    ['04 Dec 2026 10:15:00 PDT', '2026-12-04T17:15:00.000Z', -420],
    ['Fri, 04 Dec 26 10:15:00 UT', '2026-12-04T10:15:00.000Z', 0],
    ['Sat, 01 Jan 99 00:00:00 Z', '1999-01-01T00:00:00.000Z', 0],
    ['Friday, 04-Dec-2026 10:15:00 +05:30', '2026-12-04T04:45:00.000Z', 330],
    ['Fri, 04 Dec 2026 10:15:00 -0000', '2026-12-04T10:15:00.000Z', null],
    ['Fri, 04 Dec 2026 10:15:00 A', '2026-12-04T10:15:00.000Z', null],
    ['Fri, 04 Dec 2026 10:15:00', '2026-12-04T10:15:00.000Z', null],
    ['Fri, 04 Dec 2026 10:15:00 +0300 (AST)', '2026-12-04T07:15:00.000Z', 180],
  ])('reads %s', (text, iso, offset) => {
    expect(shown(readRfc822Date(text))).toEqual([iso, offset]);
  });

  it.each([
    '',
    'yesterday',
    'Fri, 31 Apr 2026 10:00:00 GMT',
    'Fri, 04 Foo 2026 10:00:00 GMT',
    'Fri, 04 Dec 2026 25:00:00 GMT',
    'Fri, 04 Dec 2026 10:00:00 XYZ',
  ])('refuses «%s»', (text) => {
    expect(readRfc822Date(text)).toBeNull();
  });
});

describe('readIsoDate', () => {
  it.each([
    ['2026-12-04T10:15:00+03:00', '2026-12-04T07:15:00.000Z', 180],
    ['2026-12-04T10:15:00.5Z', '2026-12-04T10:15:00.500Z', 0],
    ['2026-12-04t10:15:00-04:30', '2026-12-04T14:45:00.000Z', -270],
    ['2026-12-04T10:15+0300', '2026-12-04T07:15:00.000Z', 180],
    ['2026-12-04T10:15:00', '2026-12-04T10:15:00.000Z', null],
    ['2026-12-04', '2026-12-04T00:00:00.000Z', null],
    ['20261204T101500+0300', '2026-12-04T07:15:00.000Z', 180],
    ['20261204T101500Z', '2026-12-04T10:15:00.000Z', 0],
    ['20261204T1015-05', '2026-12-04T15:15:00.000Z', -300],
    ['20261204', '2026-12-04T00:00:00.000Z', null],
  ])('reads %s', (text, iso, offset) => {
    expect(shown(readIsoDate(text))).toEqual([iso, offset]);
  });

  it.each([
    '',
    '2026-02-30T00:00:00Z',
    '2026-12-04T10:15:00+25:00',
    '2026/12/04',
    'Fri, 04 Dec 2026',
  ])('refuses «%s»', (text) => {
    expect(readIsoDate(text)).toBeNull();
  });
});

describe('readAnyDate', () => {
  it('reads an ISO date where RSS wants RFC 822', () => {
    expect(shown(readAnyDate('2026-12-04T10:15:00+03:00'))).toEqual([
      '2026-12-04T07:15:00.000Z',
      180,
    ]);
  });
});
