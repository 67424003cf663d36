/**
 * The home page: the lead story, the latest articles and the most read.
 */
import type { HomePageContent } from '../../domain/reader-pages.js';
import { Pager } from './components/pager.js';
import { PublishedTime } from './components/published-time.js';
import { ArticleList } from './components/article-list.js';
import { Layout } from './layout.js';
import { absoluteUrl, articlePath, type PageContext } from './page-context.js';

const MOST_READ_WINDOW_KEY = {
  day: 'home.mostRead.day',
  week: 'home.mostRead.week',
} as const;

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomePageContent }) {
  const { t } = ctx;
  const title = t('home.title', { siteName: ctx.siteName });
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t('home.description', { siteName: ctx.siteName })}
      canonical={absoluteUrl(ctx, '/')}
    >
      <h1 class="visually-hidden">{title}</h1>
      {data.lead === null ? (
        <p class="empty">{t('home.empty')}</p>
      ) : (
        <div class="home">
          <section class="lead-story" aria-labelledby="lead-heading">
            <h2 id="lead-heading" class="visually-hidden">
              {t('home.leadStory')}
            </h2>
            {data.lead.section ? (
              <p class="article__section">
                <bdi>{data.lead.section.name}</bdi>
              </p>
            ) : null}
            <h3 class="lead-story__headline">
              <a href={articlePath(data.lead.id)}>{data.lead.headline}</a>
            </h3>
            {data.lead.excerpt ? <p class="lead-story__excerpt">{data.lead.excerpt}</p> : null}
            <PublishedTime
              ctx={ctx}
              publishedAt={data.lead.publishedAt}
              precision={data.lead.publishedPrecision}
              localTime={null}
            />
          </section>
          {data.latest.length > 0 ? (
            <section class="home__latest" aria-labelledby="latest-heading">
              <h2 id="latest-heading">{t('home.latest')}</h2>
              <ArticleList ctx={ctx} articles={data.latest} withExcerpt />
              <Pager ctx={ctx} page={1} hasOlder={data.hasOlder} />
            </section>
          ) : null}
          {data.mostRead.some((l) => l.articles.length > 0) ? (
            <section class="home__most-read" aria-labelledby="most-read-heading">
              <h2 id="most-read-heading">{t('home.mostRead')}</h2>
              {data.mostRead.map((list) => (
                <>
                  {list.window === 'all' ? null : <h3>{t(MOST_READ_WINDOW_KEY[list.window])}</h3>}
                  <ArticleList ctx={ctx} articles={list.articles} ordered />
                </>
              ))}
            </section>
          ) : null}
        </div>
      )}
    </Layout>
  );
}
