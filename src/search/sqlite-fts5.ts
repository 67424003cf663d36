/**
 * The search index on SQLite: an FTS5 table of analysed keys whose rowid
 * is the article id. Queries are built only from analysed keys, each
 * quoted, so the reader's text never becomes FTS5 syntax.
 *
 * Ranking: the shared formula of ranking.ts. Each of its features is one
 * MATCH query with a column filter, restricted to the candidates' rowid
 * range (FTS5 reads only that part of its doclists), whose rowids are
 * tested against each candidate.
 */
import { sql } from 'kysely';
import type { ArticleId } from '../domain/article-id.js';
import { bindId } from '../storage/repositories/convert.js';
import { NEAR_WORDS, scoreParts, scoreSql, type Feature } from './ranking.js';
import { candidateWindow, searchPage } from './search-page.js';
import type { ParsedQuery } from './parse-query.js';
import {
  filterCondition,
  isFiltered,
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

/** The FTS5 expression of a ranking feature (ranking.ts). */
export function featureExpression(feature: Feature): string {
  const { field } = feature;
  switch (feature.kind) {
    case 'word':
      return feature.form === 'exact'
        ? `{${field}_exact} : ${quote(feature.word.key)}`
        : `{${field}_stem} : (${feature.word.stems
            .filter((s) => s !== '')
            .map(quote)
            .join(' OR ')})`;
    case 'surface':
      return `{${field}_surface} : ${quote(feature.surface)}`;
    case 'pair':
      return feature.span === 'phrase'
        ? `{${field}_exact} : ${quote(`${feature.a} ${feature.b}`)}`
        : `{${field}_exact} : NEAR(${quote(feature.a)} ${quote(feature.b)}, ${NEAR_WORDS - 1})`;
    case 'phrase':
      return `{${field}_exact} : ${quote(feature.keys.join(' '))}`;
  }
}

/** The hits (ids) of `match`: for an unfiltered relevance search, the newest RANKING_WINDOW. */
function hitsOf(match: string, sort: SearchSort, filters: SearchFilters) {
  const all = sql`select rowid as id from article_search where article_search match ${match}`;
  return sort === 'date' || isFiltered(filters)
    ? all
    : sql`${all} order by rowid desc limit ${RANKING_WINDOW}`;
}

export const sqliteFts5: SearchIndex = {
  async indexArticle(db, id, text, options = {}) {
    await sqliteFts5.indexArticles(db, [{ id, text, fresh: options.fresh ?? false }]);
  },

  async indexArticles(db, given) {
    const entries = distinctEntries(given);
    // 7 parameters a row (1 for a stale one): 500 rows stay far under SQLite's 32,766.
    for (let start = 0; start < entries.length; start += 500) {
      const slice = entries.slice(start, start + 500);
      const stale = slice.filter((e) => !e.fresh).map((e) => bindId(e.id));
      if (stale.length > 0)
        await sql`delete from article_search where rowid in (${sql.join(stale)})`.execute(db);
      const rows = slice.map((entry) => {
        const { headline, body } = entryKeys(entry);
        return sql`(${bindId(entry.id)}, ${headline.exact}, ${headline.stems}, ${body.exact}, ${body.stems},
          ${headline.surface}, ${body.surface})`;
      });
      await sql`insert into article_search (rowid, headline_exact, headline_stem, body_exact, body_stem,
          headline_surface, body_surface)
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
    // Each ranking feature is a MATCH over the candidates' rowid range, read once
    // (an uncorrelated `in` list) and probed per candidate.
    const has = (feature: Feature) => sql`c.id in (select rowid from article_search
      where article_search match ${featureExpression(feature)}
        and rowid >= (select lo from bounds) and rowid <= (select hi from bounds))`;
    const score = sort === 'date' ? sql`0` : scoreSql(scoreParts(query), has);
    const matched = sql`with hits as materialized (${hitsOf(match, sort, filters)}),
      candidates as materialized (select hits.id, a.published_at from hits
        join articles a indexed by articles_search_filter_idx on a.id = hits.id
        left join sections s on s.id = a.section_id
        where ${condition}${candidateWindow(filters, sort)}),
      bounds as materialized (select min(id) as lo, max(id) as hi from candidates),
      matched as materialized (select c.id, ${score} as score, c.published_at from candidates c)`;
    return searchPage(db, matched, { sort, limit, offset });
  },
};
