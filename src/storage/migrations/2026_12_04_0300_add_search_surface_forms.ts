import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * Ranking puts the reader's own spelling above a variant of it (مدرسة above
 * مدرسه, search/ranking.ts), so the index keeps each article's surface
 * forms (search/surface.ts): the distinct words of the headline and of the
 * body that hold a letter the search key unifies, in two new columns
 * `headline_surface` and `body_surface`. They take no part in matching.
 * SQLite: an FTS5 table cannot gain a column, so it is made anew (empty);
 * PostgreSQL: two tsvector columns, and the index is emptied. Either way
 * `midad serve` rebuilds an empty index at start (as does `midad reindex`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table article_search
      add column if not exists headline_surface tsvector not null default ''::tsvector,
      add column if not exists body_surface tsvector not null default ''::tsvector`.execute(db);
    await sql`delete from article_search`.execute(db);
    return;
  }
  await sql`drop table if exists article_search`.execute(db);
  await sql`create virtual table article_search using fts5(
    headline_exact, headline_stem, body_exact, body_stem, headline_surface, body_surface,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  )`.execute(db);
}

/** Back to the four columns of 2026_11_29_2100_create_article_search, empty. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table article_search drop column if exists headline_surface,
      drop column if exists body_surface`.execute(db);
    await sql`delete from article_search`.execute(db);
    return;
  }
  await sql`drop table if exists article_search`.execute(db);
  await sql`create virtual table article_search using fts5(
    headline_exact, headline_stem, body_exact, body_stem,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  )`.execute(db);
}
