/**
 * Times in the newsroom, in the site's time zone: Arabic month names and
 * the site's digits in Arabic, `29 Nov 2026, 14:05` in English.
 */
import { formatDateTime } from '../../../arabic/dates.js';
import type { AdminContext } from '../admin-context.js';

/** A date and time as the newsroom shows it. */
export function adminTime(ctx: Pick<AdminContext, 'lang' | 'locale'>, instant: Date): string {
  if (ctx.lang === 'ar') return formatDateTime(instant, ctx.locale);
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: ctx.locale.timeZone,
    hourCycle: 'h23',
  }).format(instant);
}

/** A `<time>` element for `instant`. */
export function AdminTime({ ctx, instant }: { ctx: AdminContext; instant: Date }) {
  return <time datetime={instant.toISOString()}>{adminTime(ctx, instant)}</time>;
}
