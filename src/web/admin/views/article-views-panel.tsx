/**
 * The editor's panel of an article's views since publication (issue 19):
 * a small bar chart by hour for the first week, by the site's day beyond
 * (domain/live-readers.ts viewHistory), from the hourly buckets.
 */
import { formatTime, localDateKey } from '../../../arabic/dates.js';
import { formatDigits } from '../../../arabic/digits.js';
import type { ArticleViewHistory } from '../../../domain/live-readers.js';
import type { AdminContext } from '../admin-context.js';
import { BarChart, figure } from './view-charts.js';

/**
 * Hours are drawn in at least a day's width (24 slots), so that the first
 * hours after publication are not each a bar across the chart.
 */
function slotsOf(history: ArticleViewHistory): number | undefined {
  return history.unit === 'hour' ? 24 : undefined;
}

/** About six labels across the chart's slots, the newest always labelled. */
function ticks(ctx: AdminContext, history: ArticleViewHistory) {
  const n = history.points.length;
  const every = Math.max(1, Math.ceil(Math.max(n, slotsOf(history) ?? 0) / 6));
  const out: Array<{ index: number; label: string }> = [];
  for (let index = n - 1; index >= 0; index -= every) {
    const point = history.points[index];
    if (point) out.push({ index, label: when(ctx, history, point.start) });
  }
  return out;
}

/** An hour as HH:MM, a day as DD/MM, in the site's time zone and digits. */
function when(ctx: AdminContext, history: ArticleViewHistory, start: Date): string {
  if (history.unit === 'hour') return formatTime(start, ctx.locale);
  const [, month, day] = localDateKey(start, ctx.locale.timeZone).split('-');
  return formatDigits(`${day ?? ''}/${month ?? ''}`, ctx.locale.numerals);
}

/** The panel: the chart of `history`, what it counts by, and the total since publication. */
export function ArticleViewsPanel(props: { ctx: AdminContext; history: ArticleViewHistory }) {
  const { ctx, history } = props;
  const { t } = ctx;
  const values = history.points.map((p) => p.views);
  return (
    <section class="card article-views" aria-labelledby="article-views-heading">
      <h2 id="article-views-heading">{t('admin.articleViews.title')}</h2>
      <p>
        {history.unit === 'hour' ? t('admin.articleViews.byHour') : t('admin.articleViews.byDay')}
      </p>
      <BarChart
        voice={ctx}
        class="chart--article"
        values={values}
        slots={slotsOf(history)}
        height={120}
        title={(i) => {
          const point = history.points[i];
          return point ? `${when(ctx, history, point.start)}: ${figure(ctx, point.views)}` : '';
        }}
        ticks={ticks(ctx, history)}
        label={t('admin.articleViews.chartLabel', {
          total: figure(ctx, history.total),
          peak: figure(ctx, Math.max(0, ...values)),
        })}
      />
      <p class="article-views__total">
        {t('admin.articleViews.total', { views: figure(ctx, history.total) })}
      </p>
    </section>
  );
}
