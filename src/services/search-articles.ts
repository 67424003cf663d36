/**
 * Reader search: the query analysed like the index, the matching published
 * articles in rank or date order, and for each a snippet and headline with
 * the matched words marked in the original text.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { PublishedPrecision } from '../domain/article.js';
import { htmlToText } from '../search/html-text.js';
import { searchIndexFor } from '../search/index-for.js';
import { isEmptyQuery, parseQuery, type ParsedQuery } from '../search/parse-query.js';
import type { SearchFilters, SearchSort } from '../search/search-index.js';
import { highlight, snippet, type TextPart } from '../search/snippet.js';
import type { Database } from '../storage/database.js';

export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  /** Results per page. */
  limit: number;
}

export interface SearchResult {
  id: ArticleId;
  headline: string;
  headlineParts: TextPart[];
  snippetParts: TextPart[];
  publishedAt: Date | null;
  publishedPrecision: PublishedPrecision;
  section: { slug: string; name: string } | null;
}

export interface SearchOutcome {
  query: ParsedQuery;
  /** False for an empty query, or one of punctuation only: nothing was searched. */
  searched: boolean;
  results: SearchResult[];
  /** Matching articles in all (at most COUNT_LIMIT). */
  total: number;
}

/** Runs a reader's search. Never throws for what the reader typed. */
export async function searchArticles(
  deps: { database: Database },
  request: SearchRequest,
): Promise<SearchOutcome> {
  const query = parseQuery(request.q);
  if (isEmptyQuery(query)) return { query, searched: false, results: [], total: 0 };
  const page = await searchIndexFor(deps.database).search(deps.database.db, query, {
    filters: request.filters,
    sort: request.sort,
    limit: request.limit,
    offset: (request.page - 1) * request.limit,
  });
  return {
    query,
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
