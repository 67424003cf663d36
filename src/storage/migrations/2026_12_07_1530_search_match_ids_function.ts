import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * PostgreSQL: `search_match_ids(query, lowest)`, the ids of the
 * article_match rows whose `match` satisfies `query`, from `lowest` up (or
 * all when `lowest` is null), read through bitmap scans alone: the GIN
 * index, and-ed with the primary key's range when there is one (issue 21).
 *
 * Why a function: the planner costs `@@` as cheap and would rather walk
 * the primary key and test each row's `match`, which unpacks every vector
 * (0.7 s for على at 100,000 articles); its SET clause turns index and
 * sequential scans off for this statement alone, where a `set local`
 * turned them off for the rest of the search too (the join with the
 * articles' covering index, the scoring), so the hits had to be sent to
 * Node and back (for على sorted by date, 60,000 ids: 350 ms of CPU).
 * EXECUTE plans each call with its values: with the bound known, the
 * planner and-s the two bitmaps, and only the pages of hits in range are
 * read (article_match keeps vectors under 2 KB inline, 8,300 pages at
 * 100,000 articles: all of them for a common word without a bound).
 * SQLite (FTS5) is unaffected.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create or replace function search_match_ids(query tsquery, lowest bigint)
    returns setof bigint language plpgsql stable parallel safe
    set enable_seqscan = off set enable_indexscan = off
    as $$
    begin
      if lowest is null then
        return query execute 'select article_id from article_match where match @@ $1' using query;
      else
        return query execute
          'select article_id from article_match where match @@ $1 and article_id >= $2'
          using query, lowest;
      end if;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop function if exists search_match_ids(tsquery, bigint)`.execute(db);
}
