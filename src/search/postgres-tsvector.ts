/**
 * The search index on PostgreSQL: per article, tsvectors of the same
 * analysed keys as the SQLite index (arabic/tokenize.ts `analyse`), made
 * with the `simple` configuration (no stemming, no stop words: the keys
 * are already normalised and stemmed), and `match` made from them, in a
 * narrow table of its own (article_match) under a GIN index: the exact
 * keys, and the stems behind a `~`, without weights or positions, so GIN
 * decides a match alone with no recheck of the rows
 * (2026_12_07_1100_search_match_vector, 2026_12_07_1400_search_match_table).
 *
 * Queries are built only from analysed keys, each quoted, and sent as bound
 * parameters, so the reader's text never becomes tsquery syntax. The
 * marker stands for FTS5's column filters: a word matches its exact form
 * (headline or body) or one of its stems; a phrase's words must be in
 * `match`, and the phrase itself, exact forms in order, within one column
 * (headline_exact or body_exact), so no phrase spans the two.
 *
 * Ranking: the shared formula of ranking.ts. Each of its features is a
 * tsquery tested with `@@` on the candidate's own column (headline_exact,
 * body_stem, headline_surface…, never the concatenated `document`, so no
 * phrase spans two columns), the same test FTS5 makes with a column filter.
 */
import { sql, type RawBuilder } from 'kysely';
import { bindId } from '../storage/repositories/convert.js';
import { headlineBound, NEAR_WORDS, scoreParts, scoreSql, type Feature } from './ranking.js';
import { searchPage } from './search-page.js';
import { lexemeShares } from './postgres-lexeme-shares.js';
import { COUNT_LIMIT } from '../domain/search-result.js';
import type { ParsedQuery } from './parse-query.js';
import {
  filterCondition,
  isFiltered,
  RANKING_WINDOW,
  distinctEntries,
  entryKeys,
  type IndexEntry,
  type SearchFilters,
  type SearchIndex,
  type SearchSort,
} from './search-index.js';

/** A key as a quoted tsquery operand (keys are letters and digits; quotes and backslashes escaped all the same). */
const quote = (key: string) => `'${key.replace(/['\\]/g, (c) => `\\${c}`)}'`;

/** The marker of a stem in the `match` vector, so a stem never meets an exact key. */
const STEM_MARKER = '~';

/**
 * The tsquery text (cast with `::tsquery`, which reads quoted lexemes as
 * they are) that `match` must satisfy: every word by its exact form or a
 * stem behind the marker, and every phrase's exact forms (their order is
 * tested apart, see phraseCondition).
 *
 * @example matchQueryText({ words: [{ key: 'الاسد', stems: ['اسد'] }], phrases: [] })
 *   // "('الاسد' | '~اسد')"
 */
export function matchQueryText(query: ParsedQuery): string {
  const words = query.words.map((w) => {
    const stems = w.stems.filter((s) => s !== '').map((s) => quote(STEM_MARKER + s));
    return `(${[quote(w.key), ...stems].join(' | ')})`;
  });
  const phraseKeys = query.phrases.flat().map(quote);
  return [...words, ...phraseKeys].join(' & ');
}

/**
 * The `to_tsquery('simple', …)` text of a phrase: its exact forms, adjacent
 * and in order, tested on one column at a time (headline_exact, body_exact),
 * so no phrase spans the headline and the body.
 */
