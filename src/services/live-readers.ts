/**
 * The newsroom's figures of readers (issue 19), read from the view buckets:
 *
 * - «القرّاء الآن» (`/admin/live`): views per minute for the last hour,
 *   site-wide, and the articles most read in the last 5 and 30 minutes,
 *   with where their readers came from and a sparkline each
 *   (`readLiveReaders`: five queries, whatever the number of viewers; the
 *   live page's feed runs it once every 5 s per instance while someone
 *   watches);
 * - each article's views in the last 24 hours, in the newsroom's list
 *   (`viewsInLastDay`: one query for the page's ids);
 * - an article's views per hour since publication, in its editor
 *   (`articleViewHistory`).
 *
 * Who may see them is the routes' to check: «القرّاء الآن» needs
 * `stats.view` (domain/roles.ts); a writer sees the views of the articles
 * they may open.
 */
import {
  articlesReadNow,
  emptySplit,
  LIVE_CHART_MINUTES,
  LIVE_SPARK_MINUTES,
  LIVE_TOP_LIMIT,
  LIVE_WINDOWS,
  minuteSeries,
  startOfMinute,
  viewHistory,
  type ArticleViewHistory,
  type LiveReaders,
  type LiveWindow,
} from '../domain/live-readers.js';
import type { ArticleId } from '../domain/article-id.js';
import {
  listArticleMinuteViews,
  listHourlyViews,
  listPublishedSummariesByIds,
  listSiteMinuteViews,
  listTopMinuteArticles,
  sumHourlyViewsSince,
} from '../storage/repositories/article-views.repository.js';
import type { ReadDeps } from './read-pages.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * The figures of «القرّاء الآن» at `now` (UTC): the current minute is the
 * last of every series. Ids a few more than LIVE_TOP_LIMIT are ranked in
 * each window, so that articles unpublished meanwhile leave the list full.
 */
export async function readLiveReaders(deps: ReadDeps, now: Date): Promise<LiveReaders> {
  const db = deps.database.db;
  const minute = startOfMinute(now);
  const until = new Date(minute.getTime() + MINUTE_MS);
  const minutesBack = (n: number) => new Date(minute.getTime() - (n - 1) * MINUTE_MS);
  const site = await listSiteMinuteViews(db, minutesBack(LIVE_CHART_MINUTES), until);
  const referrers = emptySplit();
  for (const row of site) referrers[row.referrer] += row.views;
  const perMinute = minuteSeries(
    site.map((row) => ({ start: row.minute, views: row.views })),
    minute,
    LIVE_CHART_MINUTES,
  );
  const ranked = new Map<LiveWindow, ArticleId[]>();
  for (const window of LIVE_WINDOWS) {
    const top = await listTopMinuteArticles(db, minutesBack(window), until, LIVE_TOP_LIMIT + 5);
    ranked.set(
      window,
      top.map((row) => row.articleId),
    );
  }
  const ids = [...new Set([...ranked.values()].flat())];
  const buckets = await listArticleMinuteViews(db, ids, minutesBack(LIVE_SPARK_MINUTES), until);
  const summaries = await listPublishedSummariesByIds(db, ids);
  const top = {} as Record<LiveWindow, LiveReaders['top'][LiveWindow]>;
  for (const window of LIVE_WINDOWS) {
    top[window] = articlesReadNow(
      buckets,
      summaries,
      ranked.get(window) ?? [],
      minute,
      window,
      LIVE_TOP_LIMIT,
    );
  }
  return { minute, perMinute, referrers, top };
}

/**
 * Views in the last 24 hours of each article of `ids`, from the hourly
 * buckets: the current UTC hour and the 23 before it (so between 23 and
 * 24 hours back, to the hour). An article with none is absent (read it as 0).
 */
export async function viewsInLastDay(
  deps: ReadDeps,
  ids: readonly ArticleId[],
  now: Date,
): Promise<Map<ArticleId, number>> {
  return sumHourlyViewsSince(deps.database.db, ids, new Date(now.getTime() - 23 * HOUR_MS));
}

/**
 * An article's views since `publishedAt` (by hour for a week, by the
 * site's day beyond: domain/live-readers.ts viewHistory), up to `now`.
 */
export async function articleViewHistory(
  deps: ReadDeps & { timeZone: string },
  id: ArticleId,
  publishedAt: Date,
  now: Date,
): Promise<ArticleViewHistory> {
  const from = new Date(Math.max(publishedAt.getTime(), now.getTime() - 367 * 24 * HOUR_MS));
  const hours = await listHourlyViews(deps.database.db, id, from);
  return viewHistory(
    hours.map((h) => ({ start: h.hour, views: h.views })),
    publishedAt,
    now,
    deps.timeZone,
  );
}
