/**
 * What the article repositories share of a published article's row: the
 * status the public sees, the stored precision, and the summary query with
 * its mapping. Not a repository itself: it runs no query.
 */
import type { Selectable } from 'kysely';
import type { ArticleSummary, PublishedPrecision } from '../../domain/article.js';
import type { Db } from '../db.js';
import type { ArticlesTable } from '../tables/schema.js';
import { toArticleIdValue, toDateOrNull, toIdString, toInt } from './convert.js';

/** The `status` of an article the public sees. */
export const PUBLISHED = 'published';

/**
 * The `kind` of a news article; a static page (`page`) is in no listing,
 * feed, most-read list, search, ticker or Content API list (issue 15).
 */
export const ARTICLE_KIND = 'article';

/** The stored precision of a publication time: anything but `day` is to the minute. */
export function toPrecision(value: string): PublishedPrecision {
  return value === 'day' ? 'day' : 'minute';
}

type SummaryRow = Pick<
  Selectable<ArticlesTable>,
  'id' | 'headline' | 'excerpt' | 'published_at' | 'published_precision' | 'view_count'
> & { section_id_ref: unknown; section_slug: string | null; section_name: string | null };

/** Published news articles (no static page) with their section, selecting what `toSummary` maps. */
export function summaryQuery(db: Db) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.excerpt',
      'articles.published_at',
      'articles.published_precision',
      'articles.view_count',
      'sections.id as section_id_ref',
      'sections.slug as section_slug',
      'sections.name as section_name',
    ])
    .where('articles.status', '=', PUBLISHED)
    .where('articles.kind', '=', ARTICLE_KIND);
}

/** A row of `summaryQuery` as the domain's summary. */
export function toSummary(row: SummaryRow): ArticleSummary {
  const section =
    row.section_slug !== null && row.section_name !== null
      ? {
          id: toIdString(row.section_id_ref as bigint | string),
          slug: row.section_slug,
          name: row.section_name,
        }
      : null;
  return {
    id: toArticleIdValue(row.id),
    headline: row.headline,
    excerpt: row.excerpt,
    section,
    publishedAt: toDateOrNull(row.published_at),
    publishedPrecision: toPrecision(row.published_precision),
    viewCount: toInt(row.view_count),
  };
}
