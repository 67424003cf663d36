/**
 * The Content API's article list, a page at a time (keyset pagination).
 */
import type { ArticleId } from '../../domain/article.js';
import type { Db } from '../db.js';
import { ARTICLE_KIND, PUBLISHED } from './article-summary.js';
import { bindId, fromDate, toArticleIdValue, toDateOrNull } from './convert.js';
import { listingConditions, type ListingFilter } from './filters.js';

/** Where a page of the Content API's article list starts: after this article of the order. */
export interface ArticleCursor {
  publishedAt: Date | null;
  id: ArticleId;
}

/**
 * Ids of published news articles (no static page) in the site's order (newest first, articles of
 * unknown date last, then by id, descending), after `after` (keyset
 * pagination: a page never skips or repeats an article when others are
 * published meanwhile), restricted by `filter` and to those published at
 * or after `since`.
 */
export async function listPublishedIds(
  db: Db,
  options: { filter: ListingFilter; since?: Date; after?: ArticleCursor; limit: number },
): Promise<ArticleCursor[]> {
  const { filter, since, after } = options;
  let query = db
    .selectFrom('articles')
    .select(['articles.id', 'articles.published_at'])
    .where('articles.status', '=', PUBLISHED)
    .where('articles.kind', '=', ARTICLE_KIND);
  for (const condition of listingConditions(filter)) query = query.where(condition);
  if (since !== undefined) query = query.where('articles.published_at', '>=', fromDate(since));
  if (after !== undefined) {
    const id = bindId(after.id);
    query = query.where((eb) => {
      if (after.publishedAt === null)
        return eb.and([eb('articles.published_at', 'is', null), eb('articles.id', '<', id)]);
      const at = fromDate(after.publishedAt);
      return eb.or([
        eb('articles.published_at', '<', at),
        eb.and([eb('articles.published_at', '=', at), eb('articles.id', '<', id)]),
        eb('articles.published_at', 'is', null),
      ]);
    });
  }
  const rows = await query
    // The site's order, as in articles.repository.ts listLatest.
    .orderBy('articles.published_at', (ob) => ob.desc().nullsLast())
    .orderBy('articles.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: toArticleIdValue(r.id),
    publishedAt: toDateOrNull(r.published_at),
  }));
}
