/**
 * `/admin/telegram` (issue 20), for administrators: the site's Telegram
 * channel. The connection (the bot's token, shown masked once saved; the
 * channel as @name or numeric id), what is posted automatically
 * (breaking news, on by default; the articles of chosen sections), the
 * check «تحقق» with what it found, and the log of the newest posts with
 * each one's status and Telegram's reason when it failed.
 */
import type { Section } from '../../../domain/article.js';
import type {
  TelegramCheck,
  TelegramPost,
  TelegramSettingsView,
} from '../../../domain/telegram.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { ConfirmedActionForm, CsrfField, ErrorSummary, Field } from './form-fields.js';
import { TelegramFailure } from './telegram-post-panel.js';

/** `text` isolated left to right (U+2066 … U+2069, UAX #9), for @names, ids and English in Arabic. */
const ltr = (text: string) => (text === '' ? '' : `\u2066${text}\u2069`);
/** `text` isolated in its own direction (U+2068 … U+2069), for a channel's title. */
const own = (text: string) => `\u2068${text}\u2069`;

/** What the check found, as a sentence of the admin's language. */
function checkSentence(ctx: AdminContext, check: TelegramCheck): string {
  const { t } = ctx;
  if (check.ok) {
    return t('admin.telegram.check.ok', {
      bot: ltr(`@${check.botUsername}`),
      name: own(check.botName),
      chat: own(check.chatTitle),
    });
  }
  const vars = {
    bot: check.botUsername ? ltr(`@${check.botUsername}`) : '',
    chat: ltr(check.chat ?? ''),
    detail: ltr(check.detail),
  };
  switch (check.problem) {
    case 'not-set':
      return t('admin.telegram.check.notSet');
    case 'network':
      return t('admin.telegram.check.network', vars);
    case 'token':
      return t('admin.telegram.check.token', vars);
    case 'chat-not-found':
      return t('admin.telegram.check.chatNotFound', vars);
    case 'chat-private':
      return t('admin.telegram.check.chatPrivate', vars);
    case 'bot-not-member':
      return t('admin.telegram.check.botNotMember', vars);
    case 'not-admin':
      return t('admin.telegram.check.notAdmin', vars);
    case 'cannot-post':
      return t('admin.telegram.check.cannotPost', vars);
    case 'api':
      return t('admin.telegram.check.api', vars);
  }
}

