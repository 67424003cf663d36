import { describe, expect, it } from 'vitest';
import { monthRange } from './sitemap-entries.js';

describe('monthRange', () => {
  it.each([
    ['Asia/Riyadh', 2026, 4, '2026-03-31T21:00:00.000Z', '2026-04-30T21:00:00.000Z'],
    ['Asia/Riyadh', 2026, 12, '2026-11-30T21:00:00.000Z', '2026-12-31T21:00:00.000Z'],
    ['Asia/Damascus', 2020, 1, '2019-12-31T22:00:00.000Z', '2020-01-31T22:00:00.000Z'],
    // Summer time starts on 29 March: the month is an hour shorter.
    ['Europe/London', 2026, 3, '2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
    ['America/Sao_Paulo', 2026, 5, '2026-05-01T03:00:00.000Z', '2026-06-01T03:00:00.000Z'],
    ['UTC', 2026, 2, '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
  ])('gives %s %i-%i as [%s, %s)', (zone, year, month, from, to) => {
    const range = monthRange(year, month, zone);
    expect(range).toEqual({ from: new Date(from), to: new Date(to) });
  });
});
