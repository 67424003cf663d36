/**
 * The tail both search adapters share: from the matched hits, the page in
 * the asked order, the count (up to COUNT_LIMIT) and the page's rows.
 */
import { sql, type RawBuilder } from 'kysely';
import { toArticleIdValue, toDateOrNull, toInt } from '../storage/repositories/convert.js';
import type { Db } from '../storage/db.js';
import { COUNT_LIMIT } from '../domain/search-result.js';
import {
  isFiltered,
  RANKING_WINDOW,
  type SearchFilters,
  type SearchPage,
  type SearchRow,
  type SearchSort,
} from './search-index.js';

/**
 * The end of the query that picks the candidates (`hits` joined with the
 * articles and filtered): for a filtered relevance search, the newest
 * RANKING_WINDOW of them; nothing otherwise (an unfiltered one took its
 * window of hits already, a search by date sorts every hit).
 */
export function candidateWindow(filters: SearchFilters, sort: SearchSort): RawBuilder<unknown> {
  return sort === 'relevance' && isFiltered(filters)
    ? sql` order by hits.id desc limit ${RANKING_WINDOW}`
    : sql``;
}

/**
 * One page of a search and the number of hits. `matched` is a `with`
 * clause whose last table is `matched (id, score, published_at)`: the
 * filtered hits, materialised once for both the page and the count, and
 * their score (ranking.ts, higher is better; the same on both engines).
 * Ordered by score for `relevance`, then newest first, undated last, then
 * by id, descending; by date alone for `date`.
 */
export async function searchPage(
  db: Db,
  matched: RawBuilder<unknown>,
  options: { sort: SearchSort; limit: number; offset: number },
): Promise<SearchPage> {
  const { sort, limit, offset } = options;
  const byDate = sql`m.published_at is null, m.published_at desc, m.id desc`;
  const order = sort === 'date' ? byDate : sql`m.score desc, ${byDate}`;
  const count = sql`(select count(*) from (select 1 from matched limit ${COUNT_LIMIT}) c)`;
  const ranked = await sql<{ id: bigint | string; total: bigint | string }>`${matched}
      select m.id, ${count} as total from matched m
      order by ${order} limit ${limit} offset ${offset}`.execute(db);
  // A page past the last still says how many there are.
  const total =
    ranked.rows[0]?.total ??
    (offset === 0
      ? 0
      : (await sql<{ total: bigint | string }>`${matched} select ${count} as total`.execute(db))
          .rows[0]?.total);
  return {
    total: toInt(total ?? 0),
    rows: await pageRows(
      db,
      ranked.rows.map((r) => r.id),
    ),
  };
}

/** The articles of `ids` as search rows, in the order of `ids`. */
export async function pageRows(db: Db, ids: ReadonlyArray<bigint | string>): Promise<SearchRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{
    id: bigint | string;
    headline: string;
    body_html: string;
    published_at: string | Date | null;
    published_precision: string;
    section_slug: string | null;
    section_name: string | null;
  }>`select a.id, a.headline, a.body_html, a.published_at, a.published_precision,
      s.slug as section_slug, s.name as section_name
    from articles a left join sections s on s.id = a.section_id
    where a.id in (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(String(id));
    return r
      ? [
          {
            id: toArticleIdValue(r.id),
            headline: r.headline,
            bodyHtml: r.body_html,
            publishedAt: toDateOrNull(r.published_at),
            publishedPrecision: r.published_precision === 'day' ? 'day' : 'minute',
            section:
              r.section_slug && r.section_name
                ? { slug: r.section_slug, name: r.section_name }
                : null,
          },
        ]
      : [];
  });
}
