/**
 * Articles: reads for the site and writes for imports and the newsroom.
 * Functions take the query builder (or a transaction) first.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  Article,
  ArticleId,
  ArticleSummary,
  PublishedPrecision,
} from '../../domain/article.js';
import { keepIdSequenceAhead } from '../dialects/id-sequence.js';
import type { ArticlesTable, Schema } from '../tables/schema.js';
import type { Db } from '../db.js';
import {
  bindId,
  fromDate,
  toArticleIdValue,
  toDate,
  toDateOrNull,
  toIdString,
  toInt,
} from './convert.js';
import { hasByline, hasTag } from './filters.js';
import { findArticleParts } from './article-parts.repository.js';
import { findFeaturedMedia } from './media.repository.js';

/** What a write stores of an article. `viewCount` is a floor: a stored count is never lowered. */
export interface ArticleWrite {
  headline: string;
  headlineKey: string;
  excerpt: string;
  bodyHtml: string;
  sectionId: string | null;
  byline: string | null;
  publishedAt: Date | null;
  publishedPrecision: PublishedPrecision;
  publishedLocalTime: string | null;
  viewCount: number;
  sourceUrl: string | null;
}

const PUBLISHED = 'published';

function toPrecision(value: string): PublishedPrecision {
  return value === 'day' ? 'day' : 'minute';
}

/** Loads one published article with its section, bylines, tags, image and related links, or null. */
export async function findArticleById(db: Db, id: ArticleId): Promise<Article | null> {
  return findArticle(db, id, { anyStatus: false });
}

/**
 * Loads one article whatever its status (for private previews), or null.
 */
export async function findArticleForPreview(db: Db, id: ArticleId): Promise<Article | null> {
  return findArticle(db, id, { anyStatus: true });
}

/**
 * Every query depends only on the id, so all three run at once: one round
 * trip's wait on PostgreSQL instead of two (the row, then what it refers to).
 */
async function findArticle(
  db: Db,
  id: ArticleId,
  options: { anyStatus: boolean },
): Promise<Article | null> {
  let query = db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .selectAll('articles')
    .select(['sections.slug as section_slug', 'sections.name as section_name'])
    .where('articles.id', '=', bindId(id));
  if (!options.anyStatus) query = query.where('articles.status', '=', PUBLISHED);
  const [row, { authors, tags, related }, media] = await Promise.all([
    query.executeTakeFirst(),
    findArticleParts(db, id),
    findFeaturedMedia(db, id),
  ]);
  if (!row) return null;
  const section =
    row.section_id === null || row.section_slug === null || row.section_name === null
      ? null
      : { id: toIdString(row.section_id), slug: row.section_slug, name: row.section_name };
  return {
    id,
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
    viewCount: toInt(row.view_count),
    sourceUrl: row.source_url,
    related,
  };
}

/** What identifies a stored article when an import arrives again. */
export interface StoredIdentity {
  id: ArticleId;
  headline: string;
  headlineKey: string;
  sourceUrl: string | null;
  publishedAt: Date | null;
  publishedPrecision: PublishedPrecision;
  publishedLocalTime: string | null;
  byline: string | null;
  sectionId: string | null;
}

function identityQuery(db: Db) {
  return db
    .selectFrom('articles')
    .select([
      'id',
      'headline',
      'headline_key',
      'source_url',
      'published_at',
      'published_precision',
      'published_local_time',
      'byline',
      'section_id',
    ]);
}

type IdentityRow = Awaited<ReturnType<ReturnType<typeof identityQuery>['executeTakeFirst']>>;

function toIdentity(row: IdentityRow): StoredIdentity | null {
  if (!row) return null;
  return {
    id: toArticleIdValue(row.id),
    headline: row.headline,
    headlineKey: row.headline_key,
    sourceUrl: row.source_url,
    publishedAt: toDateOrNull(row.published_at),
    publishedPrecision: toPrecision(row.published_precision),
    publishedLocalTime: row.published_local_time,
    byline: row.byline,
    sectionId: row.section_id === null ? null : toIdString(row.section_id),
  };
}

/** The stored article with `id`, or null. */
export async function findIdentityById(db: Db, id: ArticleId): Promise<StoredIdentity | null> {
  return toIdentity(await identityQuery(db).where('id', '=', bindId(id)).executeTakeFirst());
}

