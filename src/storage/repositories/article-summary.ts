/**
 * What the article repositories share of a published article's row: the
 * status the public sees, the stored precision, the summary query with its
 * mapping, and the lookup of summaries by id.
 */
import type { Selectable } from 'kysely';
import type { ArticleSummary, PublishedPrecision } from '../../domain/article.js';
import type { MediaItem } from '../../domain/media.js';
import type { Db } from '../db.js';
import { preparedQuery } from './prepared-query.js';
import type { ArticlesTable, MediaTable } from '../tables/schema.js';
import { toArticleIdValue, toDateOrNull, toIdString, toInt } from './convert.js';
import { toMediaItem } from './media.repository.js';

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
> & {
  section_id_ref: unknown;
  section_slug: string | null;
  section_name: string | null;
} & ImageColumns;

/** The featured image's columns, as `image_<column>` (with `media` joined on the featured image). */
export const IMAGE_COLUMNS = [
  'media.id as image_id',
  'media.uploaded_by as image_uploaded_by',
  'media.original_name as image_original_name',
  'media.mime as image_mime',
  'media.width as image_width',
  'media.height as image_height',
  'media.bytes as image_bytes',
  'media.alt as image_alt',
  'media.caption as image_caption',
  'media.credit as image_credit',
  'media.widths as image_widths',
  'media.original_file as image_original_file',
  'media.created_at as image_created_at',
] as const;

/**
 * Published news articles (no static page) with their section and
 * featured image, selecting what `toSummary` maps.
 */
export function summaryQuery(db: Db) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select(IMAGE_COLUMNS)
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

/**
 * The published articles among `ids` (article keys), as summaries in the
 * order of `ids`; ids of articles not published are skipped. Each is read
 * by its key: with `id in (…)`, SQLite, which keeps no statistics, walked
 * the (status, kind) prefix of an index, that is every published article
 * (46 ms of CPU for 20 ids at 100,000 articles, 310 ms for 15 at
 * 1,000,000; issue 21).
 */
export async function summariesByIds(db: Db, ids: readonly bigint[]): Promise<ArticleSummary[]> {
  const rows = await Promise.all(ids.map((id) => summaryById(db, [id])));
  return rows.flatMap(([row]) => (row ? [toSummary(row)] : []));
}

/**
 * The summary row of published article `values[0]`, if any: compiled once
 * (Kysely building and compiling it for each of a page's related articles
 * cost more than SQLite's lookup).
 */
const summaryById = preparedQuery(1, (db, values: [bigint]) =>
  summaryQuery(db).where('articles.id', '=', values[0]),
);

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
    image: toFeaturedImage(row),
    publishedAt: toDateOrNull(row.published_at),
    publishedPrecision: toPrecision(row.published_precision),
    viewCount: toInt(row.view_count),
  };
}

/** The `image_<column>` values of a row that selected IMAGE_COLUMNS. */
export type ImageColumns = {
  [K in keyof MediaTable as `image_${K}`]: Selectable<MediaTable>[K] | null;
};

/** The featured image of a row that selected IMAGE_COLUMNS, or null when it has none. */
export function toFeaturedImage(row: ImageColumns): MediaItem | null {
  if (row.image_id === null) return null;
  return toMediaItem({
    id: row.image_id,
    uploaded_by: row.image_uploaded_by,
    original_name: row.image_original_name,
    mime: row.image_mime,
    width: row.image_width,
    height: row.image_height,
    bytes: row.image_bytes,
    alt: row.image_alt,
    caption: row.image_caption,
    credit: row.image_credit,
    widths: row.image_widths,
    original_file: row.image_original_file,
    created_at: row.image_created_at,
  } as Selectable<MediaTable>);
}
