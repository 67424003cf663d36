/**
 * Related articles of an article page: published articles that share a tag
 * or the section with it, newest first, never the article itself. Two
 * bounded queries (by tag, by section), each walking an index in the
 * publish-date order and stopping after `limit` rows, so the cost does
 * not grow with the archive.
 */
import type { ArticleId, ArticleSummary } from '../../domain/article.js';
import { sql } from 'kysely';
import type { Db } from '../db.js';
import { summariesByIds, summaryQuery, toSummary } from './article-summary.js';
import { bindId, toDateOrNull, toIdString } from './convert.js';
import { withLiteralLimit } from './prepared-query.js';

/** What the query needs of the article the list is for. */
export interface RelatedTo {
  id: ArticleId;
  /** Section id, or null when the article has none. */
  sectionId: string | null;
  /** Ids of its tags (possibly none). */
  tagIds: readonly string[];
}

/** The newest `count` published news articles of a section (listSectionNewest's form). */
export type SectionNewest = (sectionId: string, count: number) => Promise<ArticleSummary[]>;

/**
 * Up to `limit` published news articles sharing at least one tag or the
 * section with `article`, newest first (undated last, then newest stored
 * first), without `article` itself; `[]` when it has neither tags nor a
 * section. The section's articles come from `sectionNewest` (by default
 * read here; the reader site keeps each section's until a public change:
 * they are the same for every article of the section).
 */
export async function listRelatedArticles(
  db: Db,
  article: RelatedTo,
  limit: number,
  sectionNewest: SectionNewest = (sectionId, count) => listSectionNewest(db, sectionId, count),
): Promise<ArticleSummary[]> {
  if (limit <= 0) return [];
  const tagIds = article.tagIds.map(bindId);
  const sectionId = article.sectionId;
  const [byTag, bySection] = await Promise.all([
    tagIds.length === 0 ? [] : sharingTags(db, bindId(article.id), tagIds, limit),
    sectionId === null ? [] : sectionNewest(sectionId, limit + 1),
  ]);
  const seen = new Set<string>([article.id]);
  const merged = [...byTag, ...bySection].filter((summary) => {
    if (seen.has(summary.id)) return false;
    seen.add(summary.id);
    return true;
  });
  return merged.sort(newestFirst).slice(0, limit);
}

/**
 * Up to `limit` published news articles carrying one of `tagIds`, other
 * than `articleId`, newest first: the first `limit` + 1 entries of each
 * tag in article_tags_listing_idx (migration 2026_12_08_1000), merged.
 * Reads at most tags × (limit + 1) index entries whatever the archive's
 * size; before, a common tag walked the newest articles and a rare one
 * read and sorted all its rows (3.4 ms of each page's CPU at 20,000).
 */
async function sharingTags(
  db: Db,
  articleId: bigint,
  tagIds: readonly bigint[],
  limit: number,
): Promise<ArticleSummary[]> {
  const lists = await Promise.all(tagIds.map((tagId) => newestOfTag(db, [tagId], limit + 1)));
  const seen = new Set<string>([articleId.toString()]);
  const entries: TagEntry[] = [];
  for (const row of lists.flat()) {
    const id = toIdString(row.article_id);
    if (seen.has(id)) continue;
    seen.add(id);
    entries.push({ id, publishedAt: toDateOrNull(row.published_at)?.getTime() ?? -Infinity });
  }
  entries.sort((a, b) => b.publishedAt - a.publishedAt || compareIds(b.id, a.id));
  return summariesByIds(
    db,
    entries.slice(0, limit).map((entry) => BigInt(entry.id)),
  );
}

/** An article found under a tag: its id (decimal) and publish time (ms since the epoch, -Infinity when undated). */
interface TagEntry {
  id: string;
  publishedAt: number;
}

/** The first `limit` entries of tag `values[0]` in article_tags_listing_idx. */
const newestOfTag = withLiteralLimit(1, (db, values: [bigint], limit) =>
  db
    .selectFrom('article_tags')
    .select(['article_id', 'published_at'])
    .where('tag_id', '=', values[0])
    // A literal, so that both engines see the partial index's condition.
    .where('listed', '=', sql.lit(1))
    .orderBy('published_at', (ob) => ob.desc().nullsLast())
    .orderBy('article_id', 'desc')
    .limit(sql.lit(limit)),
);

/** `query`'s first `limit` rows, newest first (undated last, then the larger id first). */
function newest(query: ReturnType<typeof summaryQuery>, limit: number) {
  return query
    .orderBy('articles.published_at', (ob) => ob.desc().nullsLast())
    .orderBy('articles.id', 'desc')
    .limit(sql.lit(limit));
}

/** The newest of section `values[0]`, at most `limit`. */
const newestInSection = withLiteralLimit(1, (db, values: [bigint], limit) =>
  newest(summaryQuery(db).where('articles.section_id', '=', values[0]), limit),
);

/**
 * The newest `count` published news articles of section `sectionId`
 * (undated last, then the larger id first).
 */
export async function listSectionNewest(
  db: Db,
  sectionId: string,
  count: number,
): Promise<ArticleSummary[]> {
  const rows = await newestInSection(db, [bindId(sectionId)], count);
  return rows.map(toSummary);
}

/** The listing order: newest first, undated last, then the larger id first. */
function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  const at = a.publishedAt?.getTime() ?? -Infinity;
  const bt = b.publishedAt?.getTime() ?? -Infinity;
  if (at !== bt) return bt - at;
  return compareIds(b.id, a.id);
}

/** Compares two decimal ids as numbers (they may exceed 2^53). */
function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
