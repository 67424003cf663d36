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
import type { Db } from '../storage/db.js';
import { bindId } from '../storage/repositories/convert.js';
import { headlineBound, NEAR_WORDS, scoreParts, scoreSql, type Feature } from './ranking.js';
import { candidateWindow, searchPage } from './search-page.js';
import type { ParsedQuery } from './parse-query.js';
import {
  filterCondition,
  isFiltered,
  RANKING_WINDOW,
  distinctEntries,
  entryKeys,
  type IndexEntry,
  type SearchIndex,
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
 * The condition on `article_match m` that an article matches `query`: its
 * words in `match`, and each phrase in the headline or the body of its
 * article_search row.
 */
function matchCondition(query: ParsedQuery): RawBuilder<unknown> {
  const words = sql`m.match @@ ${matchQueryText(query)}::tsquery`;
  if (query.phrases.length === 0) return words;
  const phrases = query.phrases.map((phrase) => {
    const text = phraseQueryText(phrase);
    return sql`(s.headline_exact @@ to_tsquery('simple', ${text})
      or s.body_exact @@ to_tsquery('simple', ${text}))`;
  });
  return sql`${words} and exists (select 1 from article_search s
    where s.article_id = m.article_id and ${sql.join(phrases, sql` and `)})`;
}

/**
 * The ids of the hits of `match`: every one, or the newest (by id)
 * RANKING_WINDOW, newest first. Read through the GIN index alone, then
 * each hit's narrow article_match row for its id (2026_12_07_1400: 800
 * pages at 100,000 articles, 2 to 5 ms for any word). Only bitmap scans
 * are allowed, in this transaction alone: the planner costs `@@` as cheap
 * and would rather walk the primary key backwards and test each row's
 * `match`, which unpacks every vector (0.7 s for على at 100,000 articles).
 */
async function matchingIds(
  db: Db,
  match: RawBuilder<unknown>,
  which: 'every' | 'newest',
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_indexscan = off`.execute(trx);
    const newest =
      which === 'newest' ? sql` order by m.article_id desc limit ${RANKING_WINDOW}` : sql``;
    const hits = await sql<{ id: string | bigint }>`select m.article_id as id from article_match m
      where ${match}${newest}`.execute(trx);
    return hits.rows.map((r) => String(r.id));
  });
}

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
    const condition = filterCondition(filters);
    // As on SQLite (see sqlite-fts5.ts): the match once, through the GIN index on
    // `match`; an unfiltered relevance search ranks the newest RANKING_WINDOW hits
    // only (matchingIds); filters read the covering index; bodies are fetched for
    // the page's rows alone. Each ranking feature is tested on the candidate's own row.
    const match = matchCondition(query);
    const ids = await matchingIds(
      db,
      match,
      sort === 'date' || isFiltered(filters) ? 'every' : 'newest',
    );
    const hits = sql`select unnest(${ids}::bigint[]) as id`;
    const has = (feature: Feature) => {
      const { column, query: text } = featureQuery(feature);
      return sql`${sql.ref(`r.${column}`)} @@ to_tsquery('simple', ${text})`;
    };
    // The lowest hit bounds the articles read: the planner merges the hits with the
    // covering index from its start, and the newest 1,000 hits of تونس are the last
    // 3,000 articles (80 ms of 100,000 index entries -> 2 ms at 100,000 articles).
    const candidates = sql`with hits as materialized (${hits}),
      candidates as materialized (select hits.id, a.published_at from hits
        join articles a on a.id = hits.id left join sections s on s.id = a.section_id
        where a.id >= (select min(id) from hits) and ${condition}${candidateWindow(filters, sort)})`;
    if (sort === 'date')
      return searchPage(
        db,
        sql`${candidates}, matched as materialized (select c.id, 0 as score, c.published_at from candidates c)`,
        { sort, limit, offset },
      );
    // Every candidate's headline is scored (its vectors are small and stored in the row);
    // the body (TOASTed vectors, read and unpacked per test) only of a candidate whose
    // headline score plus what a body can add reaches the k-th best headline score
    // (ranking.ts headlineBound): the others are not on the page, and keep their
    // headline score. For على at 100,000 articles, 953 bodies of 5,000 candidates.
    const parts = scoreParts(query);
    const bound = headlineBound(parts);
    const matched = sql`${candidates},
      heads as materialized (select c.id, c.published_at, ${scoreSql(bound.parts, has)} as head
        from candidates c join article_search r on r.article_id = c.id),
      bar as materialized (select head - ${sql.lit(bound.slack)} as floor from heads
        order by head desc offset ${offset + limit - 1} limit 1),
      matched as materialized (
        select h.id, h.head as score, h.published_at from heads h
          where h.head < (select floor from bar)
        union all
        select h.id, ${scoreSql(parts, has)} as score, h.published_at from heads h
          join article_search r on r.article_id = h.id
          where not coalesce(h.head < (select floor from bar), false))`;
    return searchPage(db, matched, { sort, limit, offset });
  },
};
