/**
 * The publish date and time of an article in the site's calendar, time
 * zone, month names and digits, in a `<time>` element carrying the UTC
 * instant (or the local date, `2020-01-18`, when only the day is known). An unknown date shows the page's local time when one was
 * printed, else says the date is unknown.
 */
import { formatDate, formatHijriDate, formatTime, localDateKey } from '../../../arabic/dates.js';
import type { PublishedPrecision } from '../../../domain/article.js';
import { formatDigits } from '../../../arabic/digits.js';
import type { PageContext } from '../page-context.js';

export function PublishedTime(props: {
  ctx: PageContext;
  publishedAt: Date | null;
  precision: PublishedPrecision;
  localTime: string | null;
  withHijri?: boolean;
}) {
  const { ctx, publishedAt } = props;
  if (publishedAt === null) {
    return props.localTime ? (
      <span class="published" title={ctx.t('article.dateUnknown')}>
        <bdi>{formatDigits(props.localTime, ctx.locale.numerals)}</bdi>
      </span>
    ) : (
      <span class="published">{ctx.t('article.dateUnknown')}</span>
    );
  }
  return (
    <time
      class="published"
      datetime={
        props.precision === 'day'
          ? localDateKey(publishedAt, ctx.locale.timeZone)
          : publishedAt.toISOString()
      }
    >
      {formatDate(publishedAt, ctx.locale)}
      {props.precision === 'day' ? null : (
        <>
          ، <bdi>{formatTime(publishedAt, ctx.locale)}</bdi>
        </>
      )}
      {props.withHijri ? (
        <span class="published__hijri"> ({formatHijriDate(publishedAt, ctx.locale)})</span>
      ) : null}
    </time>
  );
}
