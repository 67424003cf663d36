/**
 * The site import's reads and writes for a whole batch of posts at once
 * (services/site-import/write-posts.ts): one query for what every post of
 * the batch needs, instead of one a post. A batch is at most a few hundred
 * posts (SITE_IMPORT_BATCH), so each `in (…)` list and multi-row insert
 * stays far under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
 * Functions take the query builder (or a transaction) first.
 */
import type { ArticleId } from '../../domain/article-id.js';
import type { Db } from '../db.js';
import { bindId, fromDate, toArticleIdValue, toDate, toIdString, toInt } from './convert.js';
import type { ImportRecord } from './site-import.repository.js';

/** Rows a multi-row insert carries at most (5 parameters a row here at most: 2,500). */
const ROWS_PER_INSERT = 500;

/** `rows` in slices of ROWS_PER_INSERT. */
function* slices<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    yield rows.slice(start, start + ROWS_PER_INSERT);
}

/** The records of the posts `itemKeys` of `source` imported before, by item key. */
export async function findImportRecords(
  db: Db,
  source: string,
  itemKeys: readonly string[],
): Promise<Map<string, ImportRecord>> {
  const found = new Map<string, ImportRecord>();
  if (itemKeys.length === 0) return found;
  const rows = await db
    .selectFrom('import_records')
    .select(['item_key', 'article_id', 'article_updated_at'])
    .where('source', '=', source)
    .where('item_key', 'in', [...itemKeys])
    .execute();
  for (const row of rows)
    found.set(row.item_key, {
      articleId: toArticleIdValue(row.article_id),
      articleUpdatedAt: toDate(row.article_updated_at),
    });
  return found;
}

/** An article's last change and view count, as the import compares them. */
export interface StoredArticleState {
  updatedAt: Date;
  viewCount: number;
}

/** The state of each of the articles `ids` that exists, by id (decimal string). */
export async function findArticleStates(
  db: Db,
  ids: readonly ArticleId[],
): Promise<Map<string, StoredArticleState>> {
  const found = new Map<string, StoredArticleState>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'updated_at', 'view_count'])
    .where(
      'id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .execute();
  for (const row of rows)
    found.set(toIdString(row.id), {
      updatedAt: toDate(row.updated_at),
      viewCount: toInt(row.view_count),
    });
  return found;
}

/** The article with each of the source URLs `urls`, by URL (`articles.source_url` is unique). */
export async function articleIdsBySourceUrl(
  db: Db,
  urls: readonly string[],
): Promise<Map<string, ArticleId>> {
  const found = new Map<string, ArticleId>();
  if (urls.length === 0) return found;
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'source_url'])
    .where('source_url', 'in', [...urls])
    .execute();
  for (const row of rows)
    if (row.source_url !== null) found.set(row.source_url, toArticleIdValue(row.id));
  return found;
}

/** Of the articles `ids`, those an import from `source` made (decimal strings). */
export async function articlesImportedFrom(
  db: Db,
  source: string,
  ids: readonly ArticleId[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('import_records')
    .select('article_id')
    .where('source', '=', source)
    .where(
      'article_id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .execute();
  return new Set(rows.map((row) => String(row.article_id)));
}

/** Which of `slugs` an article has, with that article's id (decimal string), by slug. */
export async function slugOwners(db: Db, slugs: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (slugs.length === 0) return found;
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug'])
    .where('slug', 'in', [...slugs])
    .execute();
  for (const row of rows) if (row.slug !== null) found.set(row.slug, toIdString(row.id));
  return found;
}

/** Which of the ids `ids` an article already has (decimal strings). */
export async function takenArticleIds(db: Db, ids: readonly ArticleId[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where(
      'id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .execute();
  return new Set(rows.map((row) => toIdString(row.id)));
}

/** One article's bylines and tags, each list in order. */
export interface ArticleCredits {
  articleId: ArticleId;
  /** True for an article stored before: its old bylines and tags are removed first. */
  replace: boolean;
  authorIds: readonly string[];
  tagIds: readonly string[];
}

/** Sets the bylines and tags of every article of `credits`: a delete and two inserts in all. */
export async function saveCredits(db: Db, credits: readonly ArticleCredits[]): Promise<void> {
  const replaced = credits.filter((c) => c.replace).map((c) => bindId(c.articleId));
  for (const ids of slices(replaced)) {
    await db.deleteFrom('article_authors').where('article_id', 'in', ids).execute();
    await db.deleteFrom('article_tags').where('article_id', 'in', ids).execute();
  }
  const rowsOf = (list: (c: ArticleCredits) => readonly string[]) =>
    credits.flatMap((c) =>
      list(c).map((id, position) => ({
        article_id: bindId(c.articleId),
        position,
        id: bindId(id),
      })),
    );
  for (const rows of slices(rowsOf((c) => c.authorIds)))
    await db
      .insertInto('article_authors')
      .values(rows.map(({ id, ...row }) => ({ ...row, user_id: id })))
      .execute();
  for (const rows of slices(rowsOf((c) => c.tagIds)))
    await db
      .insertInto('article_tags')
      .values(rows.map(({ id, ...row }) => ({ ...row, tag_id: id })))
      .execute();
}

/** Which article a post became, as an import records it. Times are UTC. */
export interface ImportRecordWrite {
  itemKey: string;
  articleId: ArticleId;
  /** The article's `updated_at` as this import wrote it. */
  articleUpdatedAt: Date;
}

/** Records (or records again) which article each post of `source` became. */
export async function saveImportRecords(
  db: Db,
  source: string,
  records: readonly ImportRecordWrite[],
  now: Date,
): Promise<void> {
  for (const slice of slices(records))
    await db
      .insertInto('import_records')
      .values(
        slice.map((r) => ({
          source,
          item_key: r.itemKey,
          article_id: bindId(r.articleId),
          article_updated_at: fromDate(r.articleUpdatedAt),
          imported_at: fromDate(now),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['source', 'item_key']).doUpdateSet((eb) => ({
          article_id: eb.ref('excluded.article_id'),
          article_updated_at: eb.ref('excluded.article_updated_at'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
}
