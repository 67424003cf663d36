/**
 * The lite home page, its older pages and a section's lite pages (issue
 * 22): headlines linking to lite article pages, each with its date, the
 * lead story's standfirst, and links to newer and older pages. The home
 * page also lists the sections the header offers (SiteHeader.browseSections).
 */
import type { ArticleSummary } from '../../../domain/article.js';
import { litePath } from '../../../domain/article-path.js';
import { formatNumber } from '../../../arabic/digits.js';
import { PublishedTime } from '../components/published-time.js';
import type { PageContext } from '../page-context.js';
import { LiteLayout } from './lite-layout.js';

export interface LiteListing {
  /** The page's heading (and title, before the site's name). */
  heading: string;
  /** Path of the full version of this page. */
  full: string;
  /** The lead story, shown first with its standfirst (the home page's first page), or null. */
  lead: ArticleSummary | null;
  articles: readonly ArticleSummary[];
  /** Path of the newer page, or null on the first. */
  newer: string | null;
  /** Path of the older page, or null on the last. */
  older: string | null;
  /** The header's sections (SiteHeader.browseSections) are listed under the headlines (the home page). */
  withSections: boolean;
}

export function LiteListingPage({ ctx, data }: { ctx: PageContext; data: LiteListing }) {
  const { t } = ctx;
  const empty = data.lead === null && data.articles.length === 0;
  return (
    <LiteLayout ctx={ctx} title={`${data.heading} | ${ctx.siteName}`} full={data.full}>
      <h1>{data.heading}</h1>
      {empty ? <p>{t('home.empty')}</p> : null}
      <ul class="l">
        {data.lead ? (
          <li>
            <LiteHeadline ctx={ctx} article={data.lead} />
            {data.lead.excerpt ? (
              <>
                <br />
                {data.lead.excerpt}
              </>
            ) : null}
          </li>
        ) : null}
        {data.articles.map((article) => (
          <li key={article.id}>
            <LiteHeadline ctx={ctx} article={article} />
          </li>
        ))}
      </ul>
      {data.newer || data.older ? (
        <p>
          {data.newer ? <a href={data.newer}>{t('pager.newer')}</a> : null}
          {data.newer && data.older ? ' · ' : null}
          {data.older ? <a href={data.older}>{t('pager.older')}</a> : null}
        </p>
      ) : null}
      {data.withSections && ctx.header.browseSections.length > 0 ? (
        <>
          <h2>{t('lite.sections')}</h2>
          <ul class="l">
            {ctx.header.browseSections.map((section) => (
              <li key={section.id}>
                <a href={litePath.section(section.slug)}>{section.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </LiteLayout>
  );
}

/** A headline linking to its lite page, with its date. */
function LiteHeadline({ ctx, article }: { ctx: PageContext; article: ArticleSummary }) {
  return (
    <>
      <a href={litePath.article(article.id)}>
        <b>{article.headline}</b>
      </a>
      <br />
      <span class="m">
        <PublishedTime
          ctx={ctx}
          publishedAt={article.publishedAt}
          precision={article.publishedPrecision}
          localTime={null}
        />
      </span>
    </>
  );
}

/** The heading of page `page` of a listing titled `title`: «الرياضة، الصفحة ٢». */
export function pagedHeading(ctx: PageContext, title: string, page: number): string {
  return page > 1
    ? ctx.t('listing.page', { title, page: formatNumber(page, ctx.locale.numerals) })
    : title;
}
