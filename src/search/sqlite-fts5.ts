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
import { analyse } from '../arabic/tokenize.js';
import type { ArticleId } from '../domain/article-id.js';
import {
  bindId,
  fromDate,
  toArticleIdValue,
  toDateOrNull,
  toInt,
} from '../storage/repositories/convert.js';
import { htmlToText } from './html-text.js';
import type { ParsedQuery } from './parse-query.js';
import { COUNT_LIMIT, type SearchIndex } from './search-index.js';

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

export const sqliteFts5: SearchIndex = {
  async indexArticle(db, id, text, options = {}) {
    const headline = analyse(text.headline);
    const body = analyse(htmlToText(text.bodyHtml));
    if (!options.fresh)
      await sql`delete from article_search where rowid = ${bindId(id)}`.execute(db);
    await sql`insert into article_search (rowid, headline_exact, headline_stem, body_exact, body_stem)
      values (${bindId(id)}, ${headline.exact}, ${headline.stems}, ${body.exact}, ${body.stems})`.execute(
      db,
    );
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
    const where = [
      sql`a.status = 'published'`,
      ...(filters.section ? [sql`s.slug = ${filters.section}`] : []),
      ...(filters.from ? [sql`a.published_at >= ${fromDate(filters.from)}`] : []),
      ...(filters.to ? [sql`a.published_at < ${fromDate(filters.to)}`] : []),
    ];
    const condition = sql.join(where, sql` and `);
    // The full-text match runs once, first (a materialised CTE), then joins the
    // articles: left to itself the planner may test the match once per article.
    const hits = sql`with hits as materialized (
        select rowid as id, bm25(article_search, 10.0, 4.0, 2.0, 1.0) as score
        from article_search where article_search match ${match})`;
    const order =
      sort === 'date'
        ? sql`a.published_at is null, a.published_at desc, a.id desc`
        : sql`hits.score, a.published_at is null, a.published_at desc, a.id desc`;
    const rows = await sql<{
      id: bigint;
      headline: string;
      body_html: string;
      published_at: string | null;
      published_precision: string;
      section_slug: string | null;
      section_name: string | null;
    }>`${hits} select a.id, a.headline, a.body_html, a.published_at, a.published_precision,
        s.slug as section_slug, s.name as section_name
      from hits join articles a on a.id = hits.id
      left join sections s on s.id = a.section_id
      where ${condition} order by ${order} limit ${limit} offset ${offset}`.execute(db);
    const counted = await sql<{ n: bigint }>`${hits} select count(*) as n from (
        select 1 from hits join articles a on a.id = hits.id
        left join sections s on s.id = a.section_id
        where ${condition} limit ${COUNT_LIMIT})`.execute(db);
    return {
      total: toInt(counted.rows[0]?.n ?? 0n),
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
