/**
 * "Related articles" after an article's body: headlines with thumbnails
 * (or the designed stand-in) and their dates, newest first.
 */
import type { ArticleSummary } from '../../../domain/article.js';
import { articlePath, type PageContext } from '../page-context.js';
import { PublishedTime } from './published-time.js';
import { StoryImage } from './story-image.js';

/**
 * @example <RelatedArticles ctx={ctx} articles={summaries} />
 * // <section class="related" aria-labelledby="related-heading"><h2 …>أخبار ذات صلة</h2><ul>…</ul></section>
 */
export function RelatedArticles({
  ctx,
  articles,
}: {
  ctx: PageContext;
  articles: readonly ArticleSummary[];
}) {
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">{ctx.t('article.related')}</h2>
      <ul class="related__list">
        {articles.map((story) => (
          <li key={story.id} class="related__item">
            <StoryImage story={story} size="thumb" fallbackText={ctx.siteName} />
            <div class="related__text">
              <a href={articlePath(story.id)} class="related__headline">
                {story.headline}
              </a>
              <PublishedTime
                ctx={ctx}
                publishedAt={story.publishedAt}
                precision={story.publishedPrecision}
                localTime={null}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
