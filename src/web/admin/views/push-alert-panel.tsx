/**
 * The editor page's push panel (issue 20): whether the article's browser
 * alert went out and why, its counts (delivered, failed, expired
 * subscriptions, still queued), the daily cap's use, and «إرسال تنبيه»
 * for a published article whose alert did not go to breaking-news
 * subscribers yet (`reader.alert`).
 */
import { formatNumber } from '../../../arabic/digits.js';
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

export function PushAlertPanel(props: {
  ctx: AdminContext;
  articleId: string;
  data: PushAlertPanelData;
}) {
  const { ctx, data } = props;
  const { t } = ctx;
  const n = (value: number) => formatNumber(value, ctx.locale.numerals);
  const canSend = data.alert === null || data.alert.reason === 'published';
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
      {canSend && data.used >= data.cap ? (
        <p class="notice notice--error">{t('admin.pushAlert.capReached')}</p>
      ) : null}
      {canSend ? (
        <form method="post" action={`/admin/articles/${props.articleId}/push-alert`}>
          <CsrfField token={ctx.csrfToken} />
          <p class="field__hint">{t('admin.pushAlert.hint')}</p>
          <button type="submit" class="button">
            {t('admin.pushAlert.send')}
          </button>
        </form>
      ) : null}
      <p class="field__hint">
        {t('admin.pushAlert.capLeft', { used: n(data.used), cap: n(data.cap) })}
      </p>
    </section>
  );
}
