/**
 * The home page, laid out like a newspaper's front page: the lead story
 * with its picture large and the secondary leads beside it (under it on a
 * phone); then a block per section an administrator chose (the first story
 * with its picture, the rest with thumbnails) and the opinion block with
 * each writer's photo; beside them (under them on a phone) the most read
 * and the latest news.
 */
import { listingPath, litePath } from '../../domain/article-path.js';
import type { HomePageContent, SectionBlock } from '../../domain/reader-pages.js';
import { Pager } from './components/pager.js';
import { ArticleList } from './components/article-list.js';
import { OpinionPiece, Story } from './components/front-stories.js';
import { Layout } from './layout.js';
import { absoluteUrl, type PageContext } from './page-context.js';

const MOST_READ_WINDOW_KEY = {
  day: 'home.mostRead.day',
  week: 'home.mostRead.week',
} as const;

function Block({ ctx, block }: { ctx: PageContext; block: SectionBlock }) {
  const [first, ...rest] = block.articles;
  const path = listingPath('section', block.section.slug);
  const headingId = `block-${block.section.id}`;
  return (
    <section class="front-block" aria-labelledby={headingId}>
      <h2 class="front-block__title" id={headingId}>
        <a href={path}>{block.section.name}</a>
      </h2>
      <div class="front-block__stories">
        {first ? <Story ctx={ctx} story={first} size="card" withExcerpt /> : null}
        {rest.length > 0 ? (
          <div class="front-block__rest">
            {rest.map((story) => (
              <Story key={story.id} ctx={ctx} story={story} size="thumb" />
            ))}
          </div>
        ) : null}
      </div>
      <a class="front-block__more" href={path}>
        {ctx.t('home.sectionMore', { section: block.section.name })}
      </a>
    </section>
  );
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomePageContent }) {
  const { t } = ctx;
  const title = t('home.title', { siteName: ctx.siteName });
  const hasMain = data.blocks.length > 0 || data.opinion !== null;
  return (
    <Layout
      ctx={ctx}
      title={title}
      lite={litePath.home()}
      description={t('home.description', { siteName: ctx.siteName })}
      canonical={absoluteUrl(ctx, '/')}
      current="/"
    >
      <h1 class="visually-hidden">{title}</h1>
      {data.lead === null ? (
        <p class="empty">{t('home.empty')}</p>
      ) : (
        <div class="front">
          <div class="front-top">
            <section class="lead-story" aria-labelledby="lead-heading">
              <h2 id="lead-heading" class="visually-hidden">
                {t('home.leadStory')}
              </h2>
              <Story
                ctx={ctx}
                story={data.lead}
                size="lead"
                withExcerpt
                withSection
                priority="high"
              />
            </section>
            {data.secondary.length > 0 ? (
              <section class="secondary-leads" aria-labelledby="secondary-heading">
                <h2 id="secondary-heading" class="visually-hidden">
                  {t('home.secondary')}
                </h2>
                {data.secondary.map((story) => (
                  <Story key={story.id} ctx={ctx} story={story} size="card" withSection />
                ))}
              </section>
            ) : null}
          </div>
          {/* Without section blocks or opinion (a new site), the lists take the whole width. */}
          <div class={hasMain ? 'front-body' : 'front-body front-body--lists'}>
            {hasMain ? (
              <div class="front-main">
                {data.blocks.map((block) => (
                  <Block key={block.section.id} ctx={ctx} block={block} />
                ))}
                {data.opinion ? (
                  <section class="front-block opinion-block" aria-labelledby="opinion-heading">
                    <h2 class="front-block__title" id="opinion-heading">
                      <a href={listingPath('section', data.opinion.section.slug)}>
                        {data.opinion.section.name}
                      </a>
                    </h2>
                    <div class="opinion-block__pieces">
                      {data.opinion.items.map((item) => (
                        <OpinionPiece
                          key={item.article.id}
                          ctx={ctx}
                          story={item.article}
                          writer={item.writer}
                        />
                      ))}
                    </div>
                  </section>
                ) : null}
              </div>
            ) : null}
            <aside class="front-aside">
              {data.mostRead.some((l) => l.articles.length > 0) ? (
                <section class="home__most-read" aria-labelledby="most-read-heading">
                  <h2 id="most-read-heading" class="front-aside__title">
                    <span>{t('home.mostRead')}</span>
                  </h2>
                  {data.mostRead.map((list) => (
                    <>
                      {list.window === 'all' ? null : (
                        <h3 class="front-aside__window">{t(MOST_READ_WINDOW_KEY[list.window])}</h3>
                      )}
                      <ArticleList ctx={ctx} articles={list.articles} ordered />
                    </>
                  ))}
                </section>
              ) : null}
              {data.latest.length > 0 ? (
                <section class="home__latest" aria-labelledby="latest-heading">
                  <h2 id="latest-heading" class="front-aside__title">
                    <span>{t('home.latest')}</span>
                  </h2>
                  <div class="front-latest">
                    {data.latest.map((story) => (
                      <Story key={story.id} ctx={ctx} story={story} size="thumb" withSection />
                    ))}
                  </div>
                  <Pager ctx={ctx} page={1} hasOlder={data.hasOlder} />
                </section>
              ) : null}
            </aside>
          </div>
        </div>
      )}
    </Layout>
  );
}
