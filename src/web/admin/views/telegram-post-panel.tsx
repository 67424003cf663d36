/**
 * The editor page's Telegram panel (issue 20), for a published article and
 * a user who may post it (`reader.alert`): the article's post to the
 * channel (none yet, waiting, posted, or not posted with Telegram's
 * reason) and «نشر في تيليغرام» while it has not gone out. When no
 * channel is connected it says so, with the way to the settings for an
 * administrator.
 */
import { can } from '../../../domain/roles.js';
import type { TelegramPost } from '../../../domain/telegram.js';
import type { AdminContext } from '../admin-context.js';
import { AdminTime } from './admin-time.js';
import { CsrfField } from './form-fields.js';

/** What the panel shows: whether a channel is connected, and the article's post (null: none). */
export interface TelegramPanelData {
  connected: boolean;
  post: TelegramPost | null;
}

export function TelegramPostPanel(props: {
  ctx: AdminContext;
  articleId: string;
  data: TelegramPanelData;
}) {
  const { ctx, data } = props;
  const { t, user } = ctx;
  if (!user || !can(user, 'reader.alert')) return null;
  const post = data.post;
  const canPost = data.connected && (post === null || post.status === 'failed');
  return (
    <aside class="card telegram-panel" aria-labelledby="telegram-panel-heading">
      <h2 id="telegram-panel-heading">{t('admin.telegram.panel.title')}</h2>
      {post === null ? (
        <p>{t('admin.telegram.panel.none')}</p>
      ) : (
        <p role="status">
          <span class={`badge telegram-status telegram-status--${post.status}`}>
            {t(`admin.telegram.status.${post.status}`)}
          </span>{' '}
          {post.status === 'sent' && post.finishedAt ? (
            <AdminTime ctx={ctx} instant={post.finishedAt} />
          ) : null}
          {post.status === 'pending' && post.attempts > 0 ? (
            <>
              {t('admin.telegram.nextAttempt')} <AdminTime ctx={ctx} instant={post.nextAttemptAt} />
            </>
          ) : null}
          {post.lastError !== null && post.status !== 'sent' ? (
            <>
              <br />
              <bdi dir="ltr" class="telegram-error">
                {post.lastError}
              </bdi>
            </>
          ) : null}
        </p>
      )}
      {!data.connected ? (
        <p class="field__hint">
          {t('admin.telegram.panel.notConnected')}{' '}
          {can(user, 'settings.manage') ? (
            <a href="/admin/telegram">{t('admin.telegram.panel.connect')}</a>
          ) : null}
        </p>
      ) : null}
      {canPost ? (
        <form method="post" action={`/admin/articles/${props.articleId}/telegram`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button">
            {post?.status === 'failed'
              ? t('admin.telegram.panel.retry')
              : t('admin.telegram.panel.post')}
          </button>
        </form>
      ) : null}
    </aside>
  );
}
