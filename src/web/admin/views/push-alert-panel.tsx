/**
 * The editor page's push panel (issue 20): whether the article's browser
 * alert went out and why, its counts (delivered, failed, expired
 * subscriptions, still queued), the daily cap's use, and «إرسال تنبيه»
 * for a published article whose alert did not go to breaking-news
 * subscribers yet (`reader.alert`).
 */
import { formatNumber } from '../../../arabic/digits.js';
import { countPhrase, type PluralForms } from '../../../arabic/plural.js';
import type { PushAlertPanelData } from '../../../domain/push-alert.js';
import type { AdminContext } from '../admin-context.js';
import { AdminTime } from './admin-time.js';
import { CsrfField } from './form-fields.js';

const REASON_KEY = {
  published: 'admin.pushAlert.reason.published',
  breaking: 'admin.pushAlert.reason.breaking',
  manual: 'admin.pushAlert.reason.manual',
} as const;

const COUNT_KEYS = [
  ['sent', 'admin.pushAlert.sent'],
  ['failed', 'admin.pushAlert.failed'],
  ['gone', 'admin.pushAlert.gone'],
  ['pending', 'admin.pushAlert.pending'],
] as const;

/** «أُرسل تنبيه واحد»…: how many capped alerts went out, as the subject of a passive verb. */
const SENT_ALERT_FORMS: PluralForms = Object.freeze({
  zero: 'لم يُرسل أي تنبيه',
  one: 'أُرسل تنبيه واحد',
  two: 'أُرسل تنبيهان',
  few: 'أُرسل {count} تنبيهات',
  many: 'أُرسل {count} تنبيهاً',
  other: 'أُرسل {count} تنبيه',
});

/**
 * The daily cap's use, one sentence: «أُرسل تنبيه واحد من أصل 5 في آخر
 * 24 ساعة…», or, once `used` reaches `cap` (also when an administrator
 * lowered the cap below it), that the day's limit is reached.
 */
export function capUseText(ctx: AdminContext, used: number, cap: number): string {
  const n = (value: number) => formatNumber(value, ctx.locale.numerals);
  if (used >= cap) return ctx.t('admin.pushAlert.capFull', { cap: n(cap) });
  const sent =
    ctx.lang === 'ar' ? countPhrase(used, SENT_ALERT_FORMS, ctx.locale.numerals) : n(used);
  return ctx.t('admin.pushAlert.capLeft', { sent, cap: n(cap) });
}

/** The panel; `data` from services/push-alerts.ts pushAlertPanel. */
export function PushAlertPanel(props: {
  ctx: AdminContext;
  articleId: string;
  data: PushAlertPanelData;
}) {
  const { ctx, data } = props;
  const { t } = ctx;
  const n = (value: number) => formatNumber(value, ctx.locale.numerals);
  const c = data.counts;
  // Queued to no subscription at all (none yet): it may be sent again, and did not use the cap.
  const reachedNobody = data.alert !== null && c.pending + c.sent + c.failed + c.gone === 0;
  const canSend = data.alert === null || data.alert.reason === 'published' || reachedNobody;
  const capReached = data.used >= data.cap;
  return (
    <section class="card push-alert" id="push-alert" aria-labelledby="push-alert-heading">
      <h2 id="push-alert-heading">{t('admin.pushAlert.title')}</h2>
      {data.alert ? (
        <p>
          {t(REASON_KEY[data.alert.reason])} —{' '}
          <AdminTime ctx={ctx} instant={data.alert.createdAt} />
        </p>
      ) : (
        <p>{t('admin.pushAlert.none')}</p>
      )}
      {data.alert ? (
        <dl class="push-alert__counts">
          {COUNT_KEYS.map(([name, key]) => (
            <div key={name} data-count={name}>
              <dt>{t(key)}</dt>
              <dd>{n(data.counts[name])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {reachedNobody ? (
        <p class="push-alert__nobody">{t('admin.pushAlert.reachedNobody')}</p>
      ) : null}
      {canSend ? (
        <form method="post" action={`/admin/articles/${props.articleId}/push-alert`}>
          <CsrfField token={ctx.csrfToken} />
          <p class="field__hint">{t('admin.pushAlert.hint')}</p>
          <div class="push-alert__send">
            <button
              type="submit"
              class="button"
              disabled={capReached}
              aria-describedby={capReached ? 'push-alert-cap-reached' : undefined}
            >
              {t('admin.pushAlert.send')}
            </button>
            {capReached ? (
              <p class="push-alert__why" id="push-alert-cap-reached">
                {t('admin.pushAlert.capReached', { cap: n(data.cap) })}
              </p>
            ) : null}
          </div>
        </form>
      ) : null}
      {canSend && capReached ? null : (
        <p class="field__hint">{capUseText(ctx, data.used, data.cap)}</p>
      )}
    </section>
  );
}
