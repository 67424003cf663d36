import { sql, type Kysely } from 'kysely';
import {
  addColumnIfMissing,
  dropColumnIfPresent,
  isPostgres,
  timestampType,
} from '../dialects/migration-types.js';

/**
 * Each `article_tags` row carries what a tag's lists sort and filter by:
 * `listed` (1 when its article is a published news article, else 0) and
 * the article's `published_at`, under a partial index in the readers'
 * order, `article_tags_listing_idx` (tag_id, published_at desc nulls
 * last, article_id desc) where listed = 1. A tag's page, a tag's count
 * and an article's related-by-tag list then read that tag's index entries
 * alone, in order, and stop; before, they either walked the newest
 * articles until enough carried the tag or read and sorted all its rows
 * (issue 21: related-by-tag was a third of an uncached article page's
 * CPU, the public tag list took 0.9–1.2 s at 100,000 articles).
 *
 * Triggers keep the two columns right whichever way rows are written
 * (editor, importers, archive import, SQL): on insert of a tag row, and on
 * an update of an article's status, kind or publish date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumnIfMissing(db, 'article_tags', 'listed', sql`smallint not null default 0`);
  await addColumnIfMissing(db, 'article_tags', 'published_at', timestampType(db));
  if (isPostgres(db)) {
    await sql`update article_tags t set listed = ${listedOf('a')}, published_at = a.published_at
      from articles a where a.id = t.article_id`.execute(db);
    await sql`create index if not exists article_tags_listing_idx
      on article_tags (tag_id, published_at desc nulls last, article_id desc)
      where listed = 1`.execute(db);
    await sql`create or replace function article_tags_listing() returns trigger
      language plpgsql as $$
      begin
        select ${listedOf('a')}, a.published_at into new.listed, new.published_at
          from articles a where a.id = new.article_id;
        new.listed := coalesce(new.listed, 0);
        return new;
      end
      $$`.execute(db);
    await sql`create or replace trigger article_tags_listing
      before insert or update of article_id on article_tags
      for each row execute function article_tags_listing()`.execute(db);
    await sql`create or replace function articles_listing_to_tags() returns trigger
      language plpgsql as $$
      begin
        update article_tags set listed = ${listedOf('new')}, published_at = new.published_at
          where article_id = new.id;
        return null;
      end
      $$`.execute(db);
    await sql`create or replace trigger articles_listing_to_tags
      after update of status, kind, published_at on articles for each row
      when (old.status is distinct from new.status or old.kind is distinct from new.kind
        or old.published_at is distinct from new.published_at)
      execute function articles_listing_to_tags()`.execute(db);
    return;
  }
  await sql`update article_tags set
    listed = coalesce((select ${listedOf('a')} from articles a where a.id = article_tags.article_id), 0),
    published_at = (select a.published_at from articles a where a.id = article_tags.article_id)`.execute(
    db,
  );
  // SQLite sorts NULL lowest, so a descending index keeps undated articles last.
  await sql`create index if not exists article_tags_listing_idx
    on article_tags (tag_id, published_at desc, article_id desc) where listed = 1`.execute(db);
  await sql`create trigger if not exists article_tags_listing
    after insert on article_tags for each row begin
      update article_tags set
        listed = coalesce((select ${listedOf('a')} from articles a where a.id = new.article_id), 0),
        published_at = (select a.published_at from articles a where a.id = new.article_id)
      where article_id = new.article_id and tag_id = new.tag_id;
    end`.execute(db);
  await sql`create trigger if not exists articles_listing_to_tags
    after update of status, kind, published_at on articles for each row
    when old.status is not new.status or old.kind is not new.kind
      or old.published_at is not new.published_at
    begin
      update article_tags set listed = ${listedOf('new')}, published_at = new.published_at
        where article_id = new.id;
    end`.execute(db);
}

/** `listed` of the article row `alias`: 1 for a published news article, else 0. */
function listedOf(alias: 'a' | 'new') {
  const a = sql.raw(alias);
  return sql`case when ${a}.status = 'published' and ${a}.kind = 'article' then 1 else 0 end`;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists article_tags_listing${isPostgres(db) ? sql` on article_tags` : sql``}`.execute(
    db,
  );
  await sql`drop trigger if exists articles_listing_to_tags${isPostgres(db) ? sql` on articles` : sql``}`.execute(
    db,
  );
  if (isPostgres(db)) {
    await sql`drop function if exists article_tags_listing()`.execute(db);
    await sql`drop function if exists articles_listing_to_tags()`.execute(db);
  }
  await sql`drop index if exists article_tags_listing_idx`.execute(db);
  await dropColumnIfPresent(db, 'article_tags', 'published_at');
  await dropColumnIfPresent(db, 'article_tags', 'listed');
}