export function TelegramPage(props: {
  ctx: AdminContext;
  settings: TelegramSettingsView;
  sections: Section[];
  posts: TelegramPost[];
  check?: TelegramCheck | undefined;
  notice?: AdminNotice | null;
  errors?: FormErrors | undefined;
  /** What was sent, when re-showing a refused form. */
  values?: { chat: string; autoBreaking: boolean; sectionIds: string[] } | undefined;
}) {
  const { ctx, settings } = props;
  const { t } = ctx;
  const values = props.values ?? settings;
  const fields = props.errors?.fields ?? {};
  const chosen = new Set(values.sectionIds);
  return (
    <AdminLayout ctx={ctx} title={t('admin.telegram.title')} notice={props.notice ?? null}>
      <h1>{t('admin.telegram.title')}</h1>
      <p>{t('admin.telegram.intro')}</p>
      <ErrorSummary t={t} errors={props.errors} />
      {props.check ? (
        <p
          class={props.check.ok ? 'notice notice--success' : 'notice notice--error'}
          role={props.check.ok ? 'status' : 'alert'}
          data-check={props.check.ok ? 'ok' : props.check.problem}
        >
          {checkSentence(ctx, props.check)}
        </p>
      ) : null}
      <div class="telegram-layout">
        <section class="card" aria-labelledby="telegram-connection">
          <h2 id="telegram-connection">{t('admin.telegram.connection')}</h2>
          <p class="telegram-state">
            {settings.connected
              ? settings.chatTitle
                ? t('admin.telegram.connectedTo', { chat: own(settings.chatTitle) })
                : t('admin.telegram.savedUnchecked')
              : t('admin.telegram.notConnected')}
          </p>
          <form method="post" action="/admin/telegram">
            <CsrfField token={ctx.csrfToken} />
            <Field
              name="token"
              type="password"
              autocomplete="off"
              label={t('admin.telegram.token')}
              hint={
                settings.maskedToken
                  ? t('admin.telegram.tokenSaved', { token: ltr(settings.maskedToken) })
                  : t('admin.telegram.tokenHint')
              }
              error={fields.token}
            />
            <Field
              name="chat"
              label={t('admin.telegram.chat')}
              hint={t('admin.telegram.chatHint')}
              value={values.chat ?? ''}
              dir="ltr"
              error={fields.chat}
            />
            <fieldset class="field">
              <legend>{t('admin.telegram.auto')}</legend>
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="autoBreaking"
                  value="yes"
                  checked={values.autoBreaking}
                />{' '}
                {t('admin.telegram.autoBreaking')}
              </label>
              <p class="field__hint">{t('admin.telegram.sectionsHint')}</p>
              {props.sections.length === 0 ? (
                <p class="empty">{t('admin.telegram.noSections')}</p>
              ) : (
                <div class="telegram-sections">
                  {props.sections.map((section) => (
                    <label class="checkbox" key={section.id}>
                      <input
                        type="checkbox"
                        name="sections"
                        value={section.id}
                        checked={chosen.has(section.id)}
                      />{' '}
                      <bdi>{section.name}</bdi>
                    </label>
                  ))}
                </div>
              )}
              {fields.sections ? <p class="field__error">{fields.sections}</p> : null}
            </fieldset>
            <button type="submit" class="button button--primary">
              {t('admin.save')}
            </button>
          </form>
        </section>
        <section class="card" aria-labelledby="telegram-check">
          <h2 id="telegram-check">{t('admin.telegram.checkTitle')}</h2>
          <p>{t('admin.telegram.checkHint')}</p>
          <form method="post" action="/admin/telegram/check">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button" disabled={!settings.connected}>
              {t('admin.telegram.check')}
            </button>
          </form>
          {settings.maskedToken ? (
            <>
              <h3>{t('admin.telegram.disconnect')}</h3>
              <p class="field__hint">{t('admin.telegram.disconnectHint')}</p>
              <ConfirmedActionForm
                action="/admin/telegram/disconnect"
                csrfToken={ctx.csrfToken}
                confirmLabel={t('admin.telegram.disconnectConfirm')}
                buttonLabel={t('admin.telegram.disconnect')}
              />
            </>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="telegram-log">
        <h2 id="telegram-log">{t('admin.telegram.log')}</h2>
        {props.posts.length === 0 ? (
          <p class="empty">{t('admin.telegram.noPosts')}</p>
        ) : (
          <div class="table-scroll">
            <table class="delivery-log telegram-log">
              <thead>
                <tr>
                  <th>{t('admin.telegram.when')}</th>
                  <th>{t('admin.telegram.article')}</th>
                  <th>{t('admin.telegram.outcome')}</th>
                  <th>{t('admin.telegram.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {props.posts.map((post) => (
                  <tr key={post.articleId}>
                    <td class="telegram-log__when">
                      <AdminTime ctx={ctx} instant={post.finishedAt ?? post.createdAt} />
                    </td>
                    <td class="telegram-log__article">
                      <a href={`/admin/articles/${post.articleId}/edit`}>
                        <bdi>{post.headline}</bdi>
                      </a>
                    </td>
                    <td class="telegram-log__outcome">
                      <span class={`badge telegram-status telegram-status--${post.status}`}>
                        {t(`admin.telegram.status.${post.status}`)}
                      </span>
                      {post.lastError !== null && post.status !== 'sent' ? (
                        <>
                          {' '}
                          <TelegramFailure ctx={ctx} lastError={post.lastError} />
                        </>
                      ) : null}
                      {post.status === 'pending' && post.attempts > 0 ? (
                        <>
                          {' · '}
                          {t('admin.telegram.nextAttempt')}{' '}
                          <AdminTime ctx={ctx} instant={post.nextAttemptAt} />
                        </>
                      ) : null}
                    </td>
                    <td class="telegram-log__attempts" data-label={t('admin.telegram.attempts')}>
                      {post.attempts}
                    </td>
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