export function phraseQueryText(phrase: string[]): string {
  return phrase.map(quote).join(' <-> ');
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

/**
 * The condition that the hit `id` (an SQL expression, `hits.id` unless
 * told) holds each quoted phrase of `query` in its headline or its body
 * (article_search), or none for a query without phrases: `match` holds a
 * phrase's words, not their order.
 */
function phraseCondition(query: ParsedQuery, id = sql`hits.id`): RawBuilder<unknown> {
  if (query.phrases.length === 0) return sql``;
  const phrases = query.phrases.map((phrase) => {
    const text = sql`(select to_tsquery('simple', ${phraseQueryText(phrase)}))`;
    return sql`(p.headline_exact @@ ${text} or p.body_exact @@ ${text})`;
  });
  return sql` and exists (select 1 from article_search p
    where p.article_id = ${id} and ${sql.join(phrases, sql` and `)})`;
}

/**
 * The ids of the articles whose words match `query` (their `match`), from
 * `lowest` (an SQL expression, or null) up, or every one: search_match_ids
 * reads them through the GIN index alone, and-ed with the primary key's
 * range when there is one (2026_12_07_1530_search_match_ids_function).
 * `walked`: instead, article_match is to be walked by id, newest first, each
 * row's `match` tested, for a query that most articles match (see
 * WALKED_SHARE): the caller's `order by id desc limit` stops the walk.
 */
function hitsOf(
  query: ParsedQuery,
  lowest: RawBuilder<unknown> | null,
  walked = false,
): RawBuilder<unknown> {
  if (walked)
    return sql`select article_id as id from article_match
      where match @@ ${matchQueryText(query)}::tsquery`;
  return sql`select id from search_match_ids(${matchQueryText(query)}::tsquery,
    ${lowest ?? sql`null`}::bigint) as id`;
}

/**
 * The share of articles at or above which an unfiltered relevance search
 * walks article_match by id for its newest RANKING_WINDOW hits (hitsOf)
 * rather than asking the GIN index: the index decodes every hit's entry
 * (على: 76,000 at 100,000 articles) where the walk tests some 1,300 rows.
 * The walk unpacks each row's vector (TOASTed when long), so it wins only
 * for the commonest words: تونس (40 %) took twice as long walked.
 */
const WALKED_SHARE = 0.6;

/**
 * The share of articles that `query` matches, as the statistics of
 * lexemeShares tell: for each word, its commonest key (exact or stem), the
 * words taken as independent; 0 for a query with a phrase or a word the
 * statistics do not hold (a rarer word).
 */
export function estimatedShare(query: ParsedQuery, shares: ReadonlyMap<string, number>): number {
  if (query.phrases.length > 0 || query.words.length === 0) return 0;
  return query.words.reduce((product, w) => {
    const keys = [w.key, ...w.stems.filter((s) => s !== '').map((s) => STEM_MARKER + s)];
    return product * Math.max(0, ...keys.map((k) => shares.get(k) ?? 0));
  }, 1);
}

/**
 * Rows of article_match a relevance search first looks for its newest
 * RANKING_WINDOW hits in, newest first, as a multiple of the window: a word
 * in a quarter of the articles (تونس is in 40 %, على in 76 % at 100,000)
 * fills the window there, and only the pages of its hits in that span are
 * read. A rarer one reads every hit, in the same statement (a wider span
 * in between, tried when the first promised to fill it, made the statement
 * take 9 s on an unanalysed database of 5,000 articles: left out).
 */
const SPAN_OF_WINDOW = 4;

/** Hits at most that are looked up one by one in the articles' covering index (candidatesOf). */
const LOOKED_UP_HITS = 2000;

/**
 * The `match` vector of an article_search row: its exact keys (headline
 * and body), and its stems each behind the marker (search_stem_lexemes,
 * 2026_12_07_1100_search_match_vector), no weights or positions.
 */
const MATCH_OF_ROW = sql`array_to_tsvector(tsvector_to_array(headline_exact || body_exact)
  || search_stem_lexemes(headline_stem || body_stem))`;

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
      const upsert = slice.every((e) => e.fresh)
        ? insert
        : sql`${insert} on conflict (article_id) do update set
              headline_exact = excluded.headline_exact, headline_stem = excluded.headline_stem,
              body_exact = excluded.body_exact, body_stem = excluded.body_stem,
              headline_surface = excluded.headline_surface, body_surface = excluded.body_surface`;
      // Each row's match vector in the same statement (article_match, 2026_12_07_1400).
      await sql`with indexed as (${upsert} returning *)
        insert into article_match (article_id, match) select article_id, ${MATCH_OF_ROW} from indexed
        on conflict (article_id) do update set match = excluded.match`.execute(db);
    }
  },

  async removeArticle(db, id) {
    await sql`delete from article_search where article_id = ${bindId(id)}`.execute(db);
  },

  async clear(db) {
    await sql`delete from article_search`.execute(db);
  },

  async search(db, query, { filters, sort, limit, offset }) {
    const options = { sort, limit, offset };
    // As on SQLite (see sqlite-fts5.ts), all in SQL: the hits through the GIN index
    // (hitsOf); filters read the covering index; bodies are fetched for the page's rows
    // alone. A date-sorted search sees every hit. A relevance search ranks the newest
    // RANKING_WINDOW hits (unfiltered), or the newest RANKING_WINDOW that pass its
    // filters, looked for in the newest rows first (a span: the GIN bitmap and-ed with
    // the primary key's range, so only the pages of the hits in range are read), then
    // in a wider span when the window is not full, up to the whole index: the same
    // hits as reading every match. Each ranking feature is tested on the candidate's
    // own row.
    const walked =
      !isFiltered(filters) && estimatedShare(query, await lexemeShares(db)) >= WALKED_SHARE;
    if (sort === 'date')
      return searchPage(
        db,
        sql`with ${walked ? walkedByDate(query, offset + limit) : candidatesOf(query, filters, sort, null, '', offset + limit)},
          matched as materialized (select c.id, 0 as score, c.published_at from candidates c)`,
        options,
      );
    return searchPage(db, scored(query, filters, offset + limit, walked), options);
  },
};

