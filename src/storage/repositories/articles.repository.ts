/**
 * Articles as the public site reads them: one article, the latest lists,
 * breaking news, and lookups by headline and slug. Functions take the query
 * builder (or a transaction) first. Imports, views and the Content API's
 * pages have their own repositories (article-imports, article-views,
 * article-pages).
 */
import { sql } from 'kysely';
import {
  toArticleKind,
  type Article,
  type ArticleId,
  type ArticleKind,
  type ArticleSummary,
} from '../../domain/article.js';
import type { LiveCoverage } from '../../domain/live-coverage.js';
import type { Db } from '../db.js';
import {
  ARTICLE_KIND,
  IMAGE_COLUMNS,
  PUBLISHED,
  summariesByIds,
  summaryQuery,
  toFeaturedImage,
  toPrecision,
  toSummary,
} from './article-summary.js';
import {
  bindId,
  fromDate,
  toArticleIdValue,
  toDate,
  toDateOrNull,
  toIdString,
  toInt,
} from './convert.js';
import { listingConditions, type ListingFilter } from './filters.js';
import { listArticleNotes } from './article-notes.repository.js';
import { findArticleParts } from './article-parts.repository.js';
import { preparedQuery } from './prepared-query.js';

/**
 * Loads one published article or static page (see `kind`) with its
 * section, bylines, tags, image and related links, or null.
 */
export async function findArticleById(db: Db, id: ArticleId): Promise<Article | null> {
  return findArticle(db, id, { anyStatus: false });
}

/**
 * Loads one article whatever its status (for private previews), or null.
 */
export async function findArticleForPreview(db: Db, id: ArticleId): Promise<Article | null> {
  return findArticle(db, id, { anyStatus: true });
}

/** The article row `values[0]`, with its section and featured image, whatever its status. */
const anyRow = preparedQuery(1, (db, values: [bigint]) => rowQuery(db, values[0]));

/** The article row `values[0]` while published (else none). */
const publishedRow = preparedQuery(1, (db, values: [bigint]) =>
  rowQuery(db, values[0]).where('articles.status', '=', PUBLISHED),
);

/** The query of an article's row, with its section's slug and name and its featured image. */
function rowQuery(db: Db, id: bigint) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .selectAll('articles')
    .select(['sections.slug as section_slug', 'sections.name as section_name'])
    .select(IMAGE_COLUMNS)
    .where('articles.id', '=', id);
}

/**
 * Every query depends only on the id, so all three run at once: one round
 * trip's wait on PostgreSQL instead of two (the row, then what it refers to).
 * The featured image comes with the row (a join on its primary key).
 */
async function findArticle(
  db: Db,
  id: ArticleId,
  options: { anyStatus: boolean },
): Promise<Article | null> {
  const [[row], { authors, tags, related }, notes] = await Promise.all([
    (options.anyStatus ? anyRow : publishedRow)(db, [bindId(id)]),
    findArticleParts(db, id),
    listArticleNotes(db, id),
  ]);
  if (!row) return null;
  const media = toFeaturedImage(row);
  const section =
    row.section_id === null || row.section_slug === null || row.section_name === null
      ? null
      : { id: toIdString(row.section_id), slug: row.section_slug, name: row.section_name };
  return {
    id,
    kind: toArticleKind(row.kind),
    headline: row.headline,
    excerpt: row.excerpt,
    bodyHtml: row.body_html,
    section,
    tags,
    byline: row.byline,
    authors,
    slug: row.slug,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    featured: media ? { media, caption: row.featured_caption, credit: row.featured_credit } : null,
    publishedAt: toDateOrNull(row.published_at),
    publishedPrecision: toPrecision(row.published_precision),
    publishedLocalTime: row.published_local_time,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    modifiedAt: toDate(row.modified_at ?? row.published_at ?? row.updated_at),
    viewCount: toInt(row.view_count),
    sourceUrl: row.source_url,
    related,
    live: toLiveCoverage(row),
    notes,
  };
}

/** The live coverage of an article row, or null when it never was live. */
function toLiveCoverage(row: {
  live_state: string | null;
  live_started_at: string | Date | null;
  live_ended_at: string | Date | null;
}): LiveCoverage | null {
  if ((row.live_state !== 'live' && row.live_state !== 'ended') || row.live_started_at === null)
    return null;
  return {
    state: row.live_state,
    startedAt: toDate(row.live_started_at),
    endedAt: toDateOrNull(row.live_ended_at),
  };
}

/**
 * The newest published articles, newest first, skipping `offset`; articles
 * of unknown date come after dated ones, newest stored first.
 */
