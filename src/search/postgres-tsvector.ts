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
 * Ranking: the shared formula of ranking.ts. Each of its features is a
 * tsquery tested with `@@` on the candidate's own column (headline_exact,
 * body_stem, headline_surface…, never the concatenated `document`, so no
 * phrase spans two columns), the same test FTS5 makes with a column filter.
 */
import { sql } from 'kysely';
import { bindId } from '../storage/repositories/convert.js';
import { NEAR_WORDS, scoreParts, scoreSql, type Feature } from './ranking.js';
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

/**
 * The column and `to_tsquery('simple', …)` text of a ranking feature
 * (ranking.ts): `a <N> b` is b exactly N positions after a, so "near" is
 * every distance up to NEAR_WORDS, both ways (FTS5's NEAR(a b, N-1)).
 */
export function featureQuery(feature: Feature): { column: string; query: string } {
  const { field } = feature;
  switch (feature.kind) {
    case 'word':
      return feature.form === 'exact'
        ? { column: `${field}_exact`, query: quote(feature.word.key) }
        : {
            column: `${field}_stem`,
            query: feature.word.stems
              .filter((s) => s !== '')
              .map(quote)
              .join(' | '),
          };
    case 'surface':
      return { column: `${field}_surface`, query: quote(feature.surface) };
    case 'pair': {
      const [a, b] = [quote(feature.a), quote(feature.b)];
      if (feature.span === 'phrase') return { column: `${field}_exact`, query: `${a} <-> ${b}` };
      const distances = Array.from({ length: NEAR_WORDS }, (_, i) => i + 1);
      return {
        column: `${field}_exact`,
        query: distances.flatMap((d) => [`${a} <${d}> ${b}`, `${b} <${d}> ${a}`]).join(' | '),
      };
    }
    case 'phrase':
      return { column: `${field}_exact`, query: feature.keys.map(quote).join(' <-> ') };
  }
}

/** The six tsvectors of an article's keys and surface forms. */
function vectorsOf(entry: IndexEntry) {
  const { headline: head, body } = entryKeys(entry);
  return sql`(${bindId(entry.id)}, to_tsvector('simple', ${head.exact}), to_tsvector('simple', ${head.stems}),
    to_tsvector('simple', ${body.exact}), to_tsvector('simple', ${body.stems}),
    to_tsvector('simple', ${head.surface}), to_tsvector('simple', ${body.surface}))`;
}

export const postgresTsvector: SearchIndex = {
  async indexArticle(db, id, text, options = {}) {
    await postgresTsvector.indexArticles(db, [{ id, text, fresh: options.fresh ?? false }]);
  },

  async indexArticles(db, given) {
    const entries = distinctEntries(given);
    // 7 parameters a row: 500 rows stay far under PostgreSQL's 65,535. An upsert
    // (one row per article) unless every article is new.
    for (let start = 0; start < entries.length; start += 500) {
      const slice = entries.slice(start, start + 500);
      const insert = sql`insert into article_search
        (article_id, headline_exact, headline_stem, body_exact, body_stem, headline_surface, body_surface)
        values ${sql.join(slice.map(vectorsOf))}`;
      await (
        slice.every((e) => e.fresh)
          ? insert
          : sql`${insert} on conflict (article_id) do update set
              headline_exact = excluded.headline_exact, headline_stem = excluded.headline_stem,
              body_exact = excluded.body_exact, body_stem = excluded.body_stem,
              headline_surface = excluded.headline_surface, body_surface = excluded.body_surface`
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
    // only; filters read the covering index; bodies are fetched for the page's rows
    // alone. Each ranking feature is tested on the candidate's own row.
    const all = sql`select s.article_id as id from article_search s, q where s.document @@ q.query`;
    const hits =
      sort === 'date' || filtered
        ? all
        : sql`${all} order by s.article_id desc limit ${RANKING_WINDOW}`;
    const has = (feature: Feature) => {
      const { column, query: text } = featureQuery(feature);
      return sql`${sql.ref(`r.${column}`)} @@ to_tsquery('simple', ${text})`;
    };
    const matched = sql`with q as materialized (select to_tsquery('simple', ${tsqueryText(query)}) as query),
      hits as materialized (${hits}),
      candidates as materialized (select hits.id, a.published_at from hits
        join articles a on a.id = hits.id left join sections s on s.id = a.section_id
        where ${condition}),
      matched as materialized (${
        sort === 'date'
          ? sql`select c.id, 0 as score, c.published_at from candidates c`
          : sql`select c.id, ${scoreSql(scoreParts(query), has)} as score, c.published_at
              from candidates c join article_search r on r.article_id = c.id`
      })`;
    return searchPage(db, matched, { sort, limit, offset });
  },
};
