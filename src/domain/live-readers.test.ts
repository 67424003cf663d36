import { describe, expect, it } from 'vitest';
import type { ArticleId, ArticleSummary } from './article.js';
import {
  articlesReadNow,
  minuteSeries,
  series,
  viewHistory,
  type ArticleMinuteBucket,
} from './live-readers.js';

const t = (iso: string) => new Date(`2026-11-29T${iso}Z`);
const id = (n: string) => n as ArticleId;
const summary = (n: string): ArticleSummary => ({
  id: id(n),
  headline: `خبر ${n}`,
  excerpt: '',
  section: null,
  image: null,
  publishedAt: t('08:00:00'),
  publishedPrecision: 'minute',
  viewCount: 0,
});

describe('series', () => {
  it('adds buckets into their step, 0 elsewhere, and leaves out those outside or off a step', () => {
    const buckets = [
      { start: t('11:58:00'), views: 2 },
      { start: t('11:58:00'), views: 3 },
      { start: t('12:00:00'), views: 1 },
      { start: t('11:57:00'), views: 9 }, // before the series
      { start: t('12:01:00'), views: 9 }, // after it
      { start: t('11:59:30'), views: 9 }, // not a minute's start
    ];
    expect(minuteSeries(buckets, t('12:00:00'), 3)).toEqual([5, 0, 1]);
    expect(series([], t('12:00:00'), 0, 60_000)).toEqual([]);
  });
});

describe('articlesReadNow', () => {
  const bucket = (
    article: string,
    minute: string,
    referrer: ArticleMinuteBucket['referrer'],
    views: number,
  ): ArticleMinuteBucket => ({ articleId: id(article), minute: t(minute), referrer, views });
  const buckets = [
    bucket('10', '11:31:00', 'search', 4),
    bucket('10', '11:59:00', 'social', 1),
    bucket('20', '11:58:00', 'other', 2),
    bucket('20', '12:00:00', 'direct', 1),
    bucket('30', '12:00:00', 'search', 3),
    bucket('9', '12:00:00', 'search', 3),
    bucket('40', '12:00:00', 'direct', 5),
  ];
  const summaries = new Map(['10', '20', '30', '9'].map((n) => [id(n), summary(n)]));

  it('sums each window from its buckets, sorts by views then the newer id, drops unknown articles', () => {
    const rows = (window: number, limit = 10) =>
      articlesReadNow(
        buckets,
        summaries,
        ['40', '10', '20', '30', '9'].map(id),
        t('12:00:00'),
        window,
        limit,
      ).map((r) => [r.article.id, r.views, r.referrers]);
    expect(rows(5)).toEqual([
      ['30', 3, { search: 3, social: 0, direct: 0, other: 0 }],
      ['20', 3, { search: 0, social: 0, direct: 1, other: 2 }],
      ['9', 3, { search: 3, social: 0, direct: 0, other: 0 }],
      ['10', 1, { search: 0, social: 1, direct: 0, other: 0 }],
    ]);
    expect(rows(30)).toEqual([
      ['10', 5, { search: 4, social: 1, direct: 0, other: 0 }],
      ['30', 3, { search: 3, social: 0, direct: 0, other: 0 }],
      ['20', 3, { search: 0, social: 0, direct: 1, other: 2 }],
      ['9', 3, { search: 3, social: 0, direct: 0, other: 0 }],
    ]);
    expect(rows(30, 2).map((r) => r[0])).toEqual(['10', '30']);
  });

  it('draws a 30-minute sparkline per article, oldest first', () => {
    const [first] = articlesReadNow(buckets, summaries, [id('10')], t('12:00:00'), 30, 10);
    const expected = new Array<number>(30).fill(0);
    expected[0] = 4;
    expected[28] = 1;
    expect(first?.sparkline).toEqual(expected);
  });
});

describe('viewHistory', () => {
  it('goes by hour for a week, every hour from publication to now', () => {
    expect(
      viewHistory([{ start: t('10:00:00'), views: 4 }], t('08:30:00'), t('10:59:00'), 'UTC'),
    ).toEqual({
      unit: 'hour',
      points: [
        { start: t('08:00:00'), views: 0 },
        { start: t('09:00:00'), views: 0 },
        { start: t('10:00:00'), views: 4 },
      ],
      total: 4,
    });
  });

  it("goes by the site's day beyond a week", () => {
    const published = new Date('2026-11-20T20:30:00Z');
    const hours = [
      { start: new Date('2026-11-20T20:00:00Z'), views: 1 },
      // 22:00 UTC is already the 21st in Damascus (UTC+3).
      { start: new Date('2026-11-20T21:00:00Z'), views: 2 },
      { start: new Date('2026-11-21T05:00:00Z'), views: 3 },
      { start: new Date('2026-11-29T11:00:00Z'), views: 7 },
    ];
    const history = viewHistory(hours, published, t('12:00:00'), 'Asia/Damascus');
    expect(history.unit).toBe('day');
    expect(history.total).toBe(13);
    expect(history.points.map((p) => [p.start.toISOString(), p.views])).toEqual([
      ['2026-11-20T20:00:00.000Z', 1],
      ['2026-11-20T21:00:00.000Z', 5],
      ['2026-11-21T21:00:00.000Z', 0],
      ['2026-11-22T21:00:00.000Z', 0],
      ['2026-11-23T21:00:00.000Z', 0],
      ['2026-11-24T21:00:00.000Z', 0],
      ['2026-11-25T21:00:00.000Z', 0],
      ['2026-11-26T21:00:00.000Z', 0],
      ['2026-11-27T21:00:00.000Z', 0],
      ['2026-11-28T21:00:00.000Z', 7],
    ]);
  });
});
