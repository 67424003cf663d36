/**
 * The live coverage of an article page (issue 19), shown when
 * `article.live` is set:
 * - `LiveStatus`: the «مباشر» badge (red dot) while live, or «انتهت
 *   التغطية المباشرة في …» once an editor ended it; the server sends the
 *   same element to open pages when the state changes;
 * - `LiveKeyUpdates`: the box of key updates at the top, linking to
 *   `#update-<n>` (or to the older page that holds it);
 * - `LiveStream`: pinned updates first, then every update newest first,
 *   at most LIVE_PAGE_SIZE on a page, with a link «تحديثات أقدم» to
 *   `?before=<n>`. On the first page of a live article it carries what
 *   public/assets/live.js needs (the events URL, the newest number shown,
 *   the phrases of the new-updates bar and of «قبل 3 دقائق», the key
 *   updates box's heading and size), and the bar itself, hidden until
 *   updates arrive. On any page with older ones, `data-live-oldest` holds
 *   the oldest number shown, so that public/assets/reader.js sends a link
 *   to an older update (`#update-<n>`, which never reaches the server) to
 *   the page that holds it. Without JavaScript the page is complete as
 *   printed.
 */
import { NEW_UPDATE_FORMS } from '../../../arabic/plural.js';
import { MINUTES_AGO } from '../../../arabic/relative-time.js';
import { truncateWords } from '../../../arabic/truncate.js';
import type { ArticleId } from '../../../domain/article-id.js';
import { htmlToText } from '../../../domain/html-text.js';
import {
  liveUpdateAnchor,
  type LiveCoverage,
  type LiveUpdate,
} from '../../../domain/live-coverage.js';
import { formatDateTime } from '../../../arabic/dates.js';
import { articlePath } from '../page-context.js';
import { Interpolate } from './interpolate.js';
import { LiveUpdateItem, liveUpdateTime, type LiveRenderContext } from './live-update.js';

/** Most updates printed on one page (older ones are on `?before=<n>` pages). */
export const LIVE_PAGE_SIZE = 100;
/** Most entries of the key-updates box. */
export const LIVE_KEY_UPDATES_MAX = 20;
/** Longest entry of the key-updates box for an update without a headline, in characters. */
const KEY_TEXT_LENGTH = 120;

/** What a page of a live article shows of its updates (made by the article route). */
export interface LivePageUpdates {
  /** Pinned updates, newest first; only on the first page (empty on older pages). */
  pinned: readonly LiveUpdate[];
  /** Key updates of the whole coverage for the box, newest first; only on the first page. */
  key: readonly LiveUpdate[];
  /** This page's updates, newest first, without the pinned ones on the first page. */
  stream: readonly LiveUpdate[];
  /** The page's `?before=` (it shows updates numbered below it), or null for the first page. */
  before: number | null;
  /** `?before=` of the next older page, or null when this page reaches the first update. */
  olderBefore: number | null;
}

/**
 * The `?before=` page that holds update `n` when the first page shows
 * `firstPage` (null: it is on the first page).
 */
function pageOf(n: number, firstPage: ReadonlySet<number>): number | null {
  return firstPage.has(n) ? null : n + 1;
}

export function LiveStatus({ ctx, live }: { ctx: LiveRenderContext; live: LiveCoverage }) {
  if (live.state === 'live') {
    return (
      <p class="live-status live-status--live" data-live-status="live">
        <span class="live-badge">{ctx.t('live.badge')}</span>
      </p>
    );
  }
  return (
    <p class="live-status live-status--ended" data-live-status="ended">
      {live.endedAt ? (
        <Interpolate
          message={ctx.t('live.endedAt')}
          slots={{
            time: (
              <time datetime={live.endedAt.toISOString()}>
                <bdi>{liveUpdateTime(live.endedAt, ctx)}</bdi>
              </time>
            ),
          }}
        />
      ) : (
        ctx.t('live.ended')
      )}
    </p>
  );
}

/** The text of a key update in the box: its headline, else the start of its body. */
function keyText(update: LiveUpdate): string {
  return update.headline || truncateWords(htmlToText(update.bodyHtml), KEY_TEXT_LENGTH);
}

/**
 * One entry of the key updates box: `<li data-number="<n>">` with the
 * update's time and a link to it, `href` (`#update-<n>`, or the older page
 * that holds it). live.js receives the same entry with an arriving key
 * update (web/live/live-events.ts).
 */
export function LiveKeyItem({
  ctx,
  update,
  href,
}: {
  ctx: LiveRenderContext;
  update: LiveUpdate;
  href: string;
}) {
  return (
    <li data-number={String(update.number)}>
      <time
        class="live-key__time"
        datetime={update.createdAt.toISOString()}
        title={formatDateTime(update.createdAt, ctx.locale)}
      >
        <bdi>{liveUpdateTime(update.createdAt, ctx)}</bdi>
      </time>{' '}
      <a href={href}>{keyText(update)}</a>
    </li>
  );
}

/**
 * The key updates box (`nav[data-live-key]`), on the first page only, at
 * most LIVE_KEY_UPDATES_MAX entries, newest first; none without key
 * updates (live.js makes it, as printed here, when the first one arrives).
 */
