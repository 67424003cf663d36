/**
 * Reads for sitemaps: published news articles by publish-time range, a
 * page at a time by publish time and id (keyset pagination: each page
 * starts after the last row of the one before), so that a sitemap of any size is written
 * without holding its articles in memory. Ranges are half-open, `[from,
 * to)`, of instants, walked by publish time then id
 * (articles_sitemap_idx). Static pages (kind `page`) are read apart, by
 * `listPublishedPages`: they have a sitemap file of their own.
 */
import type { SitemapRow } from '../../domain/sitemap-row.js';
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db } from '../db.js';
import type { ArticlesTable, Schema } from '../tables/schema.js';
import { toArticleKind } from '../../domain/article.js';
import { bindId, fromDate, toArticleIdValue, toDate, toDateOrNull, toInt } from './convert.js';

/** Published articles published in `[from, to)`, or those whose publish date is unknown. */
export type SitemapRange = { from: Date; to: Date } | 'undated';

/** The columns `toSitemapRow` reads. */
const SITEMAP_COLUMNS = [
  'id',
  'kind',
  'slug',
  'headline',
  'published_at',
  'updated_at',
  'modified_at',
] as const;

/**
 * A news article's public modification (its dateModified): `modified_at`,
 * else the publish time, else the last save; the same rule as the
 * article's `modifiedAt` (articles.repository.ts). A silent edit moves only
 * `updated_at`, so it does not move this.
 */
function publicModification(eb: ExpressionBuilder<Schema, 'articles'>) {
  return eb.fn.coalesce('modified_at', 'published_at', 'updated_at');
}

function toSitemapRow(
  r: Pick<Selectable<ArticlesTable>, (typeof SITEMAP_COLUMNS)[number]>,
): SitemapRow {
  const kind = toArticleKind(r.kind);
  const updatedAt = toDate(r.updated_at);
  return {
    id: toArticleIdValue(r.id),
    kind,
    slug: r.slug,
    headline: r.headline,
    publishedAt: toDateOrNull(r.published_at),
    updatedAt,
    // A static page has no notes: its saves are its changes.
    lastModified:
      kind === 'page' ? updatedAt : toDate(r.modified_at ?? r.published_at ?? r.updated_at),
  };
}

function inRange(db: Db, range: SitemapRange) {
  const query = db
    .selectFrom('articles')
    .where('status', '=', 'published')
    .where('kind', '=', 'article');
  return range === 'undated'
    ? query.where('published_at', 'is', null)
    : query
        .where('published_at', '>=', fromDate(range.from))
        .where('published_at', '<', fromDate(range.to));
}

/** The first and last publish instants of published articles, or null when none has a date. */
export async function publishedSpan(db: Db): Promise<{ first: Date; last: Date } | null> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => [eb.fn.min('published_at').as('first'), eb.fn.max('published_at').as('last')])
    .where('status', '=', 'published')
    .where('kind', '=', 'article')
    .executeTakeFirst();
  const first = toDateOrNull((row?.first as string | Date | null) ?? null);
  const last = toDateOrNull((row?.last as string | Date | null) ?? null);
  return first && last ? { first, last } : null;
}

/**
 * How many published articles a range holds, the newest public
 * modification among them (`lastModified`, the lastmod of its file in the
 * index) and their newest save of any kind (`lastSaved`: a silent edit of
 * a slug changes the file's bytes, so it goes in the file's entity tag).
 */
export async function rangeSummary(
  db: Db,
  range: SitemapRange,
): Promise<{ count: number; lastModified: Date | null; lastSaved: Date | null }> {
  const row = await inRange(db, range)
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.max(publicModification(eb)).as('last'),
      eb.fn.max('updated_at').as('saved'),
    ])
    .executeTakeFirstOrThrow();
  return {
    count: toInt(row.n as bigint | number | string),
    lastModified: toDateOrNull((row.last as string | Date | null) ?? null),
    lastSaved: toDateOrNull((row.saved as string | Date | null) ?? null),
  };
}

/** Where a batch of `listSitemapRows` starts: after this row of the batch before. */
export type SitemapCursor = Pick<SitemapRow, 'publishedAt' | 'id'>;

/**
 * Up to `limit` articles of `range` by publish time then id (the order of
 * articles_sitemap_idx, which the query walks without sorting), after
 * `after` (null: from the start), skipping `offset` (only for the first
 * page of a sitemap file past the first).
 */
export async function listSitemapRows(
  db: Db,
  range: SitemapRange,
  after: SitemapCursor | null,
  limit: number,
  offset = 0,
): Promise<SitemapRow[]> {
  let query = inRange(db, range).select(SITEMAP_COLUMNS);
  if (after !== null) {
    const id = bindId(after.id);
    query =
      after.publishedAt === null
        ? query.where('id', '>', id)
        : query.where((eb) =>
            eb(eb.refTuple('published_at', 'id'), '>', eb.tuple(fromDate(after.publishedAt!), id)),
          );
  }
  const rows = await query
    .orderBy('published_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toSitemapRow);
}

/** Published news articles published at or after `since`, newest first, at most `limit`. */
export async function listPublishedSince(
  db: Db,
  since: Date,
  limit: number,
): Promise<SitemapRow[]> {
  const rows = await db
    .selectFrom('articles')
    .select(SITEMAP_COLUMNS)
    .where('status', '=', 'published')
    .where('kind', '=', 'article')
    .where('published_at', '>=', fromDate(since))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSitemapRow);
}

/**
 * Published static pages with a slug (those `/p/<slug>` serves), in id
 * order, at most `limit`. A site has a handful; the limit keeps a runaway
 * import from making one sitemap file too large.
 */
export async function listPublishedPages(db: Db, limit: number): Promise<SitemapRow[]> {
  const rows = await db
    .selectFrom('articles')
    .select(SITEMAP_COLUMNS)
    .where('kind', '=', 'page')
    .where('status', '=', 'published')
    .where('slug', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toSitemapRow);
}
