/**
 * «القرّاء الآن» (issue 19): what the newsroom's live page shows, and the
 * arithmetic that turns the minute and hour buckets of views into it. Pure:
 * no I/O; the buckets are read by services/live-readers.ts.
 *
 * Every minute and hour here is a bucket's start in UTC; a series is
 * oldest first and holds one figure per minute (or hour, or day) of its
 * span, 0 where no views were counted. The current minute is in the series
 * too, though it is still filling (views reach the buckets at each flush of
 * every instance's counter, MIDAD_VIEW_FLUSH_MS).
 */
import { localDateKey } from '../arabic/dates.js';
import type { ArticleId, ArticleSummary } from './article.js';
import { REFERRER_KINDS, type ReferrerKind } from './referrer-kind.js';

/** Minutes of the site-wide chart: the last hour, the current minute last. */
export const LIVE_CHART_MINUTES = 60;
/** Minutes of each article's sparkline (and of the longer top list). */
export const LIVE_SPARK_MINUTES = 30;
/** The two windows of the top lists, in minutes. */
export const LIVE_WINDOWS = [5, 30] as const;
export type LiveWindow = (typeof LIVE_WINDOWS)[number];
/** Articles in each top list. */
export const LIVE_TOP_LIMIT = 10;

/** Views by kind of referrer. */
export type ReferrerSplit = Record<ReferrerKind, number>;

/** An article read right now. */
export interface ArticleReadNow {
  article: ArticleSummary;
  /** Views in the window (the sum of `referrers`). */
  views: number;
  /** The window's views by where the readers came from. */
  referrers: ReferrerSplit;
  /** Views per minute over the last LIVE_SPARK_MINUTES minutes, oldest first. */
  sparkline: number[];
}

/** The figures of «القرّاء الآن» at one moment. */
export interface LiveReaders {
  /** The current minute's start, UTC: the last figure of every series. */
  minute: Date;
  /** Site-wide views per minute, LIVE_CHART_MINUTES figures, oldest first. */
  perMinute: number[];
  /** Site-wide views of the hour by where the readers came from. */
  referrers: ReferrerSplit;
  /** The articles most read in the last 5 and 30 minutes (the current one included), most first. */
  top: Record<LiveWindow, ArticleReadNow[]>;
}

/** A bucket of views: its start (UTC) and its views. */
export interface ViewBucket {
  readonly start: Date;
  readonly views: number;
}

