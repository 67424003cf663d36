/**
 * The Content API's article list, a page at a time (keyset pagination).
 */
import type { ArticleId } from '../../domain/article.js';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
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
 * or after `since`. A tag alone is read in its own index entries
 * (article_tags_listing_idx): walking the newest articles for a rare tag
 * read all of them.
 */
export async function listPublishedIds(
  db: Db,
  options: { filter: ListingFilter; since?: Date; after?: ArticleCursor; limit: number },
): Promise<ArticleCursor[]> {
  const { filter, since, after } = options;
  const onlyTag =
    filter.tagId !== undefined && filter.sectionId === undefined && filter.authorId === undefined;
  let rows: Array<{ id: DbInt; published_at: string | Date | null }>;
  if (onlyTag) {
    rows = await db
      .selectFrom('article_tags')
      .select(['article_tags.article_id as id', 'article_tags.published_at'])
      .where('article_tags.tag_id', '=', bindId(filter.tagId!))
      // A literal, so that both engines see the partial index's condition.
      .where('article_tags.listed', '=', sql.lit(1))
      .where(inPage('article_tags.published_at', 'article_tags.article_id', since, after))
      .orderBy('article_tags.published_at', (ob) => ob.desc().nullsLast())
      .orderBy('article_tags.article_id', 'desc')
      .limit(options.limit)
      .execute();
  } else {
    let query = db
      .selectFrom('articles')
      .select(['articles.id', 'articles.published_at'])
      .where('articles.status', '=', PUBLISHED)
      .where('articles.kind', '=', ARTICLE_KIND)
      .where(inPage('articles.published_at', 'articles.id', since, after));
    for (const condition of listingConditions(filter)) query = query.where(condition);
    rows = await query
      // The site's order, as in articles.repository.ts listLatest.
      .orderBy('articles.published_at', (ob) => ob.desc().nullsLast())
      .orderBy('articles.id', 'desc')
      .limit(options.limit)
      .execute();
  }
  return rows.map((r) => ({
    id: toArticleIdValue(r.id),
    publishedAt: toDateOrNull(r.published_at),
  }));
}

/**
 * The condition that a row (its publish date and id columns) is published
 * at or after `since` and comes after `after` in the site's order; true
 * when neither is given.
 */
function inPage(
  date: string,
  id: string,
  since: Date | undefined,
  after: ArticleCursor | undefined,
): RawBuilder<SqlBool> {
  const at = sql.ref(date);
  const key = sql.ref(id);
  const conditions: Array<RawBuilder<SqlBool>> = [];
  if (since !== undefined) conditions.push(sql`${at} >= ${fromDate(since)}`);
  if (after !== undefined) {
    const afterId = bindId(after.id);
    conditions.push(
      after.publishedAt === null
        ? sql`(${at} is null and ${key} < ${afterId})`
        : sql`(${at} < ${fromDate(after.publishedAt)} or (${at} = ${fromDate(after.publishedAt)} and ${key} < ${afterId}) or ${at} is null)`,
    );
  }
  return conditions.length === 0
    ? sql<SqlBool>`1 = 1`
    : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}
