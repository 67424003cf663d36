import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * PostgreSQL: the search index matches through `match`, a weight-free
 * tsvector without positions, in place of the weighted `document` (issue
 * 21). A query on `document` names weights ('key':AC | 'stem':BD), which
 * GIN cannot decide: every matching row's vector was detoasted and
 * rechecked, 1.4 s for a common word at 100,000 articles. `match` holds
 * the article's exact keys (headline and body) and its stems each behind
 * a `~` (search_stem_lexemes), so a word is `'key' | '~stem'` and GIN
 * answers it alone. Phrases are tested on the per-column vectors.
 * A stored generated column: adding it rewrites the table and fills it
 * from the stored vectors, and every insert or update keeps it. SQLite
 * (FTS5) is unaffected.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create or replace function search_stem_lexemes(stems tsvector) returns text[]
    language sql immutable strict parallel safe
    as $$ select coalesce(array_agg('~' || lexeme), '{}') from unnest(tsvector_to_array(stems)) lexeme $$`.execute(
    db,
  );
  await sql`alter table article_search drop column if exists document,
    add column if not exists match tsvector generated always as (
      array_to_tsvector(
        tsvector_to_array(headline_exact || body_exact) || search_stem_lexemes(headline_stem || body_stem)
      )
    ) stored`.execute(db);
  await sql`create index if not exists article_search_match_idx on article_search using gin (match)`.execute(
    db,
  );
}

/** Back to the weighted `document` of 2026_11_29_2100_create_article_search and its index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table article_search drop column if exists match,
    add column if not exists document tsvector generated always as (
      setweight(headline_exact, 'A') || setweight(headline_stem, 'B') ||
      setweight(body_exact, 'C') || setweight(body_stem, 'D')
    ) stored`.execute(db);
  await sql`drop function if exists search_stem_lexemes(tsvector)`.execute(db);
  await sql`create index if not exists article_search_document_idx on article_search using gin (document)`.execute(
    db,
  );
}