/** The stored article imported from `sourceUrl`, or null. */
export async function findIdentityBySourceUrl(
  db: Db,
  sourceUrl: string,
): Promise<StoredIdentity | null> {
  return toIdentity(await identityQuery(db).where('source_url', '=', sourceUrl).executeTakeFirst());
}

/**
 * The oldest stored article with this headline key, or null; with
 * `withoutSourceUrl`, only among articles that have no source URL.
 */
export async function findIdentityByHeadlineKey(
  db: Db,
  headlineKey: string,
  options: { withoutSourceUrl: boolean },
): Promise<StoredIdentity | null> {
  let query = identityQuery(db).where('headline_key', '=', headlineKey);
  if (options.withoutSourceUrl) query = query.where('source_url', 'is', null);
  return toIdentity(await query.orderBy('id').executeTakeFirst());
}

/**
 * Inserts an imported article; the database assigns the id when `id` is
 * null. Returns the id. Its last change is its publication (when known), not
 * the import: an archive moved in must not tell search engines that every
 * story changed today.
 */
export async function insertArticle(
  db: Db,
  id: ArticleId | null,
  write: ArticleWrite,
  now: Date,
): Promise<ArticleId> {
  const row = await db
    .insertInto('articles')
    .values({
      ...(id === null ? {} : { id: bindId(id) }),
      ...columnsOf(write),
      status: PUBLISHED,
      view_count: write.viewCount,
      created_at: fromDate(now),
      updated_at: fromDate(write.publishedAt ?? now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (id !== null) await keepIdSequenceAhead(db, 'articles');
  return toArticleIdValue(row.id);
}

/** Updates a stored article; the view count only ever rises. */
export async function updateArticle(
  db: Db,
  id: ArticleId,
  write: ArticleWrite,
  now: Date,
): Promise<void> {
  const current = await db
    .selectFrom('articles')
    .select('view_count')
    .where('id', '=', bindId(id))
    .executeTakeFirstOrThrow();
  await db
    .updateTable('articles')
    .set({
      ...columnsOf(write),
      view_count: Math.max(toInt(current.view_count), write.viewCount),
      updated_at: fromDate(now),
    })
    .where('id', '=', bindId(id))
    .execute();
}

function columnsOf(write: ArticleWrite) {
  return {
    headline: write.headline,
    headline_key: write.headlineKey,
    excerpt: write.excerpt,
    body_html: write.bodyHtml,
    section_id: write.sectionId === null ? null : bindId(write.sectionId),
    byline: write.byline,
    published_at: write.publishedAt === null ? null : fromDate(write.publishedAt),
    published_precision: write.publishedPrecision,
    published_local_time: write.publishedLocalTime,
    source_url: write.sourceUrl,
  };
}

type SummaryRow = Pick<
  Selectable<ArticlesTable>,
  'id' | 'headline' | 'excerpt' | 'published_at' | 'published_precision' | 'view_count'
> & { section_id_ref: unknown; section_slug: string | null; section_name: string | null };

function summaryQuery(db: Db) {
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
    .where('articles.status', '=', PUBLISHED);
}

function toSummary(row: SummaryRow): ArticleSummary {
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

/** Restricts a list to one section, tag or author (user id). */
export interface ListingFilter {
  sectionId?: string;
  tagId?: string;
  authorId?: string;
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
  if (filter.sectionId !== undefined)
    query = query.where('articles.section_id', '=', bindId(filter.sectionId));
  if (filter.tagId !== undefined) query = query.where(hasTag(filter.tagId));
  if (filter.authorId !== undefined) query = query.where(hasByline(filter.authorId));
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

/** The most viewed published articles, most views first. */
export async function listMostRead(db: Db, limit: number): Promise<ArticleSummary[]> {
  const rows = await summaryQuery(db)
    .orderBy('articles.view_count', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/** Number of stored articles, whatever their status. */
export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toInt(row.n as bigint | number | string);
}

/** The start of the UTC hour of `at`. */
function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

/**
 * Adds buffered view counts in one transaction: `counts` maps article id to
 * views to add, counted in the hour of `at` for the most-read windows. Ids
 * of articles deleted meanwhile are ignored.
 *
 * With `batch` (a spooled batch's id, at most 64 characters), the id is
 * recorded in `applied_view_batches` in the same transaction, and a batch
 * already recorded adds nothing: resolves to false then, else true.
 */
export async function addViews(
  db: Kysely<Schema>,
  counts: Map<ArticleId, number>,
  at: Date,
  options: { batch?: string } = {},
): Promise<boolean> {
  if (counts.size === 0 && options.batch === undefined) return true;
  const hour = fromDate(hourOf(at));
  return db.transaction().execute(async (trx) => {
    if (options.batch !== undefined) {
      const recorded = await trx
        .insertInto('applied_view_batches')
        .values({ id: options.batch, applied_at: fromDate(new Date()) })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (recorded.numInsertedOrUpdatedRows === 0n) return false;
    }
    for (const [id, n] of counts) {
      const updated = await trx
        .updateTable('articles')
        .set({ view_count: sql<bigint>`view_count + ${n}` })
        .where('id', '=', bindId(id))
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) continue;
      await trx
        .insertInto('article_view_buckets')
        .values({ article_id: bindId(id), hour, views: n })
        .onConflict((oc) =>
          oc
            .columns(['article_id', 'hour'])
            .doUpdateSet({ views: sql<bigint>`article_view_buckets.views + ${n}` }),
        )
        .execute();
    }
    return true;
  });
}

/** Forgets applied spool batches (once their spool file is removed): ids as given to addViews. */
export async function forgetViewBatches(db: Kysely<Schema>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('applied_view_batches').where('id', 'in', ids).execute();
}

/**
 * The published articles most viewed since `since` (by the hourly buckets,
 * so to the hour), most views first.
 *
 * Two steps, so that both engines start from the window's buckets and
 * never walk the articles: the most viewed ids (a few spare, for any that
 * are no longer published), then those articles by key.
 */
export async function listMostReadSince(
  db: Db,
  since: Date,
  limit: number,
): Promise<ArticleSummary[]> {
  const recent = await db
    .selectFrom('article_view_buckets')
    .select(['article_id', (eb) => eb.fn.sum<bigint>('views').as('recent')])
    .where('hour', '>=', fromDate(hourOf(since)))
    .groupBy('article_id')
    .orderBy('recent', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit * 3)
    .execute();
  if (recent.length === 0) return [];
  const rows = await summaryQuery(db)
    .where(
      'articles.id',
      'in',
      recent.map((r) => r.article_id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [toIdString(row.id), row]));
  return recent
    .map((r) => byId.get(toIdString(r.article_id)))
    .filter((row): row is (typeof rows)[number] => row !== undefined)
    .slice(0, limit)
    .map(toSummary);
}

/** Current stored view count of an article, or null when it does not exist. */
export async function findViewCount(db: Db, id: ArticleId): Promise<number | null> {
  const row = await db
    .selectFrom('articles')
    .select('view_count')
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  return row ? toInt(row.view_count) : null;
}

/**
 * Published articles whose headline key contains `key` (see
 * arabic/normalize.ts headlineMatchKey), newest first.
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
    .where(sql<boolean>`headline_key like ${pattern} escape '\\'`)
    .orderBy('published_at', (ob) => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: toArticleIdValue(r.id), headline: r.headline }));
}

/** Published articles whose breaking-news flag runs past `now`, latest expiry first. */
export async function listBreaking(
  db: Db,
  now: Date,
  limit: number,
): Promise<Array<{ id: ArticleId; headline: string; until: Date }>> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline', 'breaking_until'])
    .where('status', '=', PUBLISHED)
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

/** Where a page of the Content API's article list starts: after this article of the order. */
export interface ArticleCursor {
  publishedAt: Date | null;
  id: ArticleId;
}

/**
 * Ids of published articles in the site's order (newest first, articles of
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
    .where('articles.status', '=', PUBLISHED);
  if (filter.sectionId !== undefined)
    query = query.where('articles.section_id', '=', bindId(filter.sectionId));
  if (filter.tagId !== undefined) query = query.where(hasTag(filter.tagId));
  if (filter.authorId !== undefined) query = query.where(hasByline(filter.authorId));
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
    // Newest first, undated last: in this form both engines walk an index
    // (a CASE expression here sorted every published article: 340 ms at 100,000).
    .orderBy('articles.published_at', (ob) => ob.desc().nullsLast())
    .orderBy('articles.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: toArticleIdValue(r.id),
    publishedAt: toDateOrNull(r.published_at),
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

/** The id of the published article with this slug, or null. */
export async function findPublishedIdBySlug(db: Db, slug: string): Promise<ArticleId | null> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('slug', '=', slug)
    .where('status', '=', PUBLISHED)
    .executeTakeFirst();
  return row ? toArticleIdValue(row.id) : null;
}