/**
 * The `<name>hits` and `<name>candidates (id, published_at)` tables of a
 * `with` clause: a search's hits from `lowest` up (hitsOf) that pass its
 * filters and phrases; for a relevance search the newest RANKING_WINDOW of
 * them (unfiltered: of the hits, before the filters, as SQLite takes them)
 * or of the filtered hits, and for a search by date the first
 * max(COUNT_LIMIT, `page`) by date (`page` is offset + limit): all that
 * its page and its count (up to COUNT_LIMIT) read.
 */
function candidatesOf(
  query: ParsedQuery,
  filters: SearchFilters,
  sort: SearchSort,
  lowest: RawBuilder<unknown> | null,
  name: string,
  page: number,
  walked = false,
): RawBuilder<unknown> {
  const filtered = isFiltered(filters);
  const window = sql` order by hits.id desc limit ${RANKING_WINDOW}`;
  const hits =
    sort === 'relevance' && !filtered
      ? sql`select hits.id from (${hitsOf(query, lowest, walked)}) hits where true${phraseCondition(query)}${window}`
      : hitsOf(query, lowest);
  const rest = sort === 'relevance' && !filtered ? sql`` : phraseCondition(query);
  const [hitsTable, candidatesTable] = [sql.table(`${name}hits`), sql.table(`${name}candidates`)];
  // Few hits are looked up one by one in the covering index (a lateral subquery that
  // the planner cannot merge). For many, the articles are walked in the order asked
  // (newest id first, or by date: articles_latest_idx), each tested against the hits'
  // hash table, until enough pass: the newest 1,000 of على's 76,000 hits by date are
  // 1,300 steps, where joining every hit with the articles and sorting them took
  // 260 ms of CPU at 100,000 articles. The test is wrapped (coalesce) so that the
  // planner keeps it a hashed subplan and does not join the hits first. A one-time
  // filter on their number picks one: the planner cannot know it (hitsOf is a
  // function), and merged 320 hits of a rare word with every entry (10 ms) where
  // looking them up takes 1 ms. It counts no further than it needs.
  const few = sql`(select count(*) from (select from ${hitsTable} limit ${LOOKED_UP_HITS + 1}) h) <= ${LOOKED_UP_HITS}`;
  const condition = filterCondition(filters);
  // Walked by id, from the lowest hit on.
  const [order, keep, range] =
    sort === 'date'
      ? [sql`a.published_at desc nulls last, a.id desc`, Math.max(COUNT_LIMIT, page), sql``]
      : [
          sql`a.id desc`,
          RANKING_WINDOW,
          sql` and a.id >= (select min(id) from ${sql.table(`${name}hits`)})`,
        ];
  return sql`${hitsTable} as materialized (${hits}),
    ${candidatesTable} as materialized (select c.id, c.published_at from (
      select hits.id, a.published_at from ${hitsTable} hits
        cross join lateral (select a.id, a.published_at from articles a
          left join sections s on s.id = a.section_id
          where a.id = hits.id and ${condition} offset 0) a
        where ${few}${rest}
      union all
      (select a.id, a.published_at from articles a left join sections s on s.id = a.section_id
        where not ${few} and coalesce(a.id in (select id from ${hitsTable}), false)
          ${range} and ${condition}${phraseCondition(query, sql`a.id`)}
        order by ${order} limit ${keep})
    ) c${sort === 'relevance' && filtered ? sql` order by c.id desc limit ${RANKING_WINDOW}` : sql``})`;
}

