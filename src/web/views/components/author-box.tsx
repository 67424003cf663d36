/**
 * The box about a writer after an article's body: name, and a link to
 * their author page with every article they wrote.
 */
import type { Byline } from '../../../domain/article.js';
import type { PageContext } from '../page-context.js';

/**
 * @example <AuthorBox ctx={ctx} author={{ name: 'سارة', slug: 'sara' }} />
 */
export function AuthorBox({ ctx, author }: { ctx: PageContext; author: Byline }) {
  const { t } = ctx;
  const href = `/author/${encodeURIComponent(author.slug)}`;
  return (
    <aside class="author-box" aria-label={t('article.aboutAuthor')}>
      <div class="author-box__text">
        <p class="author-box__name">
          <bdi>{author.name}</bdi>
        </p>
        <a class="author-box__more" href={href}>
          {t('article.authorArticles', { name: author.name })}
        </a>
      </div>
    </aside>
  );
}
