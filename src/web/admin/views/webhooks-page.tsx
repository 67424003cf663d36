/**
 * Publish webhooks, for administrators: the hooks with delete, the form
 * that registers one (its signing secret is shown once), and the log of
 * the newest deliveries with each one's outcome.
 */
import { WEBHOOK_EVENTS } from '../../../domain/webhook.js';
import type { Delivery, Webhook } from '../../../domain/webhook.js';
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, Field, FormError, ConfirmedActionForm } from './form-fields.js';

const STATUS_KEY = {
  pending: 'admin.webhooks.status.pending',
  delivered: 'admin.webhooks.status.delivered',
  failed: 'admin.webhooks.status.failed',
} as const;

/** The headline of the article a delivery reports, from its body. */
function headlineOf(payload: string): string {
  try {
    const headline = (JSON.parse(payload) as { article?: { headline?: unknown } }).article
      ?.headline;
    return typeof headline === 'string' ? headline : '';
  } catch {
    return '';
  }
}

export function WebhooksPage(props: {
  ctx: AdminContext;
  hooks: Webhook[];
  deliveries: Delivery[];
  created?: { url: string; secret: string } | undefined;
  errors?: FormErrors | undefined;
}) {
  const { ctx, created } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.webhooks.title')}>
      <h1>{t('admin.webhooks.title')}</h1>
      <p>{t('admin.webhooks.intro')}</p>
      {created ? (
        <section class="card notice notice--success" role="status">
          <h2>{t('admin.webhooks.created')}</h2>
          <p>
            <bdi dir="ltr">{created.url}</bdi>
          </p>
          <p>
            {t('admin.webhooks.secretOnce')} <code dir="ltr">Midad-Signature: t=…,v1=…</code>
          </p>
          <label for="new-webhook-secret">{t('admin.webhooks.secret')}</label>
          <input id="new-webhook-secret" type="text" readOnly value={created.secret} dir="ltr" />
        </section>
      ) : null}
      <FormError message={props.errors?.form} />
      {props.hooks.length === 0 ? (
        <p class="empty">{t('admin.webhooks.none')}</p>
      ) : (
        <ul class="user-list">
          {props.hooks.map((hook) => (
            <li class="user-list__item" key={hook.id}>
              <div class="user-list__who">
                <strong>
                  <bdi dir="ltr">{hook.url}</bdi>
                </strong>
                <span dir="ltr">{hook.events.join(', ')}</span>
                {hook.allowPrivate ? (
                  <span class="badge">{t('admin.webhooks.private')}</span>
                ) : null}
              </div>
              <div class="user-list__actions">
                <ConfirmedActionForm
                  action={`/admin/webhooks/${hook.id}/delete`}
                  csrfToken={ctx.csrfToken}
                  confirmLabel={t('admin.confirmDelete')}
                  buttonLabel={t('admin.delete')}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <section class="card card--narrow">
        <h2>{t('admin.webhooks.add')}</h2>
        <form method="post" action="/admin/webhooks">
          <CsrfField token={ctx.csrfToken} />
          <Field
            name="url"
            label={t('admin.webhooks.url')}
            hint={t('admin.webhooks.urlHint')}
            error={props.errors?.fields?.url}
            required
          />
          <fieldset class="field">
            <legend>{t('admin.webhooks.events')}</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label class="checkbox" key={event}>
                <input type="checkbox" name="events" value={event} checked />{' '}
                <code dir="ltr">{event}</code>
              </label>
            ))}
            {props.errors?.fields?.events ? (
              <p class="field__error">{props.errors.fields.events}</p>
            ) : null}
          </fieldset>
          <label class="checkbox">
            <input type="checkbox" name="allowPrivate" value="yes" />{' '}
            {t('admin.webhooks.allowPrivate')}
          </label>
          <button type="submit" class="button button--primary">
            {t('admin.webhooks.add')}
          </button>
        </form>
      </section>
      <section>
        <h2>{t('admin.webhooks.log')}</h2>
        {props.deliveries.length === 0 ? (
          <p class="empty">{t('admin.webhooks.noDeliveries')}</p>
        ) : (
          <div class="table-scroll">
            <table class="delivery-log">
              <thead>
                <tr>
                  <th>{t('admin.webhooks.when')}</th>
                  <th>{t('admin.webhooks.event')}</th>
                  <th>{t('admin.webhooks.article')}</th>
                  <th>{t('admin.webhooks.url')}</th>
                  <th>{t('admin.webhooks.outcome')}</th>
                  <th>{t('admin.webhooks.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {props.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <AdminTime ctx={ctx} instant={d.createdAt} />
                    </td>
                    <td>
                      <code dir="ltr">{d.event}</code>
                    </td>
                    <td>
                      <bdi>{headlineOf(d.payload)}</bdi>
                    </td>
                    <td>
                      <bdi dir="ltr">{d.url}</bdi>
                    </td>
                    <td>
                      {t(STATUS_KEY[d.status])}
                      {d.lastStatusCode !== null || d.lastError !== null ? (
                        <>
                          {' '}
                          <bdi dir="ltr">{d.lastError ?? `HTTP ${d.lastStatusCode}`}</bdi>
                        </>
                      ) : null}
                      {d.status === 'pending' && d.attempts > 0 ? (
                        <>
                          {' · '}
                          {t('admin.webhooks.nextAttempt')}{' '}
                          <AdminTime ctx={ctx} instant={d.nextAttemptAt} />
                        </>
                      ) : null}
                    </td>
                    <td>{d.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminLayout>
  );
}
