import { sql, type Kysely } from 'kysely';
import {
  addColumnIfMissing,
  dropColumnIfPresent,
  idReferenceType,
  timestampType,
  withIdColumn,
} from '../dialects/migration-types.js';

/**
 * The wire desk (issue 18): agencies' feeds and folders, and the queue of
 * their items that editors turn into drafts.
 *
 * - `wire_sources`: one feed URL or one folder per row; `name` is unique.
 *   `enabled` and `allow_private` are 0/1. Polling state: `etag` and
 *   `last_modified` for conditional requests, `next_poll_at` (when it is
 *   due), `lease_until` (an instance polling it holds it until then, so two
 *   instances never poll one source at once), `failures` in a row (the
 *   backoff), the last poll's time, success, error and item count.
 * - `wire_items`: the queue. `agency_key` (the agency, trimmed and lower
 *   case) with `guid` is unique, so one story delivered by two sources of
 *   one agency is stored once; `story_key` (a hash of agency and
 *   normalised headline) finds the same story under another guid.
 *   `search_keys` holds the analysed keys of headline and text, space
 *   separated with a space at each end, for `LIKE '% key %'`. `used_*`
 *   say which draft an editor made of it, and who, and when.
 *   `time_estimated` (0/1): the item had no date, its arrival time is used.
 *   `dropped_images`: how many of the agency's images its body lost (agency
 *   photos are not in the media library, and their rights differ).
 *   `pub_status`: the agency's publishing status, `usable`, `withheld` or
 *   `canceled` (withdrawn: not to be published). `duplicate_count` and
 *   `also_from`: the copies of the story the agency sent under other guids
 *   (dropped, not stored), and a JSON array of `{ "source": name, "guid":
 *   guid }` naming each (at most 100).
 * - `articles.wire_item_id`: the item a draft was made from (no foreign
 *   key: items leave the queue after the retention days, and then it is
 *   set to null).
 * - `wire_folder_files`: the files of a folder source already read, by
 *   name, size and modification time (ms), so a file is read again only
 *   when it changes.
 *
 * Idempotent: tables and indexes are created if missing, the column added
 * if missing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bigint = idReferenceType(db);
  await withIdColumn(db, db.schema.createTable('wire_sources').ifNotExists())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('folder', 'text')
    .addColumn('section_id', bigint, (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('every_minutes', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_poll_at', timestampType(db), (c) => c.notNull())
    .addColumn('lease_until', timestampType(db))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_polled_at', timestampType(db))
    .addColumn('last_ok_at', timestampType(db))
    .addColumn('last_error', 'text')
    .addColumn('last_item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wire_sources_name_idx')
    .ifNotExists()
    .unique()
    .on('wire_sources')
    .column('name')
    .execute();

  await withIdColumn(db, db.schema.createTable('wire_items').ifNotExists())
    .addColumn('source_id', bigint, (c) =>
      c.notNull().references('wire_sources.id').onDelete('cascade'),
    )
    .addColumn('agency_key', 'text', (c) => c.notNull())
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('story_key', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('slugline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('byline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link', 'text')
    .addColumn('language', 'text')
    .addColumn('subjects', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('section_id', bigint)
    .addColumn('sent_at', timestampType(db), (c) => c.notNull())
    .addColumn('sent_offset_minutes', 'integer')
    .addColumn('time_estimated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('update_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_keys', 'text', (c) => c.notNull().defaultTo(' '))
    .addColumn('pub_status', 'text', (c) => c.notNull().defaultTo('usable'))
    .addColumn('duplicate_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('also_from', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('used_article_id', bigint)
    .addColumn('used_by', bigint)
    .addColumn('used_at', timestampType(db))
    .addColumn('dropped_images', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('wire_items_agency_guid_idx')
    .ifNotExists()
    .unique()
    .on('wire_items')
    .columns(['agency_key', 'guid'])
    .execute();
  await db.schema
    .createIndex('wire_items_story_idx')
    .ifNotExists()
    .on('wire_items')
    .columns(['agency_key', 'story_key'])
    .execute();
  await db.schema
    .createIndex('wire_items_sent_at_idx')
    .ifNotExists()
    .on('wire_items')
    .columns(['sent_at', 'id'])
    .execute();
  await db.schema
    .createIndex('wire_items_updated_at_idx')
    .ifNotExists()
    .on('wire_items')
    .column('updated_at')
    .execute();
  await db.schema
    .createIndex('wire_items_source_id_idx')
    .ifNotExists()
    .on('wire_items')
    .column('source_id')
    .execute();

  await db.schema
    .createTable('wire_folder_files')
    .ifNotExists()
    .addColumn('source_id', bigint, (c) =>
      c.notNull().references('wire_sources.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', bigint, (c) => c.notNull())
    .addColumn('mtime_ms', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('wire_folder_files_pk', ['source_id', 'name'])
    .execute();

  await addColumnIfMissing(db, 'articles', 'wire_item_id', sql.raw(bigint));
  await db.schema
    .createIndex('articles_wire_item_id_idx')
    .ifNotExists()
    .on('articles')
    .column('wire_item_id')
    .execute();
}

/** Drops the tables and the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_wire_item_id_idx').ifExists().execute();
  await dropColumnIfPresent(db, 'articles', 'wire_item_id');
  await db.schema.dropTable('wire_folder_files').ifExists().execute();
  await db.schema.dropTable('wire_items').ifExists().execute();
  await db.schema.dropTable('wire_sources').ifExists().execute();
}
