/**
 * One update of a live article, as the page prints it and as the page's
 * script receives it over Server-Sent Events (web/live/live-events.ts
 * renders this same component, so an arriving update looks like one made
 * on the server):
 *
 * `<article class="live-update" id="update-<n>" data-number="<n>">` (with
 * `data-pinned` and `data-key` when flagged, so that live.js puts an
 * arriving update in the pinned box and the key updates box) with its time
 * (`<time datetime="ISO" title="3 كانون الأول 2026، 19:22">`, printed in
 * the site's time zone and digits: «19:22» for the page's day, «3 كانون
 * الأول 2026، 19:22» before; the title always holds the date and time;
 * public/assets/live.js says «قبل 3 دقائق» for those of the last hour and
 * keeps that current, since a cached page is served for a while after it
 * was made), its own link (`#update-<n>`: the fragment alone, so that
 * following it on `/a/<id>/<slug>` stays on the page and keeps the updates
 * that arrived; the absolute `<canonical>#update-<n>` is in the JSON-LD,
 * the feeds and the Content API), its flags, headline, body (the article
 * body's presenter) and its writer's name linking to their author page.
 */
import { useContext } from 'preact/hooks';
import { formatDateTime, formatTime, localDateKey } from '../../../arabic/dates.js';
import type { SiteLocale } from '../../../arabic/locale.js';
import { listingPath } from '../../../domain/article-path.js';
import { liveUpdateAnchor, type LiveUpdate } from '../../../domain/live-coverage.js';
import type { Translate } from '../../../i18n/format.js';
import { presentBody } from '../present-body.js';
import { Interpolate } from './interpolate.js';
import { SaveData } from './save-data-context.js';

/** What an update needs of the page context: the server's renderer of events has no request. */
export interface LiveRenderContext {
  t: Translate;
  locale: SiteLocale;
  /** The time the page is made (UTC): an update of the same local day shows its time alone. */
  now: Date;
}

/**
 * The full time of an update: the time alone when it is of the page's
 * local day (a cached page expires at the site's midnight, so "today"
 * stays true while it is served), else the date and time.
 */
export function liveUpdateTime(instant: Date, ctx: LiveRenderContext): string {
  const zone = ctx.locale.timeZone;
  return localDateKey(instant, zone) === localDateKey(ctx.now, zone)
    ? formatTime(instant, ctx.locale)
    : formatDateTime(instant, ctx.locale);
}

export function LiveUpdateItem({ ctx, update }: { ctx: LiveRenderContext; update: LiveUpdate }) {
  const { t } = ctx;
  // Inside a page for a reader asking to save data: its images at their smallest width.
  const saveData = useContext(SaveData);
  const n = update.number;
  const headingId = `${liveUpdateAnchor(n)}-headline`;
  const flags = [
    update.pinned ? ' live-update--pinned' : '',
    update.key ? ' live-update--key' : '',
  ].join('');
  return (
    <article
      class={`live-update${flags}`}
      id={liveUpdateAnchor(n)}
      data-number={String(n)}
      data-pinned={update.pinned ? '' : undefined}
      data-key={update.key ? '' : undefined}
      aria-labelledby={update.headline ? headingId : undefined}
    >
      <header class="live-update__meta">
        <time
          class="live-update__time"
          datetime={update.createdAt.toISOString()}
          title={formatDateTime(update.createdAt, ctx.locale)}
        >
          <bdi>{liveUpdateTime(update.createdAt, ctx)}</bdi>
        </time>
        {update.pinned ? <span class="live-update__flag">{t('live.pinned')}</span> : null}
        {update.key ? (
          <span class="live-update__flag live-update__flag--key">{t('live.key')}</span>
        ) : null}
        <a
          class="live-update__link"
          href={`#${liveUpdateAnchor(n)}`}
          aria-label={t('live.updateLink')}
          title={t('live.updateLink')}
        >
          #
        </a>
      </header>
      {update.headline ? (
        <h3 class="live-update__headline" id={headingId}>
          {update.headline}
        </h3>
      ) : null}
      <div
        class="live-update__body article__text"
        dangerouslySetInnerHTML={{ __html: presentBody(update.bodyHtml, t, saveData) }}
      />
      {update.author ? (
        <p class="live-update__author">
          <Interpolate
            message={t('live.updatedBy')}
            slots={{
              name: (
                <a href={listingPath('author', update.author.slug)}>
                  <bdi>{update.author.name}</bdi>
                </a>
              ),
            }}
          />
        </p>
      ) : null}
    </article>
  );
}
