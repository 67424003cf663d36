/**
 * What the front page and the header read besides the latest lists: chosen
 * sections and pinned articles by id (each list in one query, in the order
 * asked), and the first byline of a set of articles (the opinion block's
 * writers, in one query).
 */
import type { ArticleId, ArticleSummary, Section } from '../../domain/article.js';
import type { MediaItem } from '../../domain/media.js';
import type { Db } from '../db.js';
import { findMediaByIds } from './media.repository.js';
import { summariesByIds } from './article-summary.js';
import { bindId, toIdString, toInt } from './convert.js';

/** The sections among `ids`, in the order of `ids`; unknown ids are skipped. */
export async function listSectionsByIds(db: Db, ids: readonly string[]): Promise<Section[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('sections')
    .select(['id', 'slug', 'name'])
    .where(
      'id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .execute();
  const byId = new Map(
    rows.map((r) => [toIdString(r.id), { id: toIdString(r.id), slug: r.slug, name: r.name }]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The published news articles among `ids` as summaries, in the order of
 * `ids`; drafts, static pages and missing ids are skipped.
 */
export async function listSummariesByIds(
  db: Db,
  ids: readonly ArticleId[],
): Promise<ArticleSummary[]> {
  return summariesByIds(db, ids.map(bindId));
}

/** An article's first byline: the writer's name, author-page slug and photo. */
export interface FirstByline {
  name: string;
  slug: string;
  photo: MediaItem | null;
}

/**
 * The first byline (lowest position) of each of `ids` that has one, by
 * article id, with the writer's photo: two queries whatever the number of
 * articles (the bylines, then the photos by id).
 */
export async function listFirstBylines(
  db: Db,
  ids: readonly ArticleId[],
): Promise<Map<string, FirstByline>> {
  const found = new Map<string, FirstByline>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select([
      'article_authors.article_id',
      'article_authors.position',
      'users.display_name',
      'users.slug',
      'users.photo_media_id',
    ])
    .where(
      'article_authors.article_id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .execute();
  const sorted = [...rows].sort((a, b) => toInt(a.position) - toInt(b.position));
  const first = new Map<string, (typeof rows)[number]>();
  for (const row of sorted) {
    const id = toIdString(row.article_id);
    if (!first.has(id)) first.set(id, row);
  }
  const photoIds = [...first.values()].flatMap((row) =>
    row.photo_media_id === null ? [] : [toIdString(row.photo_media_id)],
  );
  const photos = await findMediaByIds(db, photoIds);
  for (const [id, row] of first) {
    const photo =
      row.photo_media_id === null ? null : (photos.get(toIdString(row.photo_media_id)) ?? null);
    found.set(id, { name: row.display_name, slug: row.slug, photo });
  }
  return found;
}
