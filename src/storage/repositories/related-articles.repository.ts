/**
 * Related articles of an article page: published articles that share a tag
 * or the section with it, newest first, never the article itself. Two
 * bounded queries (by tag, by section): the section's walks the
 * publish-date order and stops at `limit` rows; the tags' does the same
 * when they are on many articles, and reads their rows when they are on
 * few, so the cost does not grow with the archive.
 */
import type { ArticleId, ArticleSummary } from '../../domain/article.js';
import { sql } from 'kysely';
import type { Db } from '../db.js';
import {
  ARTICLE_KIND,
  PUBLISHED,
  summariesByIds,
  summaryQuery,
  toSummary,
} from './article-summary.js';
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
 * Rows of article_tags, over all of an article's tags, up to which its
 * related articles are read from those rows (and sorted) rather than found
 * by walking the newest published articles until `limit` carry one of the
 * tags. The walk reads about limit × articles ÷ rows articles, so for tags
 * on few articles it read nearly every one: with the bench's tags (1,000,
 * on Zipf weights) most article pages walked thousands of rows, 3.4 ms of
 * each page's CPU at 20,000 articles. Reading a tag's rows costs about one
 * article lookup each, and sorting them; a walk about one index probe per
 * article passed. The two cross near rows = √(limit × articles): 630 at
 * 100,000 articles, 2,000 at a million (limit 4, the article page's), so
 * 1,000 costs at most some 2,000 probes on archives of that size.
 */
const FROM_TAG_ROWS = 1000;

/**
 * Up to `limit` published news articles carrying one of `tagIds`, other
 * than `articleId`, newest first: from the tags' own rows when they are
 * few (FROM_TAG_ROWS), else by walking the newest articles.
 */
async function sharingTags(
  db: Db,
  articleId: bigint,
  tagIds: readonly bigint[],
  limit: number,
): Promise<ArticleSummary[]> {
  const tags = sql.join(tagIds.map((id) => sql`${id}`));
  const { rows: counted } = await sql<{ n: number | string | bigint }>`select count(*) as n from
    (select 1 from article_tags where tag_id in (${tags}) limit ${FROM_TAG_ROWS + 1}) s`.execute(
    db,
  );
  if (Number(counted[0]?.n ?? 0) > FROM_TAG_ROWS) {
    const rows = await newest(
      summaryQuery(db)
        .where('articles.id', '!=', articleId)
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
    ).execute();
    return rows.map(toSummary);
  }
  // CROSS JOIN: SQLite, which keeps no statistics, starts from the tags' rows.
  const { rows } = await sql<{ id: number | string | bigint }>`select distinct a.id, a.published_at
    from article_tags t cross join articles a
    where a.id = t.article_id and t.tag_id in (${tags}) and a.id <> ${articleId}
    and a.status = ${PUBLISHED} and a.kind = ${ARTICLE_KIND}
    order by a.published_at desc nulls last, a.id desc limit ${limit}`.execute(db);
  return summariesByIds(
    db,
    rows.map((row) => BigInt(row.id)),
  );
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
