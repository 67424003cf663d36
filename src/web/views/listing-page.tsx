/**
 * Section, tag and author pages: the articles filed there, newest first,
 * page by page (`?page=N`).
 */
import { formatNumber } from '../../arabic/digits.js';
import { listingPath } from '../../domain/article-path.js';
import type { ListingContent } from '../../domain/reader-pages.js';
import { ArticleList } from './components/article-list.js';
import { Layout } from './layout.js';
import { breadcrumbData } from './structured-data.js';
import { absoluteUrl, type PageContext } from './page-context.js';

const TITLE_KEY = {
  section: 'listing.section',
  tag: 'listing.tag',
  author: 'listing.author',
} as const;

/** The title of a section, tag or author page: `وسم: سوريا`. */
export function listingTitle(ctx: PageContext, kind: ListingContent['kind'], name: string): string {
  return ctx.t(TITLE_KEY[kind], { name });
}

export function ListingPage({ ctx, data }: { ctx: PageContext; data: ListingContent }) {
  const { t } = ctx;
  const name = listingTitle(ctx, data.kind, data.name);
  const title =
    data.page > 1
      ? t('listing.page', { title: name, page: formatNumber(data.page, ctx.locale.numerals) })
      : name;
  return (
    <Layout
      ctx={ctx}
      title={`${title} | ${ctx.siteName}`}
      canonical={absoluteUrl(ctx, listingPath(data.kind, data.slug, data.page))}
      feed={{ owner: { kind: data.kind, slug: data.slug }, title: `${name} | ${ctx.siteName}` }}
      structuredData={[
        breadcrumbData([
          { name: ctx.siteName, url: absoluteUrl(ctx, '/') },
          { name, url: absoluteUrl(ctx, listingPath(data.kind, data.slug)) },
        ]),
      ]}
    >
      <section class="latest-page" aria-labelledby="listing-heading">
        <h1 id="listing-heading" class="page-title">
          {title}
        </h1>
        {data.bio ? <p class="listing__bio">{data.bio}</p> : null}
        {data.articles.length === 0 ? <p class="empty">{t('listing.empty')}</p> : null}
        <ArticleList ctx={ctx} articles={data.articles} withExcerpt />
        {data.page > 1 || data.hasOlder ? (
          <nav class="pager" aria-label={t('pager.label')}>
            {data.page > 1 ? (
              <a href={listingPath(data.kind, data.slug, data.page - 1)} rel="prev">
                {t('pager.newer')}
              </a>
            ) : null}
            {data.hasOlder ? (
              <a href={listingPath(data.kind, data.slug, data.page + 1)} rel="next">
                {t('pager.older')}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
}
