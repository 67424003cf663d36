/**
 * Older pages of the latest articles (`/?page=2` onwards), so that every
 * article stays reachable from the home page.
 */
import { formatNumber } from '../../arabic/digits.js';
import { litePath } from '../../domain/article-path.js';
import type { LatestPageContent } from '../../domain/reader-pages.js';
import { ArticleList } from './components/article-list.js';
import { latestPagePath, Pager } from './components/pager.js';
import { Layout } from './layout.js';
import { absoluteUrl, type PageContext } from './page-context.js';

export function LatestPage({ ctx, data }: { ctx: PageContext; data: LatestPageContent }) {
  const title = ctx.t('latest.title', { page: formatNumber(data.page, ctx.locale.numerals) });
  return (
    <Layout
      ctx={ctx}
      title={`${title} | ${ctx.siteName}`}
      lite={litePath.home(data.page)}
      canonical={absoluteUrl(ctx, latestPagePath(data.page))}
    >
      <section class="latest-page" aria-labelledby="latest-page-heading">
        <h1 id="latest-page-heading" class="page-title">
          {title}
        </h1>
        <ArticleList ctx={ctx} articles={data.articles} withExcerpt withImages />
        <Pager ctx={ctx} page={data.page} hasOlder={data.hasOlder} />
      </section>
    </Layout>
  );
}
