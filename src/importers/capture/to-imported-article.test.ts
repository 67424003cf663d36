import { describe, expect, it } from 'vitest';
import type { ParsedCapture } from './parse-capture.js';
import { toImportedArticle } from './to-imported-article.js';
import { importWarning } from '../../services/import-warning.js';

const NOTE = importWarning('CAPTURE_NO_LINK', 'note');

const parsed = (over: Partial<ParsedCapture>): ParsedCapture => ({
  headline: 'خبر',
  shortLink: 'https://example.net/a/42',
  id: '42',
  views: 7,
  date: null,
  time: null,
  paragraphs: ['فقرة'],
  readAlso: [],
  moreHeadlines: [],
  byline: null,
  section: null,
  warnings: [],
  timeZone: null,
  ...over,
});
const DAMASCUS = { timeZone: 'Asia/Damascus' };

describe('toImportedArticle', () => {
  it('dates the article with the page date and time, in the given zone', () => {
    const { article, warnings } = toImportedArticle(
      parsed({ date: { year: 2020, month: 7, day: 1 }, time: { hour: 0, minute: 30 } }),
      DAMASCUS,
    );
    // Damascus kept summer time (UTC+3) in 2020: 00:30 local is 21:30 UTC the day before.
    expect(article.publishedAt?.toISOString()).toBe('2020-06-30T21:30:00.000Z');
    expect(article.publishedLocalTime).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('takes the date from the options when the page prints only a time', () => {
    const { article, warnings } = toImportedArticle(parsed({ time: { hour: 11, minute: 43 } }), {
      ...DAMASCUS,
      date: { year: 2020, month: 1, day: 18 },
    });
    expect(article.publishedAt?.toISOString()).toBe('2020-01-18T09:43:00.000Z');
    expect(warnings).toEqual([]);
  });

  it('keeps the time and leaves the date unknown, with a warning, when nobody gives the date', () => {
    const { article, warnings } = toImportedArticle(
      parsed({ time: { hour: 9, minute: 5 } }),
      DAMASCUS,
    );
    expect(article.publishedAt).toBeNull();
    expect(article.publishedLocalTime).toBe('09:05');
    expect(warnings).toEqual([
      {
        code: 'CAPTURE_NO_DATE',
        message:
          'The capture shows a publish time, 09:05, but no date, so the date is left empty: give it with --date YYYY-MM-DD.',
      },
    ]);
  });

  it('prefers the page date over the option and says so', () => {
    const { article, warnings } = toImportedArticle(
      parsed({ date: { year: 2021, month: 3, day: 4 }, time: { hour: 12, minute: 0 } }),
      { ...DAMASCUS, date: { year: 2020, month: 1, day: 18 } },
    );
    expect(article.publishedAt?.toISOString()).toBe('2021-03-04T10:00:00.000Z');
    expect(warnings).toEqual([
      {
        code: 'CAPTURE_DATE_OPTION_UNUSED',
        message: 'The capture prints the date 2021-03-04, so --date 2020-01-18 was not used.',
      },
    ]);
  });

  it('dates a page without a time by its day alone and says so', () => {
    const { article, warnings } = toImportedArticle(
      parsed({ date: { year: 2020, month: 1, day: 18 } }),
      DAMASCUS,
    );
    expect(article.publishedAt?.toISOString()).toBe('2020-01-17T22:00:00.000Z');
    expect(article.publishedPrecision).toBe('day');
    expect(warnings).toEqual([
      {
        code: 'CAPTURE_NO_TIME',
        message: 'The capture prints no time, so the article is dated by its day alone.',
      },
    ]);
  });

  it('uses the time zone the page names over the one given in the options', () => {
    const at = (timeZone: string) =>
      toImportedArticle(
        parsed({ date: { year: 2024, month: 3, day: 12 }, time: { hour: 8, minute: 0 }, timeZone }),
        DAMASCUS,
      ).article.publishedAt?.toISOString();
    expect(at('UTC')).toBe('2024-03-12T08:00:00.000Z');
    expect(at('Asia/Riyadh')).toBe('2024-03-12T05:00:00.000Z');
    expect(at('+03:00')).toBe('2024-03-12T05:00:00.000Z');
    expect(at('-05:30')).toBe('2024-03-12T13:30:00.000Z');
  });

  it('keeps the parser warnings and maps the rest unchanged', () => {
    const { article, warnings } = toImportedArticle(
      parsed({ warnings: [NOTE], byline: 'Reuters (UK)', section: 'سياسة', views: null }),
      { ...DAMASCUS, date: { year: 2020, month: 1, day: 18 } },
    );
    expect(warnings[0]).toBe(NOTE);
    expect(article).toMatchObject({
      id: '42',
      byline: 'Reuters (UK)',
      sectionName: 'سياسة',
      views: 0,
      sourceUrl: 'https://example.net/a/42',
    });
  });

  it('drops an id that is not a valid article id', () => {
    expect(toImportedArticle(parsed({ id: '0' }), DAMASCUS).article.id).toBeNull();
  });
});