export async function listLatest(
  db: Db,
  limit: number,
  offset = 0,
  filter: ListingFilter = {},
): Promise<ArticleSummary[]> {
  let query = summaryQuery(db);
  if (
    filter.tagId !== undefined &&
    filter.sectionId === undefined &&
    filter.authorId === undefined
  ) {
    return summariesByIds(db, await tagPage(db, filter.tagId, limit, offset));
  }
  for (const condition of listingConditions(filter)) query = query.where(condition);
  const rows = await query
    // Newest first, undated last: in this form both engines walk an index
    // (a CASE expression here sorted every published article: 340 ms at 100,000).
    .orderBy('articles.published_at', (ob) => ob.desc().nullsLast())
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toSummary);
}

/**
 * The ids of a page of the tag `tagId`'s published news articles, newest
 * first (listLatest's order), read in article_tags_listing_idx (migration
 * 2026_12_08_1000): the tag's entries alone, in order, up to the page's
 * end, so a rare tag's page costs as little as a common one's (walking
 * the newest articles for a tag on 19 of 100,000 read all of them: 649 ms
 * of CPU on SQLite).
 */
async function tagPage(db: Db, tagId: string, limit: number, offset: number): Promise<bigint[]> {
  const rows = await db
    .selectFrom('article_tags')
    .select('article_id')
    .where('tag_id', '=', bindId(tagId))
    // A literal, so that both engines see the partial index's condition.
    .where('listed', '=', sql.lit(1))
    .orderBy('published_at', (ob) => ob.desc().nullsLast())
    .orderBy('article_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => BigInt(r.article_id));
}

/** Number of stored articles, whatever their status. */
export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toInt(row.n as bigint | number | string);
}

/**
 * Published news articles (no static page) whose headline key contains
 * `key` (see arabic/normalize.ts headlineMatchKey), newest first.
 */
export async function searchHeadlines(
  db: Db,
  key: string,
  limit: number,
): Promise<Array<{ id: ArticleId; headline: string }>> {
  const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('status', '=', PUBLISHED)
    .where('kind', '=', ARTICLE_KIND)
    .where(sql<boolean>`headline_key like ${pattern} escape '\\'`)
    .orderBy('published_at', (ob) => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: toArticleIdValue(r.id), headline: r.headline }));
}

/** Published news articles (no static page) whose breaking-news flag runs past `now`, latest expiry first. */
export async function listBreaking(
  db: Db,
  now: Date,
  limit: number,
): Promise<Array<{ id: ArticleId; headline: string; until: Date }>> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline', 'breaking_until'])
    .where('status', '=', PUBLISHED)
    .where('kind', '=', ARTICLE_KIND)
    .where('breaking_until', '>', fromDate(now))
    .orderBy('breaking_until', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: toArticleIdValue(r.id),
    headline: r.headline,
    until: toDate(r.breaking_until!),
  }));
}

/** Whether the article with this id is published (one look in the primary key). */
export async function isPublished(db: Db, id: ArticleId): Promise<boolean> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('id', '=', bindId(id))
    .where('status', '=', PUBLISHED)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The kind and slug of the published row with `id`, or null: what its
 * public path is made of (a redirect to it answers with its path today).
 */
export async function findPublishedAddress(
  db: Db,
  id: ArticleId,
): Promise<{ kind: ArticleKind; slug: string | null } | null> {
  const row = await db
    .selectFrom('articles')
    .select(['kind', 'slug'])
    .where('id', '=', bindId(id))
    .where('status', '=', PUBLISHED)
    .executeTakeFirst();
  return row ? { kind: toArticleKind(row.kind), slug: row.slug } : null;
}

/**
 * The id of the published row of `kind` with this slug, or null: a news
 * article (the Content API's `/articles/<slug>`) or a static page
 * (`/p/<slug>`; the (kind, slug) index answers it).
 */
export async function findPublishedIdBySlug(
  db: Db,
  slug: string,
  kind: ArticleKind = ARTICLE_KIND,
): Promise<ArticleId | null> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .where('status', '=', PUBLISHED)
    .executeTakeFirst();
  return row ? toArticleIdValue(row.id) : null;
}

/**
 * The published static pages among `ids`, in the order of `ids` (the
 * footer menu's setting); ids of drafts, articles or missing rows are
 * skipped.
 */
export async function listPublishedPagesByIds(
  db: Db,
  ids: readonly ArticleId[],
): Promise<Array<{ id: ArticleId; title: string; slug: string }>> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline', 'slug'])
    .where('kind', '=', 'page')
    .where('status', '=', PUBLISHED)
    .where(
      'id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .execute();
  const byId = new Map(rows.map((r) => [toIdString(r.id), r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row && row.slug ? [{ id, title: row.headline, slug: row.slug }] : [];
  });
}
