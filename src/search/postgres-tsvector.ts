/**
 * The search index on PostgreSQL: per article, tsvectors of the same
 * analysed keys as the SQLite index (arabic/tokenize.ts `analyse`), made
 * with the `simple` configuration (no stemming, no stop words: the keys
 * are already normalised and stemmed), and the weighted `document`
 * generated from them (headline exact A, headline stem B, body exact C,
 * body stem D) under a GIN index. See the migration
 * 2026_11_29_2100_create_article_search.
 *
 * Queries are built only from analysed keys, each quoted, and sent as one
 * bound parameter, so the reader's text never becomes tsquery syntax.
 * Weight labels stand for FTS5's column filters: a word matches its exact
 * form in A or C, or a stem in B or D; a phrase matches exact forms, in
 * order, within one column (the stem segment B lies between the headline's
 * and the body's exact forms, so no phrase spans the two).
 *
 * Ranking: ts_rank_cd with weights D 0.1, C 0.2, B 0.4, A 1.0 (the FTS5
 * column weights 1 : 2 : 4 : 10), divided by 1 + log(length) (normalisation
 * 1, PostgreSQL's nearest to BM25's length term). Ties go to the newest.
 */
import { sql } from 'kysely';
import { bindId } from '../storage/repositories/convert.js';
import { searchPage } from './search-page.js';
import type { ParsedQuery } from './parse-query.js';
import {
  filterCondition,
  RANKING_WINDOW,
  distinctEntries,
  entryKeys,
  type IndexEntry,
  type SearchIndex,
} from './search-index.js';

/** A key as a quoted tsquery operand (keys are letters and digits; quotes and backslashes escaped all the same). */
const quote = (key: string) => `'${key.replace(/['\\]/g, (c) => `\\${c}`)}'`;

/**
 * The `to_tsquery('simple', …)` text of a parsed query: every word (exact
 * form in the exact segments, or a stem in the stem segments) and every
 * phrase (exact forms, adjacent), all required.
 *
 * @example tsqueryText({ words: [{ key: 'الاسد', stems: ['اسد'] }], phrases: [] })
 *   // "('الاسد':AC | 'اسد':BD)"
 */
export function tsqueryText(query: ParsedQuery): string {
  const words = query.words.map((w) => {
    const stems = w.stems.filter((s) => s !== '').map((s) => `${quote(s)}:BD`);
    return `(${[`${quote(w.key)}:AC`, ...stems].join(' | ')})`;
  });
  const phrases = query.phrases.map((p) => `(${p.map((k) => `${quote(k)}:AC`).join(' <-> ')})`);
  return [...words, ...phrases].join(' & ');
}

/** The four tsvectors of an article's keys. */
function vectorsOf(entry: IndexEntry) {
  const { headline: head, body } = entryKeys(entry);
  return sql`(${bindId(entry.id)}, to_tsvector('simple', ${head.exact}), to_tsvector('simple', ${head.stems}),
    to_tsvector('simple', ${body.exact}), to_tsvector('simple', ${body.stems}))`;
}

export const postgresTsvector: SearchIndex = {
  async indexArticle(db, id, text, options = {}) {
    await postgresTsvector.indexArticles(db, [{ id, text, fresh: options.fresh ?? false }]);
  },

  async indexArticles(db, given) {
    const entries = distinctEntries(given);
    // 5 parameters a row: 500 rows stay far under PostgreSQL's 65,535. An upsert
    // (one row per article) unless every article is new.
    for (let start = 0; start < entries.length; start += 500) {
      const slice = entries.slice(start, start + 500);
      const insert = sql`insert into article_search
        (article_id, headline_exact, headline_stem, body_exact, body_stem)
        values ${sql.join(slice.map(vectorsOf))}`;
      await (
        slice.every((e) => e.fresh)
          ? insert
          : sql`${insert} on conflict (article_id) do update set
              headline_exact = excluded.headline_exact, headline_stem = excluded.headline_stem,
              body_exact = excluded.body_exact, body_stem = excluded.body_stem`
      ).execute(db);
    }
  },

  async removeArticle(db, id) {
    await sql`delete from article_search where article_id = ${bindId(id)}`.execute(db);
  },

  async clear(db) {
    await sql`delete from article_search`.execute(db);
  },

  async search(db, query, { filters, sort, limit, offset }) {
    const condition = filterCondition(filters);
    const filtered = Boolean(filters.section || filters.from || filters.to);
    // As on SQLite (see sqlite-fts5.ts): the match once, through the GIN index on
    // `document`; an unfiltered relevance search ranks the newest RANKING_WINDOW hits
    // only (ts_rank_cd reads each hit's vector); filters read the covering index;
    // bodies are fetched for the page's rows alone.
    const rank = (table: string) =>
      sql`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', ${sql.ref(`${table}.document`)}, q.query, 1)`;
    const hits =
      sort === 'date'
        ? sql`select s.article_id as id, 0 as score from article_search s, q
            where s.document @@ q.query`
        : filtered
          ? sql`select s.article_id as id, ${rank('s')} as score from article_search s, q
              where s.document @@ q.query`
          : sql`select w.id, ${rank('s')} as score from (
                select s.article_id as id from article_search s, q where s.document @@ q.query
                order by s.article_id desc limit ${RANKING_WINDOW}) w
              join article_search s on s.article_id = w.id, q`;
    const matched = sql`with q as materialized (select to_tsquery('simple', ${tsqueryText(query)}) as query),
      hits as materialized (${hits}),
      matched as materialized (select hits.id, hits.score, a.published_at from hits
        join articles a on a.id = hits.id left join sections s on s.id = a.section_id
        where ${condition})`;
    // ts_rank_cd is higher for a better match (see BestScore).
    return searchPage(db, matched, { sort, best: 'highest', limit, offset });
  },
};