export function LiveKeyUpdates({
  ctx,
  articleId,
  updates,
}: {
  ctx: LiveRenderContext;
  articleId: ArticleId;
  updates: LivePageUpdates;
}) {
  if (updates.before !== null || updates.key.length === 0) return null;
  const shown = new Set([...updates.pinned, ...updates.stream].map((u) => u.number));
  return (
    <nav class="live-key" aria-labelledby="live-key-heading" data-live-key="">
      <h2 id="live-key-heading" class="live-key__heading">
        {ctx.t('live.keyUpdates')}
      </h2>
      <ol class="live-key__list">
        {updates.key.slice(0, LIVE_KEY_UPDATES_MAX).map((update) => {
          const page = pageOf(update.number, shown);
          const anchor = `#${liveUpdateAnchor(update.number)}`;
          return (
            <LiveKeyItem
              key={update.number}
              ctx={ctx}
              update={update}
              href={page === null ? anchor : `${articlePath(articleId)}?before=${page}${anchor}`}
            />
          );
        })}
      </ol>
    </nav>
  );
}

export function LiveStream({
  ctx,
  articleId,
  live,
  updates,
}: {
  ctx: LiveRenderContext;
  articleId: ArticleId;
  live: LiveCoverage;
  updates: LivePageUpdates;
}) {
  const { t } = ctx;
  const first = updates.before === null;
  // Only the first page of a coverage going on follows it (live.js).
  const follows = first && live.state === 'live';
  const newest = Math.max(0, ...[...updates.pinned, ...updates.stream].map((u) => u.number));
  const empty = updates.pinned.length === 0 && updates.stream.length === 0;
  return (
    <section
      class="live"
      id="live"
      aria-labelledby="live-heading"
      data-live-events={follows ? `/live/${articleId}/events` : undefined}
      data-live-after={follows ? String(newest) : undefined}
      data-new-forms={follows ? JSON.stringify(NEW_UPDATE_FORMS) : undefined}
      data-ago-forms={follows ? JSON.stringify({ minutes: MINUTES_AGO }) : undefined}
      data-ended-notice={follows ? t('live.endedNotice') : undefined}
      data-key-heading={follows ? t('live.keyUpdates') : undefined}
      data-key-max={follows ? String(LIVE_KEY_UPDATES_MAX) : undefined}
      data-live-oldest={updates.olderBefore !== null ? String(updates.olderBefore) : undefined}
    >
      <h2 id="live-heading" class="visually-hidden">
        {t('live.updates')}
      </h2>
      {follows ? (
        <>
          <button type="button" class="live-bar" data-live-bar="" hidden>
            <span class="live-bar__count" data-live-bar-text="" />
            <span class="visually-hidden"> {t('live.newUpdatesHint')}</span>
          </button>
          <p class="visually-hidden" role="status" aria-live="polite" data-live-announce="" />
        </>
      ) : null}
      {!first ? (
        <p class="live__pager">
          <a href={articlePath(articleId)}>{t('live.newest')}</a>
        </p>
      ) : null}
      {updates.pinned.length > 0 ? (
        <div class="live__pinned" data-live-pinned="">
          {updates.pinned.map((update) => (
            <LiveUpdateItem key={update.number} ctx={ctx} update={update} />
          ))}
        </div>
      ) : null}
      <div class="live__stream" data-live-stream="">
        {updates.stream.map((update) => (
          <LiveUpdateItem key={update.number} ctx={ctx} update={update} />
        ))}
      </div>
      {empty && first ? (
        <p class="live__empty" data-live-empty="">
          {t('live.none')}
        </p>
      ) : null}
      {updates.olderBefore !== null ? (
        <p class="live__pager">
          <a href={`${articlePath(articleId)}?before=${updates.olderBefore}`} rel="next">
            {t('live.older')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * Arranges what the route read into a page: `page` (newest first, at most
 * LIVE_PAGE_SIZE + 1 so that the extra one says an older page exists)
 * below `before` (null: the first page); `pinned` and `key` are the
 * coverage's pinned and key updates (newest first), shown on the first
 * page only, a pinned update printed once, above the stream.
 * @example livePageUpdates({ page: [u5, u4, u3], pinned: [u4], key: [], before: null })
 *   // stream [u5, u3], pinned [u4], olderBefore null
 */
export function livePageUpdates(read: {
  page: readonly LiveUpdate[];
  pinned: readonly LiveUpdate[];
  key: readonly LiveUpdate[];
  before: number | null;
}): LivePageUpdates {
  const first = read.before === null;
  const shown = read.page.slice(0, LIVE_PAGE_SIZE);
  const last = shown[shown.length - 1];
  const olderBefore = read.page.length > LIVE_PAGE_SIZE && last ? last.number : null;
  const pinned = first ? read.pinned : [];
  const pinnedNumbers = new Set(pinned.map((u) => u.number));
  return {
    pinned,
    key: first ? read.key : [],
    stream: shown.filter((u) => !pinnedNumbers.has(u.number)),
    before: read.before,
    olderBefore,
  };
}
