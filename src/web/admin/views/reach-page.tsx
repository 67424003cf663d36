/**
 * /admin/reach (issue 20): how many readers each channel reaches (browser
 * alerts, the newsletter, the Telegram channel: counts only, never who),
 * the push messages still queued, the daily cap of breaking alerts (a
 * form for administrators) and the latest alerts with their counts. The
 * newsletter and Telegram pages are linked, not edited, here.
 */
import { can } from '../../../domain/roles.js';
import { formatNumber } from '../../../arabic/digits.js';
import type { ReachOverview } from '../../../domain/push-alert.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, ErrorSummary, Field } from './form-fields.js';
import { capUseText } from './push-alert-panel.js';

const REASON_KEY = {
  published: 'admin.pushAlert.reason.published',
  breaking: 'admin.pushAlert.reason.breaking',
  manual: 'admin.pushAlert.reason.manual',
} as const;

export function ReachPage(props: {
  ctx: AdminContext;
  overview: ReachOverview;
  errors?: FormErrors | undefined;
  capValue?: string | undefined;
  notice?: AdminNotice | null;
}) {
  const { ctx, overview } = props;
  const { t, user } = ctx;
  const n = (value: number) => formatNumber(value, ctx.locale.numerals);
  return (
    <AdminLayout ctx={ctx} title={t('admin.reach.title')} notice={props.notice}>
      <h1>{t('admin.reach.title')}</h1>
      <ErrorSummary t={t} errors={props.errors} />
      <p>{t('admin.reach.intro')}</p>
      <table class="reach-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.reach.channel')}</th>
            <th scope="col">{t('admin.reach.subscribers')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('admin.reach.manage')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-channel="push">
            <th scope="row">{t('admin.reach.push')}</th>
            <td>
              {n(overview.push.total)}
              <br />
              <small>{t('admin.reach.pushBreaking', { count: n(overview.push.breaking) })}</small>
              <br />
              <small>{t('admin.reach.outbox', { count: n(overview.push.pending) })}</small>
            </td>
            <td />
          </tr>
          <tr data-channel="email">
            <th scope="row">{t('admin.reach.newsletter')}</th>
            <td>{n(overview.newsletter.active)}</td>
            <td>
              {user && can(user, 'newsletter.manage') ? (
                <a href="/admin/newsletters">{t('admin.reach.manage')}</a>
              ) : null}
            </td>
          </tr>
          <tr data-channel="telegram">
            <th scope="row">
              {t('admin.reach.telegram')}
              {overview.telegram.chat ? (
                <>
                  <br />
                  <small class="reach-table__chat">
                    <bdi>{overview.telegram.chat}</bdi>
                  </small>
                </>
              ) : null}
            </th>
            <td>
              <span aria-hidden="true">—</span>
              <span class="visually-hidden">{t('admin.reach.telegramUncounted')}</span>
            </td>
            <td>
              {user && can(user, 'settings.manage') ? (
                <a href="/admin/telegram">{t('admin.reach.manage')}</a>
              ) : null}
            </td>
          </tr>
        </tbody>
      </table>
      <section class="card card--narrow">
        <h2>{t('admin.reach.cap')}</h2>
        <p>{capUseText(ctx, overview.used, overview.cap)}</p>
        {user && can(user, 'settings.manage') ? (
          <form method="post" action="/admin/reach/cap">
            <CsrfField token={ctx.csrfToken} />
            <Field
              name="cap"
              label={t('admin.reach.cap')}
              hint={t('admin.reach.capHint')}
              value={props.capValue ?? String(overview.cap)}
              error={props.errors?.fields?.cap}
              dir="ltr"
              required
            />
            <button type="submit" class="button button--primary">
              {t('admin.save')}
            </button>
          </form>
        ) : null}
      </section>
      <section>
        <h2>{t('admin.reach.recent')}</h2>
        {overview.recent.length === 0 ? (
          <p class="empty">{t('admin.reach.noAlerts')}</p>
        ) : (
          <ul class="user-list">
            {overview.recent.map((alert) => (
              <li class="user-list__item" key={alert.id}>
                <div class="user-list__who">
                  <a href={`/admin/articles/${alert.articleId}/edit#push-alert`}>
                    <strong>{alert.title}</strong>
                  </a>
                  <span>
                    {t(REASON_KEY[alert.reason])} —{' '}
                    <AdminTime ctx={ctx} instant={alert.createdAt} />
                  </span>
                  <span>
                    {t('admin.pushAlert.sent')}: {n(alert.sent)} · {t('admin.pushAlert.failed')}:{' '}
                    {n(alert.failed)} · {t('admin.pushAlert.gone')}: {n(alert.gone)}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminLayout>
  );
}
