/**
 * The search index on SQLite: an FTS5 table of analysed keys whose rowid
 * is the article id. Queries are built only from analysed keys, each
 * quoted, so the reader's text never becomes FTS5 syntax.
 *
 * Ranking: bm25() with column weights (headline exact 10, headline stem 4,
 * body exact 2, body stem 1): a word matched in its exact form also
 * matches by stem, so exact matches score above stem-only ones. Ties go to
 * the newest.
 */
import { sql } from 'kysely';
import type { ArticleId } from '../domain/article-id.js';
import { bindId } from '../storage/repositories/convert.js';
import { searchPage } from './search-page.js';
import type { ParsedQuery } from './parse-query.js';
import {
  filterCondition,
  RANKING_WINDOW,
  type SearchFilters,
  distinctEntries,
  entryKeys,
  type SearchIndex,
  type SearchSort,
} from './search-index.js';

const quote = (key: string) => `"${key}"`;

/** The FTS5 MATCH expression of a parsed query (keys are letters and digits only). */
export function fts5Expression(query: ParsedQuery): string {
  const words = query.words.map(
    (w) =>
      `({headline_exact body_exact} : ${quote(w.key)} OR {headline_stem body_stem} : (${w.stems.map(quote).join(' OR ')}))`,
  );
  const phrases = query.phrases.map((p) => `{headline_exact body_exact} : ${quote(p.join(' '))}`);
  return [...words, ...phrases].join(' AND ');
}

/** The hits (id, score) of `match`: scored by BM25 for relevance, unscored for date order. */
function hitsOf(match: string, sort: SearchSort, filters: SearchFilters) {
  if (sort === 'date')
    return sql`select rowid as id, 0 as score from article_search where article_search match ${match}`;
  const scored = sql`select rowid as id, bm25(article_search, 10.0, 4.0, 2.0, 1.0) as score
    from article_search where article_search match ${match}`;
  const filtered = Boolean(filters.section || filters.from || filters.to);
  return filtered ? scored : sql`${scored} order by rowid desc limit ${RANKING_WINDOW}`;
}

export const sqliteFts5: SearchIndex = {
  async indexArticle(db, id, text, options = {}) {
    await sqliteFts5.indexArticles(db, [{ id, text, fresh: options.fresh ?? false }]);
  },

  async indexArticles(db, given) {
    const entries = distinctEntries(given);
    // 5 parameters a row (1 for a stale one): 500 rows stay far under SQLite's 32,766.
    for (let start = 0; start < entries.length; start += 500) {
      const slice = entries.slice(start, start + 500);
      const stale = slice.filter((e) => !e.fresh).map((e) => bindId(e.id));
      if (stale.length > 0)
        await sql`delete from article_search where rowid in (${sql.join(stale)})`.execute(db);
      const rows = slice.map((entry) => {
        const { headline, body } = entryKeys(entry);
        return sql`(${bindId(entry.id)}, ${headline.exact}, ${headline.stems}, ${body.exact}, ${body.stems})`;
      });
      await sql`insert into article_search (rowid, headline_exact, headline_stem, body_exact, body_stem)
        values ${sql.join(rows)}`.execute(db);
    }
  },

  async removeArticle(db, id: ArticleId) {
    await sql`delete from article_search where rowid = ${bindId(id)}`.execute(db);
  },

  async clear(db) {
    // FTS5's own command empties a contentless table at once (sqlite.org/fts5.html §6.4).
    await sql`insert into article_search (article_search) values ('delete-all')`.execute(db);
  },

  async search(db, query, { filters, sort, limit, offset }) {
    const match = fts5Expression(query);
    const condition = filterCondition(filters);
    // The full-text match runs once, first (a materialised CTE): left to itself the
    // planner may test the match once per article. The filters read a small
    // covering index, not the articles' rows; the filtered hits are kept once for
    // both the page and the count; bodies are fetched for the page's rows alone
    // (sorting thousands of hits with their bodies is what made common words slow).
    const matched = sql`with hits as materialized (${hitsOf(match, sort, filters)}),
      matched as materialized (select hits.id, hits.score, a.published_at from hits
        join articles a indexed by articles_search_filter_idx on a.id = hits.id
        left join sections s on s.id = a.section_id
        where ${condition})`;
    // bm25() is lower for a better match (see BestScore).
    return searchPage(db, matched, { sort, best: 'lowest', limit, offset });
  },
};