/** One article's views in one minute from one kind of referrer. */
export interface ArticleMinuteBucket {
  readonly articleId: ArticleId;
  readonly minute: Date;
  readonly referrer: ReferrerKind;
  readonly views: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The start of the UTC minute of `at`. */
export function startOfMinute(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
}

/** The start of the UTC hour of `at`. */
export function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** A split with 0 of every kind. */
export function emptySplit(): ReferrerSplit {
  return { search: 0, social: 0, direct: 0, other: 0 };
}

/** The sum of a split's four figures. */
export function splitTotal(split: ReferrerSplit): number {
  let total = 0;
  for (const kind of REFERRER_KINDS) total += split[kind];
  return total;
}

/**
 * Buckets added up into a series of `count` steps of `stepMs` ending with
 * the step that starts at `last`: figure i is the views of the step
 * starting at `last - (count - 1 - i) × stepMs`. Buckets outside the
 * series, or not on a step's start, are left out.
 *
 * @example series([{ start: 12:59, views: 3 }], 13:00, 3, 60_000) // [0, 3, 0]
 */
export function series(
  buckets: Iterable<ViewBucket>,
  last: Date,
  count: number,
  stepMs: number,
): number[] {
  const out = new Array<number>(Math.max(0, count)).fill(0);
  const first = last.getTime() - (count - 1) * stepMs;
  for (const bucket of buckets) {
    const offset = bucket.start.getTime() - first;
    if (offset < 0 || offset % stepMs !== 0) continue;
    const i = offset / stepMs;
    if (i < count) out[i] = (out[i] ?? 0) + bucket.views;
  }
  return out;
}

/** Per-minute figures of the `count` minutes ending with the minute starting at `last`. */
export function minuteSeries(buckets: Iterable<ViewBucket>, last: Date, count: number): number[] {
  return series(buckets, last, count, MINUTE_MS);
}

/**
 * The figures of the top lists from the minute buckets of the articles
 * shown (`buckets`, at least the last LIVE_SPARK_MINUTES minutes up to
 * `minute`) and their summaries, in the order given by `ranked` (ids most
 * read first, as the database ranked them). An id without a summary (an
 * article unpublished meanwhile) is left out; the list is sorted again by
 * the views summed here (then the newer id first), so that its figures and
 * its order always agree, and cut to `limit`.
 */
export function articlesReadNow(
  buckets: readonly ArticleMinuteBucket[],
  summaries: ReadonlyMap<ArticleId, ArticleSummary>,
  ranked: readonly ArticleId[],
  minute: Date,
  windowMinutes: number,
  limit: number,
): ArticleReadNow[] {
  const since = minute.getTime() - (windowMinutes - 1) * MINUTE_MS;
  const byArticle = new Map<ArticleId, ArticleMinuteBucket[]>();
  for (const bucket of buckets) {
    let list = byArticle.get(bucket.articleId);
    if (!list) byArticle.set(bucket.articleId, (list = []));
    list.push(bucket);
  }
  const rows: ArticleReadNow[] = [];
  for (const id of ranked) {
    const article = summaries.get(id);
    if (!article) continue;
    const own = byArticle.get(id) ?? [];
    const referrers = emptySplit();
    for (const b of own) {
      const at = b.minute.getTime();
      if (at >= since && at <= minute.getTime()) referrers[b.referrer] += b.views;
    }
    const views = splitTotal(referrers);
    if (views === 0) continue;
    const sparkline = minuteSeries(
      own.map((b) => ({ start: b.minute, views: b.views })),
      minute,
      LIVE_SPARK_MINUTES,
    );
    rows.push({ article, views, referrers, sparkline });
  }
  rows.sort((a, b) => b.views - a.views || compareIdsDescending(a.article.id, b.article.id));
  return rows.slice(0, limit);
}

/** Newer (larger) ids first: ids are decimal strings that may pass 2^53. */
function compareIdsDescending(a: ArticleId, b: ArticleId): number {
  if (a.length !== b.length) return b.length - a.length;
  return a < b ? 1 : a > b ? -1 : 0;
}

/** How an article's views since publication are drawn in the newsroom. */
export interface ArticleViewHistory {
  /** `hour` when the span is at most HISTORY_HOURS_MAX hours, else `day` (site days). */
  unit: 'hour' | 'day';
  /** One bucket per hour (UTC) or day (the site's, its start as the first hour counted in it), oldest first. */
  points: ViewBucket[];
  /** The sum of the points. */
  total: number;
}

/** Drawn by hour up to this many hours (7 days); by day beyond. */
export const HISTORY_HOURS_MAX = 7 * 24;
/** Days drawn at most (the last year); older views are in the total count only. */
export const HISTORY_DAYS_MAX = 366;

/**
 * An article's views since `publishedAt` up to `now`, from its hourly
 * buckets: by hour (every hour from the hour of publication to the
 * current one, 0 where none) when that is at most HISTORY_HOURS_MAX hours,
 * else by the site's calendar day (`timeZone`), at most the last
 * HISTORY_DAYS_MAX days. An hourly bucket belongs to the day of its start.
 */
export function viewHistory(
  hours: readonly ViewBucket[],
  publishedAt: Date,
  now: Date,
  timeZone: string,
): ArticleViewHistory {
  const firstHour = startOfHour(publishedAt);
  const lastHour = startOfHour(now);
  const spanHours = Math.max(
    1,
    Math.round((lastHour.getTime() - firstHour.getTime()) / HOUR_MS) + 1,
  );
  if (spanHours <= HISTORY_HOURS_MAX) {
    const figures = series(
      hours.map((h) => ({ start: h.start, views: h.views })),
      lastHour,
      spanHours,
      HOUR_MS,
    );
    const points = figures.map((views, i) => ({
      start: new Date(firstHour.getTime() + i * HOUR_MS),
      views,
    }));
    return { unit: 'hour', points, total: figures.reduce((a, b) => a + b, 0) };
  }
  // By day: walk the hours, starting a new point at each change of the site's date.
  const since = Math.max(firstHour.getTime(), lastHour.getTime() - HISTORY_DAYS_MAX * 24 * HOUR_MS);
  const byHour = new Map<number, number>();
  for (const h of hours)
    byHour.set(h.start.getTime(), (byHour.get(h.start.getTime()) ?? 0) + h.views);
  const points: ViewBucket[] = [];
  let key = '';
  let total = 0;
  for (let at = since; at <= lastHour.getTime(); at += HOUR_MS) {
    const day = localDateKey(new Date(at), timeZone);
    const views = byHour.get(at) ?? 0;
    if (day !== key) {
      points.push({ start: new Date(at), views });
      key = day;
    } else {
      const last = points[points.length - 1];
      if (last) points[points.length - 1] = { start: last.start, views: last.views + views };
    }
    total += views;
  }
  return { unit: 'day', points, total };
}
