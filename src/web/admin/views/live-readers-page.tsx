/**
 * «القرّاء الآن» (`/admin/live`): views per minute for the last hour,
 * site-wide, and the articles most read in the last 5 and 30 minutes with
 * their section, views, where their readers came from and a sparkline.
 *
 * The page is complete without a script. With one
 * (public/assets/live-readers.js), `#live-readers` is replaced every 5 s
 * by the HTML of `LiveReadersFigures` that the server sends over SSE
 * (`/admin/live/events`, rendered once per language for every viewer, so
 * the figures hold no one's name or token).
 */
import { formatTime } from '../../../arabic/dates.js';
import {
  LIVE_WINDOWS,
  type ArticleReadNow,
  type LiveReaders,
  type LiveWindow,
} from '../../../domain/live-readers.js';
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { BarChart, figure, ReferrerSplitView, Sparkline, type ChartVoice } from './view-charts.js';

/** The page, with the figures at load and the script that keeps them fresh. */
export function LiveReadersPage(props: {
  ctx: AdminContext;
  figures: LiveReaders;
  /** The dashboard's script (fingerprinted URL). */
  script: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.live.title')}>
      <div class="page-head">
        <h1>{t('admin.live.title')}</h1>
      </div>
      <p>{t('admin.live.intro')}</p>
      <div id="live-readers" class="live-readers" data-events="/admin/live/events">
        <LiveReadersFigures voice={ctx} figures={props.figures} />
      </div>
      <p class="live-readers__privacy">{t('admin.live.privacy')}</p>
      <script src={props.script} defer></script>
    </AdminLayout>
  );
}

/** Labels every 10 minutes under the per-minute chart (the current minute's included). */
function minuteTicks(voice: ChartVoice, figures: LiveReaders) {
  const count = figures.perMinute.length;
  const ticks: Array<{ index: number; label: string }> = [];
  for (let index = count - 1; index >= 0; index -= 10) {
    const at = new Date(figures.minute.getTime() - (count - 1 - index) * 60_000);
    ticks.push({ index, label: formatTime(at, voice.locale) });
  }
  return ticks;
}

/** The figures: what the page shows at load and what each SSE event replaces. */
export function LiveReadersFigures(props: { voice: ChartVoice; figures: LiveReaders }) {
  const { voice, figures } = props;
  const { t } = voice;
  const count = figures.perMinute.length;
  const minuteAt = (i: number) => new Date(figures.minute.getTime() - (count - 1 - i) * 60_000);
  const total = figures.perMinute.reduce((a, b) => a + b, 0);
  const peak = Math.max(0, ...figures.perMinute);
  return (
    <>
      <p class="live-readers__as-of">
        <time datetime={figures.minute.toISOString()}>
          {t('admin.live.updated', { time: formatTime(figures.minute, voice.locale) })}
        </time>
      </p>
      <section class="live-readers__minutes">
        <h2>{t('admin.live.perMinute')}</h2>
        <BarChart
          voice={voice}
          class="chart--minutes"
          values={figures.perMinute}
          title={(i) =>
            t('admin.live.minuteViews', {
              time: formatTime(minuteAt(i), voice.locale),
              views: figure(voice, figures.perMinute[i] ?? 0),
            })
          }
          ticks={minuteTicks(voice, figures)}
          label={t('admin.live.chartLabel', {
            total: figure(voice, total),
            peak: figure(voice, peak),
          })}
        />
        <h3>{t('admin.live.hourReferrers')}</h3>
        <ReferrerSplitView voice={voice} split={figures.referrers} />
      </section>
      {LIVE_WINDOWS.map((window) => (
        <TopList voice={voice} window={window} rows={figures.top[window]} />
      ))}
    </>
  );
}

function TopList(props: { voice: ChartVoice; window: LiveWindow; rows: ArticleReadNow[] }) {
  const { voice, rows } = props;
  const { t } = voice;
  const heading = props.window === 5 ? t('admin.live.top5') : t('admin.live.top30');
  const id = `live-top-${props.window}`;
  return (
    <section class="live-readers__top" aria-labelledby={id} data-window={props.window}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p>{t('admin.live.empty')}</p>
      ) : (
        <table class="live-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.live.col.rank')}</th>
              <th scope="col">{t('admin.live.col.headline')}</th>
              <th scope="col">{t('admin.live.col.section')}</th>
              <th scope="col">{t('admin.live.col.views')}</th>
              <th scope="col">{t('admin.live.col.referrers')}</th>
              <th scope="col">{t('admin.live.col.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr data-article={row.article.id}>
                <td class="live-table__rank">{figure(voice, i + 1)}</td>
                <th scope="row" class="live-table__headline">
                  <a href={`/admin/articles/${row.article.id}/edit`}>
                    <bdi>{row.article.headline}</bdi>
                  </a>{' '}
                  <a class="live-table__public" href={`/a/${row.article.id}`}>
                    {t('admin.live.open')}
                  </a>
                </th>
                <td class="live-table__section" data-label={t('admin.live.col.section')}>
                  {row.article.section ? (
                    <bdi>{row.article.section.name}</bdi>
                  ) : (
                    t('admin.live.noSection')
                  )}
                </td>
                <td class="live-table__views" data-label={t('admin.live.col.views')}>
                  {figure(voice, row.views)}
                </td>
                <td class="live-table__referrers" data-label={t('admin.live.col.referrers')}>
                  <ReferrerSplitView voice={voice} split={row.referrers} />
                </td>
                <td class="live-table__trend" data-label={t('admin.live.col.trend')}>
                  <Sparkline
                    voice={voice}
                    values={row.sparkline}
                    label={t('admin.live.sparkLabel', {
                      values: row.sparkline
                        .map((v) => figure(voice, v))
                        .join(voice.lang === 'ar' ? '، ' : ', '),
                    })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
