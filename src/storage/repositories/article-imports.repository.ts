/**
 * Articles as imports see them: what identifies a stored article when an
 * import arrives again, and the writes that store an imported one.
 * Functions take the query builder (or a transaction) first.
 */
import type { ArticleId, PublishedPrecision } from '../../domain/article.js';
import { keepIdSequenceAhead } from '../dialects/id-sequence.js';
import type { Db } from '../db.js';
import { PUBLISHED, toPrecision } from './article-summary.js';
import { bindId, fromDate, toArticleIdValue, toDateOrNull, toIdString, toInt } from './convert.js';

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
  /** Unique among articles (see services/article-slug.ts); null for none. */
  slug: string | null;
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
  slug: string | null;
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
      'slug',
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
    slug: row.slug,
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
    slug: write.slug,
  };
}
