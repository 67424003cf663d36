/**
 * Where the view counter's batches go: the database, with the minute
 * buckets' retention.
 *
 * Each flush adds, in one transaction (article-views.repository.ts
 * addViews), the articles' totals, their hourly buckets and their minute
 * buckets per kind of referrer, all at the flush's time (`now()`): a view
 * counted at 12:00:58 and flushed at 12:01:03 is a view of the minute
 * 12:01. Minute rows older than `minutesRetentionHours` are deleted by the
 * same transaction, at most once every MINUTES_PRUNE_EVERY_MS per instance
 * (on a site with no views, no flush runs, and old rows wait for the next view).
 */
import type { Database } from '../storage/database.js';
import { addViews, minuteOf } from '../storage/repositories/article-views.repository.js';
import type { ViewSink } from './view-counter.js';

/** The shortest time between two deletions of old minute rows, ms (ten minutes). */
export const MINUTES_PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The view counter's sink on `database`: `now` is the clock (UTC),
 * `minutesRetentionHours` the setting MIDAD_VIEW_MINUTES_RETENTION_HOURS
 * (minute rows whose minute started more than that many hours before the
 * flush's minute are deleted).
 */
export function databaseViewSink(
  database: Database,
  options: { now: () => Date; minutesRetentionHours: number },
): ViewSink {
  let prunedAt: number | null = null;
  return async (counts, byReferrer) => {
    const at = options.now();
    const due = prunedAt === null || at.getTime() - prunedAt >= MINUTES_PRUNE_EVERY_MS;
    const pruneMinutesBefore = due
      ? new Date(minuteOf(at).getTime() - options.minutesRetentionHours * 3_600_000)
      : undefined;
    await addViews(database.db, counts, at, {
      byReferrer,
      ...(pruneMinutesBefore ? { pruneMinutesBefore } : {}),
    });
    if (due) prunedAt = at.getTime();
  };
}
