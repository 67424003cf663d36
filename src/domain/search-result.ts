/**
 * What a reader's search finds, as the search page and the search APIs
 * show it: each matching article with its headline and snippet cut in
 * parts, the matched words marked where the article spells them. Plain
 * data, no I/O (search/snippet.ts cuts the parts, services/search-articles.ts
 * runs the search).
 */
import type { ArticleId } from './article-id.js';
import type { PublishedPrecision } from './article.js';

/** A piece of text, marked when it matched. */
export interface TextPart {
  text: string;
  match: boolean;
}

/** Hits counted at most (the count of a very common word stops here). */
export const COUNT_LIMIT = 1000;

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
  /** False for an empty query, or one of punctuation only: nothing was searched. */
  searched: boolean;
  results: SearchResult[];
  /** Matching articles in all (at most COUNT_LIMIT). */
  total: number;
}
