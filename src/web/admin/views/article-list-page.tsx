/**
 * The newsroom's list of articles: tabs by status, "only mine", and each
 * article with its status, bylines, last change and, once published, its
 * views in the last 24 hours. Writers who may not
 * edit every article see only their own.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { formatNumber } from '../../../arabic/digits.js';
import { can } from '../../../domain/roles.js';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../domain/workflow.js';
import type { NewsroomListItem } from '../../../domain/newsroom-list.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';

export function ArticleListPage(props: {
  ctx: AdminContext;
  articles: NewsroomListItem[];
  status: ArticleStatus | null;
  mine: boolean;
  /** The headline search, '' for none. */
  q?: string;
  /** 1-based. */
  page?: number;
  hasMore?: boolean;
  notice?: AdminNotice | null;
}) {
  const { ctx } = props;
  const { t, user } = ctx;
  const q = props.q ?? '';
  const page = props.page ?? 1;
  const query = (status: ArticleStatus | null, mine: boolean, toPage = 1) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (mine) params.set('mine', '1');
    if (q) params.set('q', q);
    if (toPage > 1) params.set('page', String(toPage));
    const text = params.toString();
    return text ? `/admin?${text}` : '/admin';
  };
  return (
    <AdminLayout ctx={ctx} title={t('admin.articles.title')} notice={props.notice}>
      <div class="page-head">
        <h1>{t('admin.articles.title')}</h1>
        {user && can(user, 'article.create') ? (
          <a class="button button--primary" href="/admin/articles/new">
            {t('admin.nav.newArticle')}
          </a>
        ) : null}
      </div>
      <p>{t('admin.dashboard.welcome', { name: user?.displayName ?? '' })}</p>
      <nav class="tabs" aria-label={t('admin.articles.title')}>
        {[null, ...ARTICLE_STATUSES].map((status) => (
          <a
            href={query(status, props.mine)}
            aria-current={status === props.status ? 'page' : undefined}
          >
            {status ? t(`admin.status.${status}`) : t('admin.status.all')}
          </a>
        ))}
        {user && can(user, 'article.edit.any') ? (
          <a href={query(props.status, !props.mine)} aria-pressed={props.mine ? 'true' : 'false'}>
            {t('admin.articles.mine')}
          </a>
        ) : null}
      </nav>
      <form method="get" action="/admin" role="search" class="inline-form">
        {props.status ? <input type="hidden" name="status" value={props.status} /> : null}
        {props.mine ? <input type="hidden" name="mine" value="1" /> : null}
        <label for="article-search">{t('admin.articles.search')}</label>
        <input id="article-search" type="search" name="q" value={q} dir="auto" maxLength={200} />
        <button type="submit" class="button">
          {t('admin.articles.searchButton')}
        </button>
      </form>
      {props.articles.length === 0 ? (
        <p>{t('admin.articles.empty')}</p>
      ) : (
        <ul class="article-rows">
          {props.articles.map((a) => (
            <li class="article-row" key={a.id}>
              <a class="article-row__headline" href={`/admin/articles/${a.id}/edit`}>
                {a.headline || t('admin.articles.untitled')}
              </a>
              <span class={`badge badge--${a.status}`}>{t(`admin.status.${a.status}`)}</span>
              {a.wireWithdrawn ? (
                <span class="badge badge--wire-withdrawn">
                  {t(
                    a.wireWithdrawn === 'canceled'
                      ? 'admin.articles.wireCanceled'
                      : 'admin.articles.wireWithheld',
                  )}
                </span>
              ) : null}
              <RowMeta ctx={ctx} article={a} />
              {a.viewsLastDay !== undefined ? (
                <span class="article-row__views" data-views-24h={a.viewsLastDay}>
                  {t('admin.articles.views24h', {
                    views: formatNumber(a.viewsLastDay, ctx.locale.numerals),
                  })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {page > 1 || props.hasMore ? (
        <nav class="pager" aria-label={t('pager.label')}>
          {page > 1 ? (
            <a href={query(props.status, props.mine, page - 1)} rel="prev">
              {t('pager.previous')}
            </a>
          ) : null}
          {props.hasMore ? (
            <a href={query(props.status, props.mine, page + 1)} rel="next">
              {t('pager.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}

/**
 * A row's bylines and last change, `·` between them only when both are
 * there. An imported article no one has changed here says when it was
 * imported (`importedAt`), not the source's date that its `updatedAt` holds.
 */
export function RowMeta({ ctx, article }: { ctx: AdminContext; article: NewsroomListItem }) {
  const { t } = ctx;
  const byline =
    article.authorNames.length > 0 ? article.authorNames.join('، ') : article.bylineText;
  const parts: ComponentChildren[] = [];
  if (byline) parts.push(<bdi>{byline}</bdi>);
  parts.push(
    article.importedAt ? (
      <>
        {t('admin.articles.imported')} <AdminTime ctx={ctx} instant={article.importedAt} />
      </>
    ) : (
      <>
        {t('admin.articles.updated')} <AdminTime ctx={ctx} instant={article.updatedAt} />
      </>
    ),
  );
  return (
    <span class="article-row__meta">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? ' · ' : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
