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
import { analyse } from '../arabic/tokenize.js';
import { bindId, toArticleIdValue, toDateOrNull, toInt } from '../storage/repositories/convert.js';
import { htmlToText } from './html-text.js';
import type { ParsedQuery } from './parse-query.js';
import { COUNT_LIMIT, filterCondition, type SearchIndex } from './search-index.js';

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
function vectorsOf(id: string, headline: string, bodyHtml: string) {
  const head = analyse(headline);
  const body = analyse(htmlToText(bodyHtml));
  return sql`(${bindId(id)}, to_tsvector('simple', ${head.exact}), to_tsvector('simple', ${head.stems}),
    to_tsvector('simple', ${body.exact}), to_tsvector('simple', ${body.stems}))`;
}

export const postgresTsvector: SearchIndex = {
  async indexArticle(db, id, text, options = {}) {
    const insert = sql`insert into article_search
      (article_id, headline_exact, headline_stem, body_exact, body_stem)
      values ${vectorsOf(id, text.headline, text.bodyHtml)}`;
    await (
      options.fresh
        ? insert
        : sql`${insert} on conflict (article_id) do update set
            headline_exact = excluded.headline_exact, headline_stem = excluded.headline_stem,
            body_exact = excluded.body_exact, body_stem = excluded.body_stem`
    ).execute(db);
  },

  async removeArticle(db, id) {
    await sql`delete from article_search where article_id = ${bindId(id)}`.execute(db);
  },

  async clear(db) {
    await sql`delete from article_search`.execute(db);
  },

  async search(db, query, { filters, sort, limit, offset }) {
    const condition = filterCondition(filters);
    // The query is parsed once; the match uses the GIN index on `document`.
    const hits = sql`with q as (select to_tsquery('simple', ${tsqueryText(query)}) as query),
      hits as (
        select article_search.article_id as id,
          ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', article_search.document, q.query, 1) as score
        from article_search, q where article_search.document @@ q.query)`;
    const order =
      sort === 'date'
        ? sql`a.published_at is null, a.published_at desc, a.id desc`
        : sql`hits.score desc, a.published_at is null, a.published_at desc, a.id desc`;
    const rows = await sql<{
      id: string;
      headline: string;
      body_html: string;
      published_at: Date | null;
      published_precision: string;
      section_slug: string | null;
      section_name: string | null;
    }>`${hits} select a.id, a.headline, a.body_html, a.published_at, a.published_precision,
        s.slug as section_slug, s.name as section_name
      from hits join articles a on a.id = hits.id
      left join sections s on s.id = a.section_id
      where ${condition} order by ${order} limit ${limit} offset ${offset}`.execute(db);
    const counted = await sql<{ n: string }>`${hits} select count(*) as n from (
        select 1 from hits join articles a on a.id = hits.id
        left join sections s on s.id = a.section_id
        where ${condition} limit ${COUNT_LIMIT}) as counted`.execute(db);
    return {
      total: toInt(counted.rows[0]?.n ?? 0),
      rows: rows.rows.map((r) => ({
        id: toArticleIdValue(r.id),
        headline: r.headline,
        bodyHtml: r.body_html,
        publishedAt: toDateOrNull(r.published_at),
        publishedPrecision: r.published_precision === 'day' ? 'day' : 'minute',
        section:
          r.section_slug && r.section_name ? { slug: r.section_slug, name: r.section_name } : null,
      })),
    };
  },
};
