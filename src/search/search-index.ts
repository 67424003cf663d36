/**
 * The search index, behind one interface for both engines: SQLite FTS5
 * (sqlite-fts5.ts) and PostgreSQL tsvector. Both hold the same analysed
 * keys (arabic/tokenize.ts), so they give the same hits.
 */
import { sql, type RawBuilder } from 'kysely';
import { htmlToText } from '../domain/html-text.js';
import { textKeys, type TextKeys } from './index-keys.js';
import { fromDate } from '../storage/repositories/convert.js';
import type { ArticleId } from '../domain/article-id.js';
import type { PublishedPrecision } from '../domain/article.js';
import type { Db } from '../storage/db.js';
import type { ParsedQuery } from './parse-query.js';
import { COUNT_LIMIT } from '../domain/search-result.js';

/** What is indexed of an article. */
export interface IndexedText {
  headline: string;
  /** Sanitised body HTML. */
  bodyHtml: string;
}

/** An article to index, for `indexArticles`. */
export interface IndexEntry {
  id: ArticleId;
  text: IndexedText;
  /**
   * The index keys of the body's text (`textKeys(htmlToText(bodyHtml))`)
   * when they were already worked out (an import prepares them on a worker
   * thread); else the index works them out.
   */
  bodySearchKeys?: TextKeys | undefined;
  /** The article is known not to be in the index: no old entry is looked for. */
  fresh: boolean;
}

/**
 * `entries` with one entry per article, in first-seen order: the last
 * text given, fresh only when the first entry was (a multi-row insert may
 * name a row once).
 */
export function distinctEntries(entries: readonly IndexEntry[]): IndexEntry[] {
  const byId = new Map<string, IndexEntry>();
  for (const entry of entries) {
    const first = byId.get(String(entry.id));
    byId.set(String(entry.id), first ? { ...entry, fresh: first.fresh } : entry);
  }
  return [...byId.values()];
}

/** The index keys of an entry's headline and body (both engines store these). */
export function entryKeys(entry: IndexEntry): { headline: TextKeys; body: TextKeys } {
  return {
    headline: textKeys(entry.text.headline),
    body: entry.bodySearchKeys ?? textKeys(htmlToText(entry.text.bodyHtml)),
  };
}

export interface SearchFilters {
  /** Only this section (its slug). */
  section?: string | undefined;
  /** Published at or after this instant. */
  from?: Date | undefined;
  /** Published before this instant. */
  to?: Date | undefined;
}

export type SearchSort = 'relevance' | 'date';

/** A published article that matched. */
export interface SearchRow {
  id: ArticleId;
  headline: string;
  bodyHtml: string;
  publishedAt: Date | null;
  publishedPrecision: PublishedPrecision;
  section: { slug: string; name: string } | null;
}

export interface SearchPage {
  rows: SearchRow[];
  /** Matching articles in all, up to COUNT_LIMIT (domain/search-result.ts). */
  total: number;
}

/**
 * Hits ranked in one relevance search, at most: the newest (by id)
 * RANKING_WINDOW matches that pass its filters. A common word (على, تونس)
 * matches tens of thousands of articles at 100,000, and scoring costs per
 * hit; the best of the newest 1,000 is what a news reader wants of such a
 * word, and is found in a few ms (FTS5 reads its doclists newest first and
 * stops; PostgreSQL sorts the matching ids, then scores 1,000). 1,000 is
 * also the most a search counts (COUNT_LIMIT) and shows (100 pages of 10):
 * at 5,000, the scoring of every candidate was most of a common word's
 * 100 ms of PostgreSQL CPU at 100,000 articles. A filter (section, dates)
 * is applied before the window, so it never hides a hit that the window
 * would have held. The same on both engines, so both rank the same
 * candidates.
 */
export const RANKING_WINDOW = COUNT_LIMIT;

export interface SearchIndex {
  /**
   * Indexes (or re-indexes) an article, inside the caller's transaction.
   * `fresh`: the article is known not to be in the index (a rebuild after
   * `clear`), which spares looking for an old entry.
   */
  indexArticle(
    db: Db,
    id: ArticleId,
    text: IndexedText,
    options?: { fresh?: boolean },
  ): Promise<void>;
  /**
   * Indexes (or re-indexes) many articles at once, inside the caller's
   * transaction: one statement for the lot (an import's batch). `fresh`
   * marks an article known not to be in the index yet.
   */
  indexArticles(db: Db, entries: readonly IndexEntry[]): Promise<void>;
  /** Removes an article from the index. */
  removeArticle(db: Db, id: ArticleId): Promise<void>;
  /** Empties the index (before a rebuild). */
  clear(db: Db): Promise<void>;
  /**
   * Published articles matching every word (exactly or by stem) and every
   * phrase, best first (the score of ranking.ts, the same on both engines,
   * then newest), or newest first.
   */
  search(
    db: Db,
    query: ParsedQuery,
    options: { filters: SearchFilters; sort: SearchSort; limit: number; offset: number },
  ): Promise<SearchPage>;
}

/** Whether `filters` restrict the hits: a section, or dates. */
export function isFiltered(filters: SearchFilters): boolean {
  return Boolean(filters.section || filters.from || filters.to);
}

/**
 * The SQL condition of `filters` on the articles `a` and sections `s` of
 * a search query (both engines): published, a news article (a static page
 * is never a hit, even when something indexed it), and in the section and
 * dates asked. Pages are told by a subquery on the (kind, slug) index, which
 * holds the id too (SQLite's rowid; a handful of pages on PostgreSQL), so the
 * hits are still checked on the small search-filter index, not each row.
 */
export function filterCondition(filters: SearchFilters): RawBuilder<unknown> {
  return sql.join(
    [
      sql`a.status = 'published'`,
      sql`a.id not in (select p.id from articles p where p.kind = 'page')`,
      ...(filters.section ? [sql`s.slug = ${filters.section}`] : []),
      ...(filters.from ? [sql`a.published_at >= ${fromDate(filters.from)}`] : []),
      ...(filters.to ? [sql`a.published_at < ${fromDate(filters.to)}`] : []),
    ],
    sql` and `,
  );
}
