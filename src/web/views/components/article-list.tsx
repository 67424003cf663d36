/**
 * A list of linked headlines with their date (relative when recent).
 */
import { formatDate, formatRelativeTime } from '../../../arabic/dates.js';
import type { ArticleSummary } from '../../../domain/article.js';
import { articlePath, type PageContext } from '../page-context.js';

export function ArticleList(props: {
  ctx: PageContext;
  articles: ArticleSummary[];
  ordered?: boolean;
  withExcerpt?: boolean;
}) {
  const { ctx } = props;
  const items = props.articles.map((a) => (
    <li key={a.id} class="article-list__item">
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
    </li>
  ));
  return props.ordered ? (
    <ol class="article-list article-list--ranked">{items}</ol>
  ) : (
    <ul class="article-list">{items}</ul>
  );
}
