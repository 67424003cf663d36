/**
 * Pieces the wire desk's pages share: when an item was sent (how long ago
 * and the full time, in the site's time zone and digits), its badges
 * (used as a draft and by whom, updated at the source, time estimated),
 * the danger notice of an item the agency withdrew or withheld, and the
 * sources other copies of its story came from.
 */
import { formatRelativeTime } from '../../../arabic/dates.js';
import { formatNumber } from '../../../arabic/digits.js';
import { wireCopiesBySource, type WireCopy, type WireQueueItem } from '../../../domain/wire.js';
import type { WirePubStatus } from '../../../domain/wire-item.js';
import type { AdminContext } from '../admin-context.js';
import { adminTime } from './admin-time.js';

/**
 * When the agency sent the item: «قبل 3 ساعات» and the full time
 * (Arabic), or the full time alone (English, or more than a week ago).
 * The full time is always the `<time>` element's text or title, so a
 * reader of either language can see the exact minute.
 */
export function WireTime({ ctx, instant }: { ctx: AdminContext; instant: Date }) {
  const full = adminTime(ctx, instant);
  const relative =
    ctx.lang === 'ar' ? formatRelativeTime(instant, ctx.now, ctx.locale.numerals) : null;
  return (
    <span class="wire-time">
      <time datetime={instant.toISOString()} title={full}>
        {relative ?? full}
      </time>
      {relative ? <span class="wire-time__full"> ({full})</span> : null}
    </span>
  );
}

/**
 * The item's badges, in the order an editor weighs them: already used
 * (by whom), updated at the agency after it arrived (or after it was
 * used), and a time the desk had to guess.
 */
export function WireBadges(props: { ctx: AdminContext; item: WireQueueItem }) {
  const { ctx, item } = props;
  const { t } = ctx;
  const badges = [
    item.used ? (
      <span class="badge badge--used" key="used">
        {item.used.userName
          ? t('admin.wire.usedBy', { name: item.used.userName })
          : t('admin.wire.used')}
      </span>
    ) : null,
    item.updateCount > 0 ? (
      <span class="badge badge--updated" key="updated">
        {item.updatedAfterUse ? t('admin.wire.updatedAfterUse') : t('admin.wire.updatedAtSource')}
      </span>
    ) : null,
    item.timeEstimated ? (
      <span class="badge badge--estimated" key="estimated">
        {t('admin.wire.timeEstimated')}
      </span>
    ) : null,
  ].filter((badge) => badge !== null);
  if (badges.length === 0) return null;
  return <span class="wire-badges">{badges}</span>;
}

/**
 * The danger notice of an item the agency withdrew («سحبت الوكالة هذا
 * الخبر — لا تنشره») or withheld («حجبته الوكالة مؤقتاً»); nothing for a
 * usable one. An alert, so a screen reader says it with the row.
 */
export function WireStatusNotice(props: { ctx: AdminContext; status: WirePubStatus }) {
  const { ctx, status } = props;
  if (status === 'usable') return null;
  return (
    <p class={`notice notice--error wire-withdrawn wire-withdrawn--${status}`} role="alert">
      {ctx.t(status === 'canceled' ? 'admin.wire.canceled' : 'admin.wire.withheld')}
    </p>
  );
}

/**
 * «وصل أيضاً من: sana-eco (2)، sana (1)»: the sources the copies of the
 * story dropped as duplicates came from, with how many each (site digits);
 * nothing when there were none.
 */
export function WireCopies(props: { ctx: AdminContext; copies: readonly WireCopy[] }) {
  const { ctx } = props;
  const bySource = wireCopiesBySource(props.copies);
  if (bySource.length === 0) return null;
  const sources = bySource
    .map(
      ({ source, copies }) =>
        `\u2068${source}\u2069 (${formatNumber(copies, ctx.locale.numerals)})`,
    )
    .join(ctx.lang === 'ar' ? '، ' : ', ');
  return <p class="wire-item__copies">{ctx.t('admin.wire.alsoFrom', { sources })}</p>;
}
