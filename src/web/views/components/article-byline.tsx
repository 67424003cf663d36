/**
 * The byline of an article page: the newsroom writers' names, each a link
 * to their author page, after the first writer's photo; or the imported
 * byline as text; nothing when the article has neither.
 */
import type { Article } from '../../../domain/article.js';
import type { PageContext } from '../page-context.js';

/**
 * @example <ArticleByline ctx={ctx} article={article} />
 * // <p class="article__byline"><span class="visually-hidden">بقلم </span><a href="/author/…"><bdi>…</bdi></a></p>
 */
export function ArticleByline({
  ctx,
  article,
}: {
  ctx: PageContext;
  article: Pick<Article, 'authors' | 'byline'>;
}) {
  const { t } = ctx;
  if (article.authors.length > 0) {
    return (
      <p class="article__byline">
        <span class="visually-hidden">{t('article.byline')} </span>
        {article.authors.map((author, i) => (
          <>
            {i > 0 ? '، ' : null}
            <a href={`/author/${encodeURIComponent(author.slug)}`}>
              <bdi>{author.name}</bdi>
            </a>
          </>
        ))}
      </p>
    );
  }
  if (article.byline) {
    return (
      <p class="article__byline">
        <span class="visually-hidden">{t('article.byline')} </span>
        <bdi>{article.byline}</bdi>
      </p>
    );
  }
  return null;
}
