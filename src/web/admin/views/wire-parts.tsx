/**
 * Pieces the wire desk's pages share: when an item was sent (how long ago
 * and the full time, in the site's time zone and digits), and its badges
 * (used as a draft and by whom, updated at the source, time estimated).
 */
import { formatRelativeTime } from '../../../arabic/dates.js';
import type { WireQueueItem } from '../../../domain/wire.js';
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
