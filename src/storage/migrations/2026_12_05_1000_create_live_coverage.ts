import { sql, type Kysely } from 'kysely';
import {
  addColumnIfMissing,
  dropColumnIfPresent,
  idReferenceType,
  timestampType,
  withIdColumn,
} from '../dialects/migration-types.js';

/**
 * Covering a story as it happens (issue 19): live coverage, public notes
 * of correction and update, and views by the minute.
 *
 * - `articles.live_state`: null (not live coverage), `live` or `ended`;
 *   `live_started_at`, `live_ended_at` (UTC). `live_next_number`: the
 *   number the next update gets (from 1, never reused, so that
 *   `#update-<n>` links never move to another update).
 * - `articles.modified_at`: when readers last saw a change that matters
 *   (a correction or update note, a live update), the `dateModified` of
 *   JSON-LD, feeds and sitemaps; null means the publish time. A silent
 *   edit does not move it.
 * - `live_updates`: one timestamped update of a live article. `number` is
 *   unique per article; `is_key` and `pinned` are 0/1; `author_id` is the
 *   user who posted it (null once that account is deleted).
 * - `article_notes`: a public note on a published article, `correction` or
 *   `update`, in plain text, with its time and its author.
 * - `article_view_minutes`: views per article, per UTC minute and per kind
 *   of referrer (`search`, `social`, `direct`, `other`), kept for
 *   MIDAD_VIEW_MINUTES_RETENTION_HOURS; only counts, no visitor data.
 *
 * Idempotent: tables and indexes are created if missing, columns added if
 * missing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bigint = idReferenceType(db);
  const time = timestampType(db);
  for (const name of ['live_state', 'live_started_at', 'live_ended_at', 'modified_at']) {
    await addColumnIfMissing(db, 'articles', name, name === 'live_state' ? sql`text` : time);
  }
  await addColumnIfMissing(db, 'articles', 'live_next_number', sql`integer not null default 1`);

  await withIdColumn(db, db.schema.createTable('live_updates').ifNotExists())
    .addColumn('article_id', bigint, (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('author_id', bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('live_updates_article_number_idx')
    .ifNotExists()
    .unique()
    .on('live_updates')
    .columns(['article_id', 'number'])
    .execute();

  await withIdColumn(db, db.schema.createTable('article_notes').ifNotExists())
    .addColumn('article_id', bigint, (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_notes_article_idx')
    .ifNotExists()
    .on('article_notes')
    .columns(['article_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('article_notes_kind_created_idx')
    .ifNotExists()
    .on('article_notes')
    .columns(['kind', 'created_at'])
    .execute();

  await db.schema
    .createTable('article_view_minutes')
    .ifNotExists()
    .addColumn('article_id', bigint, (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('minute', time, (c) => c.notNull())
    .addColumn('referrer', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_view_minutes_pk', ['minute', 'article_id', 'referrer'])
    .execute();
}

/** Drops the tables and the columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_view_minutes').ifExists().execute();
  await db.schema.dropTable('article_notes').ifExists().execute();
  await db.schema.dropTable('live_updates').ifExists().execute();
  for (const name of [
    'live_next_number',
    'modified_at',
    'live_ended_at',
    'live_started_at',
    'live_state',
  ]) {
    await dropColumnIfPresent(db, 'articles', name);
  }
}
