import { describe, expect, it } from 'vitest';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { mastheadDate } from './masthead-date.js';

/** The test page context's locale: Damascus, Latin digits, Levantine month names. */
const SYRIA = testPageContext().locale;

describe('mastheadDate', () => {
  it('prints the local day, with its weekday and the Hijri date when asked', () => {
    expect(mastheadDate(new Date('2020-01-18T09:43:00Z'), SYRIA, true)).toEqual({
      key: '2020-01-18',
      today: 'السبت 18 كانون الثاني 2020',
      hijri: '23 جمادى الأولى 1441 هـ',
    });
  });

  it('turns to the next day at the local midnight, not at UTC’s', () => {
    // Damascus is UTC+2 in winter: its 19 January starts at 22:00 UTC on the 18th.
    expect(mastheadDate(new Date('2020-01-18T21:59:00Z'), SYRIA, false).key).toBe('2020-01-18');
    expect(mastheadDate(new Date('2020-01-18T22:00:00Z'), SYRIA, false)).toEqual({
      key: '2020-01-19',
      today: 'الأحد 19 كانون الثاني 2020',
      hijri: null,
    });
  });

  it('goes back a day for an earlier clock, and follows another locale', () => {
    expect(mastheadDate(new Date('2020-01-19T10:00:00Z'), SYRIA, false).key).toBe('2020-01-19');
    expect(mastheadDate(new Date('2020-01-17T10:00:00Z'), SYRIA, false).key).toBe('2020-01-17');
    const arabicDigits = { ...SYRIA, numerals: 'arab' as const };
    expect(mastheadDate(new Date('2020-01-17T10:00:00Z'), arabicDigits, false).today).toBe(
      'الجمعة ١٧ كانون الثاني ٢٠٢٠',
    );
  });
});
