/**
 * Related articles of an article page: published articles that share a tag
 * or the section with it, newest first, never the article itself. Two
 * bounded queries (by tag, by section), each walking the publish-date order
 * and stopping at `limit` rows, so the cost does not grow with the archive.
 */
import type { ArticleId, ArticleSummary } from '../../domain/article.js';
import type { Db } from '../db.js';
import { summaryQuery, toSummary } from './article-summary.js';
import { bindId } from './convert.js';
import { preparedQuery } from './prepared-query.js';

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
    tagIds.length === 0
      ? []
      : newest(
          summaryQuery(db)
            .where('articles.id', '!=', bindId(article.id))
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('article_tags')
                  .select('article_tags.tag_id')
                  .whereRef('article_tags.article_id', '=', 'articles.id')
                  .where('article_tags.tag_id', 'in', tagIds),
              ),
            ),
          limit,
        ).execute(),
    sectionId === null ? [] : sectionNewest(sectionId, limit + 1),
  ]);
  const seen = new Set<string>([article.id]);
  const merged = [...byTag.map(toSummary), ...bySection].filter((summary) => {
    if (seen.has(summary.id)) return false;
    seen.add(summary.id);
    return true;
  });
  return merged.sort(newestFirst).slice(0, limit);
}

/** `query`'s first `limit` rows, newest first (undated last, then the larger id first). */
function newest(query: ReturnType<typeof summaryQuery>, limit: number) {
  return query
    .orderBy('articles.published_at', (ob) => ob.desc().nullsLast())
    .orderBy('articles.id', 'desc')
    .limit(limit);
}

/** The newest of section `values[0]`, at most `values[1]`. */
const newestInSection = preparedQuery(2, (db, values: [bigint, number]) =>
  newest(summaryQuery(db).where('articles.section_id', '=', values[0]), values[1]),
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
  const rows = await newestInSection(db, [bindId(sectionId), count]);
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
