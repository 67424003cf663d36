import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * The search index: per article, the analysed keys of its headline and body
 * (see arabic/tokenize.ts), exact forms and stems in separate columns so
 * that ranking can prefer exact matches and headline matches.
 * SQLite: an FTS5 table without stored content (the keys are rebuilt from
 * the articles), whose rowid is the article id. PostgreSQL: tsvectors of
 * the same keys with the `simple` configuration, under one GIN index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create table if not exists article_search (
      article_id bigint primary key references articles(id) on delete cascade,
      headline_exact tsvector not null,
      headline_stem tsvector not null,
      body_exact tsvector not null,
      body_stem tsvector not null,
      document tsvector generated always as (
        setweight(headline_exact, 'A') || setweight(headline_stem, 'B') ||
        setweight(body_exact, 'C') || setweight(body_stem, 'D')
      ) stored
    )`.execute(db);
    await sql`create index if not exists article_search_document_idx on article_search using gin (document)`.execute(
      db,
    );
    return;
  }
  await sql`create virtual table if not exists article_search using fts5(
    headline_exact, headline_stem, body_exact, body_stem,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists article_search`.execute(db);
}
