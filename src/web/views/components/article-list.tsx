/**
 * A list of linked headlines with their date (relative when recent), and
 * optionally each story's excerpt and thumbnail (`withImages`: its featured
 * image or a designed stand-in, StoryImage `thumb`). With thumbnails the
 * whole item is the headline's link (a stretched link, so the picture is
 * clickable without a second link to the same place).
 */
import { formatDate, formatRelativeTime } from '../../../arabic/dates.js';
import type { ArticleSummary } from '../../../domain/article.js';
import { articlePath, type PageContext } from '../page-context.js';
import { StoryImage } from './story-image.js';

export function ArticleList(props: {
  ctx: PageContext;
  articles: ArticleSummary[];
  ordered?: boolean;
  withExcerpt?: boolean;
  /** Each story's thumbnail beside its text (section, tag, author and latest pages). */
  withImages?: boolean;
}) {
  const { ctx } = props;
  const items = props.articles.map((a) => {
    const text = (
      <>
        <a href={articlePath(a.id)} class="article-list__headline">
          {a.headline}
        </a>
        {props.withExcerpt && a.excerpt ? <p class="article-list__excerpt">{a.excerpt}</p> : null}
        {a.publishedAt ? (
          <time class="article-list__time" datetime={a.publishedAt.toISOString()}>
            {(a.publishedPrecision === 'minute'
              ? formatRelativeTime(a.publishedAt, ctx.now, ctx.locale.numerals)
              : null) ?? formatDate(a.publishedAt, ctx.locale)}
          </time>
        ) : null}
      </>
    );
    return (
      <li key={a.id} class="article-list__item">
        {props.withImages ? (
          <>
            <StoryImage story={a} size="thumb" fallbackText={ctx.siteName} />
            <div class="article-list__text">{text}</div>
          </>
        ) : (
          text
        )}
      </li>
    );
  });
  const pictured = props.withImages ? ' article-list--pictured' : '';
  return props.ordered ? (
    <ol class={`article-list article-list--ranked${pictured}`}>{items}</ol>
  ) : (
    <ul class={`article-list${pictured}`}>{items}</ul>
  );
}
