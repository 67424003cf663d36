/**
 * The editor page's Telegram panel (issue 20), for a published article and
 * a user who may post it (`reader.alert`): the article's post to the
 * channel (none yet, waiting, posted, or not posted with Telegram's
 * reason, explained in Arabic), why it was posted (by hand, its section,
 * breaking news) and that it is posted once, so marking it breaking later
 * posts nothing; and «نشر في تيليغرام» while it has not gone out. When no
 * channel is connected it says so, with the way to the settings for an
 * administrator.
 */
import { can } from '../../../domain/roles.js';
import { telegramProblemOfError, type TelegramPost } from '../../../domain/telegram.js';
import type { AdminContext } from '../admin-context.js';
import { AdminTime } from './admin-time.js';
import { CsrfField } from './form-fields.js';

/**
 * Why a post failed or waits: the Arabic explanation of the check's own
 * mapping (domain/telegram.ts telegramProblemOfError), then Telegram's raw
 * reason, small and isolated left to right (`<bdi dir="ltr">`, UAX #9).
 */
export function TelegramFailure(props: { ctx: AdminContext; lastError: string }) {
  const problem = telegramProblemOfError(props.lastError);
  return (
    <span class="telegram-failure">
      {problem !== null ? (
        <>
          <span class="telegram-reason">
            {props.ctx.t(`admin.telegram.reason.${problem}`)}
          </span>{' '}
        </>
      ) : null}
      <small class="telegram-error">
        <bdi dir="ltr">{props.lastError}</bdi>
      </small>
    </span>
  );
}

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
              <TelegramFailure ctx={ctx} lastError={post.lastError} />
            </>
          ) : null}
        </p>
      )}
      {post !== null && post.status !== 'failed' && post.reason !== null ? (
        <p class="telegram-why">{t(`admin.telegram.panel.why.${post.reason}`)}</p>
      ) : null}
      {post !== null && (post.status === 'sent' || post.status === 'pending') ? (
        <p class="field__hint telegram-once">{t('admin.telegram.panel.once')}</p>
      ) : null}
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
