/**
 * The newsroom's page shell: Arabic right to left, or English left to
 * right, with the navigation the user's role allows and the language
 * switch. Usable on a phone: the navigation wraps.
 */
import type { ComponentChildren } from 'preact';
import { can } from '../../../domain/roles.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';

export function AdminLayout(props: {
  ctx: AdminContext;
  title: string;
  children: ComponentChildren;
  /** Said above the page: a success, or a refusal in the error style. */
  notice?: AdminNotice | null | undefined;
}) {
  const { ctx } = props;
  const { t, user } = ctx;
  return (
    <html lang={ctx.lang} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} | ${t('admin.title')} | ${ctx.siteName}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.assets.css} />
      </head>
      <body class="admin">
        <header class="admin-header">
          <a class="admin-header__brand" href="/admin">
            {ctx.siteName} · {t('admin.title')}
          </a>
          <nav class="admin-nav" aria-label={t('admin.title')}>
            {user ? (
              <>
                <a href="/admin">{t('admin.nav.dashboard')}</a>
                {ctx.wireDesk ? <a href="/admin/wire">{t('admin.nav.wire')}</a> : null}
                {can(user, 'stats.view') ? <a href="/admin/live">{t('admin.nav.live')}</a> : null}
                {can(user, 'article.create') ? (
                  <a href="/admin/articles/new">{t('admin.nav.newArticle')}</a>
                ) : null}
                {can(user, 'page.manage') ? (
                  <a href="/admin/pages">{t('admin.nav.pages')}</a>
                ) : null}
                {can(user, 'settings.manage') ? (
                  <a href="/admin/front-page">{t('admin.nav.frontPage')}</a>
                ) : null}
                {can(user, 'media.upload') ? (
                  <a href="/admin/media">{t('admin.nav.media')}</a>
                ) : null}
                {can(user, 'section.manage') ? (
                  <a href="/admin/sections">{t('admin.nav.sections')}</a>
                ) : null}
                {can(user, 'tag.manage') ? <a href="/admin/tags">{t('admin.nav.tags')}</a> : null}
                {can(user, 'redirect.manage') ? (
                  <a href="/admin/redirects">{t('admin.nav.redirects')}</a>
                ) : null}
                {can(user, 'user.manage') ? (
                  <a href="/admin/users">{t('admin.nav.users')}</a>
                ) : null}
                {can(user, 'apikey.manage') ? (
                  <a href="/admin/api-keys">{t('admin.nav.apiKeys')}</a>
                ) : null}
                {can(user, 'webhook.manage') ? (
                  <a href="/admin/webhooks">{t('admin.nav.webhooks')}</a>
                ) : null}
                {can(user, 'newsletter.manage') ? (
                  <a href="/admin/newsletters">{t('admin.nav.newsletters')}</a>
                ) : null}
                {can(user, 'settings.manage') ? (
                  <a href="/admin/telegram">{t('admin.nav.telegram')}</a>
                ) : null}
                {can(user, 'settings.manage') ? (
                  <a href="/admin/mirrors">{t('admin.nav.mirrors')}</a>
                ) : null}
                {can(user, 'reader.alert') ? (
                  <a href="/admin/reach">{t('admin.nav.reach')}</a>
                ) : null}
                <a href="/admin/account">{t('admin.nav.account')}</a>
              </>
            ) : null}
            <a href="/">{t('admin.nav.site')}</a>
          </nav>
          <div class="admin-header__tools">
            <form method="post" action="/admin/language">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="lang" value={ctx.lang === 'ar' ? 'en' : 'ar'} />
              <input type="hidden" name="back" value={ctx.path} />
              <button type="submit" lang={ctx.lang === 'ar' ? 'en' : 'ar'}>
                {t('admin.language')}
              </button>
            </form>
            {user ? (
              <form method="post" action="/admin/logout">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <span class="admin-header__user">
                  <bdi>{user.displayName}</bdi>
                </span>
                <button type="submit">{t('admin.signOut')}</button>
              </form>
            ) : null}
          </div>
        </header>
        <main class="admin-main" id="main">
          {props.notice ? <Notice notice={props.notice} /> : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A notice in the style of its kind (admin-context.ts AdminNotice). */
export function Notice({ notice }: { notice: AdminNotice }) {
  switch (notice.kind) {
    case 'success':
      return (
        <p class="notice notice--success" role="status">
          {notice.text}
        </p>
      );
    case 'error':
      return (
        <p class="notice notice--error" role="alert">
          {notice.text}
        </p>
      );
  }
}
