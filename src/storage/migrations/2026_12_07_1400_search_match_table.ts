import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * PostgreSQL: the search index's `match` vectors move to a narrow table of
 * their own, `article_match (article_id, match)`, under the GIN index
 * (issue 21). GIN gives row addresses, so each hit's row is still read for
 * its id: in `article_search`, where the six vectors share the row (some
 * 5 rows a page, 18,700 pages at 100,000 articles), the 40,000 hits of
 * تونس read 14,800 pages, and the planner preferred to test `match` row by
 * row over a range of ids (0.7 s for على). Here a row is an id and a
 * pointer to its vector, moved out of line (toast_tuple_target 128): 800
 * pages for 100,000 articles, read whole for any word. Rows follow their
 * article_search row (deleted with it); the search adapter writes both.
 * SQLite (FTS5) is unaffected.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table if not exists article_match (
      article_id bigint primary key references article_search (article_id) on delete cascade,
      match tsvector not null
    ) with (toast_tuple_target = 128)`.execute(db);
  await sql`insert into article_match (article_id, match)
    select article_id, match from article_search on conflict (article_id) do nothing`.execute(db);
  await sql`create index if not exists article_match_idx on article_match using gin (match)`.execute(
    db,
  );
  await sql`alter table article_search drop column if exists match`.execute(db);
}

/** Back to `match` in article_search, as 2026_12_07_1100_search_match_vector made it. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop table if exists article_match`.execute(db);
  await sql`alter table article_search add column if not exists match tsvector generated always as (
      array_to_tsvector(
        tsvector_to_array(headline_exact || body_exact) || search_stem_lexemes(headline_stem || body_stem)
      )
    ) stored`.execute(db);
  await sql`create index if not exists article_search_match_idx on article_search using gin (match)`.execute(
    db,
  );
}
