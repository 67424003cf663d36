/**
 * Reader search: the query analysed like the index, the matching published
 * articles in rank or date order, and for each a snippet and headline with
 * the matched words marked in the original text.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { htmlToText } from '../domain/html-text.js';
import type { SearchOutcome } from '../domain/search-result.js';
import { searchIndexFor } from '../search/index-for.js';
import { isEmptyQuery, parseQuery } from '../search/parse-query.js';
import type { SearchFilters, SearchSort } from '../search/search-index.js';
import { highlight, snippet } from '../search/snippet.js';
import type { Database } from '../storage/database.js';

/** The reader's query as it is searched and shown back (parse-query.ts). */
export { tidyQuery } from '../search/parse-query.js';

/**
 * Searches that run at once on one database; the rest wait their turn in
 * memory. On PostgreSQL, a search for a very common word holds a pooled
 * connection for up to a second at 100,000 articles: in the bench's search
 * run, 50 concurrent searches took all 10 connections of the pool, and
 * article renders failed after the pool's 10 s connect timeout. With this
 * bound, six connections stay free for pages. (SQLite's driver runs one
 * query at a time anyway.)
 */
export const SEARCHES_AT_ONCE = 4;

const searchSlots = new WeakMap<Database, LimitFunction>();

function slotsOf(database: Database): LimitFunction {
  let slots = searchSlots.get(database);
  if (!slots) {
    slots = pLimit(SEARCHES_AT_ONCE);
    searchSlots.set(database, slots);
  }
  return slots;
}

export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  /** Results per page. */
  limit: number;
}

/**
 * Runs a reader's search, waiting for one of the database's
 * SEARCHES_AT_ONCE slots. Never throws for what the reader typed.
 */
export async function searchArticles(
  deps: { database: Database },
  request: SearchRequest,
): Promise<SearchOutcome> {
  const query = parseQuery(request.q);
  if (isEmptyQuery(query)) return { searched: false, results: [], total: 0 };
  const page = await slotsOf(deps.database)(() =>
    searchIndexFor(deps.database).search(deps.database.db, query, {
      filters: request.filters,
      sort: request.sort,
      limit: request.limit,
      offset: (request.page - 1) * request.limit,
    }),
  );
  return {
    searched: true,
    total: page.total,
    results: page.rows.map((row) => ({
      id: row.id,
      headline: row.headline,
      headlineParts: highlight(row.headline, query),
      snippetParts: snippet(htmlToText(row.bodyHtml), query),
      publishedAt: row.publishedAt,
      publishedPrecision: row.publishedPrecision,
      section: row.section,
    })),
  };
}
