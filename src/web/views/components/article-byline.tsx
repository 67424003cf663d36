/**
 * The byline of an article page: the first newsroom writer's photo (or
 * its stand-in letter) beside `children` (the date and reading time), under
 * the writers' names, each a link to their author page; an imported byline
 * as text, without a photo; only `children` when the article has neither.
 * When an article has both writers and a byline text (a wire draft: the
 * editor who made it, and the agency), the text follows the names as the
 * source credit, «المصدر: سانا», unless it only repeats a writer's name.
 */
import type { Article } from '../../../domain/article.js';
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../page-context.js';
import { AuthorPhoto } from './author-photo.js';

/**
 * The source an article credits besides its writers (a wire draft's agency,
 * «سانا»): its byline text, when it has writers too and the text is not one
 * of their names; else null.
 */
export function sourceCredit(article: Pick<Article, 'authors' | 'byline'>): string | null {
  const source = article.byline?.trim() ?? '';
  return article.authors.length > 0 &&
    source !== '' &&
    !article.authors.some((a) => a.name === source)
    ? source
    : null;
}

/**
 * @example <ArticleByline ctx={ctx} article={article}><p class="article__facts">…</p></ArticleByline>
 * // <div class="article__meta"><span class="author-photo …">…</span><div class="article__credits">
 * //   <p class="article__byline"><span class="visually-hidden">بقلم </span><a href="/author/…"><bdi>…</bdi></a></p>…
 */
export function ArticleByline({
  ctx,
  article,
  children,
}: {
  ctx: PageContext;
  article: Pick<Article, 'authors' | 'byline'>;
  children?: ComponentChildren;
}) {
  const { t } = ctx;
  const [first] = article.authors;
  const source = sourceCredit(article);
  return (
    <div class="article__meta">
      {first ? <AuthorPhoto name={first.name} photo={first.photo} size="small" /> : null}
      <div class="article__credits">
        {article.authors.length > 0 ? (
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
        ) : article.byline ? (
          <p class="article__byline">
            <span class="visually-hidden">{t('article.byline')} </span>
            <bdi>{article.byline}</bdi>
          </p>
        ) : null}
        {source !== null ? (
          <p class="article__source">
            {t('article.source')} <bdi>{source}</bdi>
          </p>
        ) : null}
        {children}
      </div>
    </div>
  );
}