/**
 * The `candidates (id, published_at)` table of a `with` clause for an
 * unfiltered search by date of a query most articles match (WALKED_SHARE):
 * the articles walked in date order (articles_latest_idx), each one's
 * `match` tested, up to max(COUNT_LIMIT, `page`): for على at 100,000
 * articles, 1,300 rows, where asking the GIN index decodes 76,000 hits.
 */
function walkedByDate(query: ParsedQuery, page: number): RawBuilder<unknown> {
  return sql`candidates as materialized (select a.id, a.published_at from articles a
    where ${filterCondition({})} and exists (select 1 from article_match m
      where m.article_id = a.id and m.match @@ ${matchQueryText(query)}::tsquery)
    order by a.published_at desc nulls last, a.id desc limit ${Math.max(COUNT_LIMIT, page)})`;
}

/**
 * The `with` clause of a relevance search's `matched (id, score,
 * published_at)`, the page being the best `page` (offset + limit).
 *
 * Every candidate's headline is scored (its vectors are small and stored in
 * the row); the body (TOASTed vectors, read and unpacked per test) only of a
 * candidate whose headline score plus what a body can add reaches the k-th
 * best headline score (ranking.ts headlineBound): the others are not on the
 * page, and keep their headline score. For على at 100,000 articles, 953
 * bodies of 5,000 candidates. Each feature's tsquery is made once per
 * statement (a scalar subquery), not once per row.
 */
function scored(
  query: ParsedQuery,
  filters: SearchFilters,
  page: number,
  walked: boolean,
): RawBuilder<unknown> {
  const has = (feature: Feature) => {
    const { column, query: text } = featureQuery(feature);
    return sql`${sql.ref(`r.${column}`)} @@ (select to_tsquery('simple', ${text}))`;
  };
  const parts = scoreParts(query);
  const bound = headlineBound(parts);
  // The newest span's candidates, or when they fall short of the window, every hit's:
  // a one-time filter, so that the whole index is read only then.
  const span = sql`(select article_id from article_match
    order by article_id desc offset ${SPAN_OF_WINDOW * RANKING_WINDOW - 1} limit 1)`;
  const short = sql`(select count(*) from span_candidates) < ${RANKING_WINDOW}`;
  return sql`with ${candidatesOf(query, filters, 'relevance', span, 'span_', page, walked)},
    ${candidatesOf(query, filters, 'relevance', null, 'every_', page)},
    candidates as materialized (
      select id, published_at from span_candidates where not ${short}
      union all
      select id, published_at from every_candidates where ${short}),
    heads as materialized (select c.id, c.published_at, ${scoreSql(bound.parts, has)} as head
      from candidates c join article_search r on r.article_id = c.id),
    bar as materialized (select head - ${sql.lit(bound.slack)} as floor from heads
      order by head desc offset ${page - 1} limit 1),
    matched as materialized (
      select h.id, h.head as score, h.published_at from heads h
        where h.head < (select floor from bar)
      union all
      select h.id, ${scoreSql(parts, has)} as score, h.published_at from heads h
        join article_search r on r.article_id = h.id
        where not coalesce(h.head < (select floor from bar), false))`;
}
