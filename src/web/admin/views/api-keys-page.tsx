/**
 * Content API keys, for administrators: the list (with when each was last
 * used, and revoke), a form to make one, and, once, the key just made.
 */
import type { ApiKey } from '../../../domain/api-key.js';
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, Field, FormError, ConfirmedActionForm } from './form-fields.js';

export function ApiKeysPage(props: {
  ctx: AdminContext;
  keys: ApiKey[];
  /** The key just made: shown this once. */
  created?: { name: string; key: string } | undefined;
  errors?: FormErrors | undefined;
}) {
  const { ctx, created } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.apiKeys.title')}>
      <h1>{t('admin.apiKeys.title')}</h1>
      <p>
        {t('admin.apiKeys.intro')}{' '}
        <a href="/api/openapi.json" dir="ltr">
          /api/openapi.json
        </a>
      </p>
      {created ? (
        <section class="card notice notice--success" role="status">
          <h2>{t('admin.apiKeys.created', { name: created.name })}</h2>
          <p>
            {t('admin.apiKeys.copyNow')} <code dir="ltr">Authorization: Bearer midad_…</code>
          </p>
          <label for="new-api-key">{t('admin.apiKeys.key')}</label>
          <input
            id="new-api-key"
            type="text"
            readOnly
            value={created.key}
            dir="ltr"
            class="api-key"
          />
        </section>
      ) : null}
      <FormError message={props.errors?.form} />
      {props.keys.length === 0 ? (
        <p class="empty">{t('admin.apiKeys.none')}</p>
      ) : (
        <ul class="user-list">
          {props.keys.map((key) => (
            <li class="user-list__item" key={key.id}>
              <div class="user-list__who">
                <strong>
                  <bdi>{key.name}</bdi>
                </strong>
                <code dir="ltr">{`${key.prefix}…`}</code>
                <span>
                  {t('admin.apiKeys.madeAt')} <AdminTime ctx={ctx} instant={key.createdAt} />
                </span>
                <span>
                  {key.lastUsedAt ? (
                    <>
                      {t('admin.apiKeys.lastUsed')} <AdminTime ctx={ctx} instant={key.lastUsedAt} />
                    </>
                  ) : (
                    t('admin.apiKeys.neverUsed')
                  )}
                </span>
                {key.revokedAt ? (
                  <span class="badge">
                    {t('admin.apiKeys.revokedAt')} <AdminTime ctx={ctx} instant={key.revokedAt} />
                  </span>
                ) : null}
              </div>
              {key.revokedAt ? null : (
                <div class="user-list__actions">
                  <ConfirmedActionForm
                    action={`/admin/api-keys/${key.id}/revoke`}
                    csrfToken={ctx.csrfToken}
                    confirmLabel={t('admin.apiKeys.confirmRevoke')}
                    buttonLabel={t('admin.apiKeys.revoke')}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <section class="card card--narrow">
        <h2>{t('admin.apiKeys.add')}</h2>
        <form method="post" action="/admin/api-keys">
          <CsrfField token={ctx.csrfToken} />
          <Field
            name="name"
            label={t('admin.apiKeys.name')}
            hint={t('admin.apiKeys.nameHint')}
            error={props.errors?.fields?.name}
            required
          />
          <button type="submit" class="button button--primary">
            {t('admin.apiKeys.add')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
