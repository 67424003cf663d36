/**
 * The box about a writer after an article's body: photo (or its stand-in
 * letter), name, bio when written, and a link to their author page with
 * every article they wrote.
 */
import type { Byline } from '../../../domain/article.js';
import type { PageContext } from '../page-context.js';
import { AuthorPhoto } from './author-photo.js';

/**
 * @example <AuthorBox ctx={ctx} author={{ name: 'سارة', slug: 'sara', photo: null, bio: '' }} />
 */
export function AuthorBox({ ctx, author }: { ctx: PageContext; author: Byline }) {
  const { t } = ctx;
  const href = `/author/${encodeURIComponent(author.slug)}`;
  return (
    <aside class="author-box" aria-label={t('article.aboutAuthor')}>
      <AuthorPhoto name={author.name} photo={author.photo} size="small" />
      <div class="author-box__text">
        <p class="author-box__name">
          <bdi>{author.name}</bdi>
        </p>
        {author.bio ? <p class="author-box__bio">{author.bio}</p> : null}
        <a class="author-box__more" href={href}>
          {t('article.authorArticles', { name: author.name })}
        </a>
      </div>
    </aside>
  );
}
