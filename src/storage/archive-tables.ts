/**
 * The tables of a site archive (`midad export` / `midad import-archive`):
 * which tables travel, in what order, and how each column is written so
 * that SQLite → archive → PostgreSQL and back gives the same values.
 *
 * A row is written as a JSON object with every column of the table:
 * ids and other 64-bit integers as decimal strings (`"258871304963183"`),
 * small integers as JSON numbers, times as ISO-8601 UTC strings with
 * milliseconds (`"2020-01-18T09:43:00.000Z"`), text as text, null as null.
 *
 * Tables that do not travel: `sessions` and `login_throttle` (transient:
 * everyone signs in again on the new site), `article_search` (rebuilt from
 * the articles on import) and Kysely's migration tables (the archive's
 * manifest lists the migrations instead), `applied_view_batches`
 * (transient: the ids of spooled view batches while their file exists),
 * and `article_view_minutes` (transient: views by the minute, kept a few
 * hours for the newsroom's live dashboard; the hourly buckets travel).
 *
 * Live coverage and public notes (issue 19) travel: `live_updates`,
 * `article_notes`, and the articles' columns `live_state`,
 * `live_started_at`, `live_ended_at`, `live_next_number` (so that a
 * deleted update's number is not given again on the new site) and
 * `modified_at`.
 *
 * The wire desk: `wire_sources` travels (the newsroom's configuration:
 * name, agency, address or folder, section, rhythm, switches), but not its
 * polling state (`etag`, `last_modified`, lease, failures, the last poll's
 * outcome), which starts afresh so the new site fetches everything once.
 * `wire_items` (a queue of at most a few days, refilled by the next poll)
 * and `wire_folder_files` (what this server's folders held) do not travel,
 * nor does `articles.wire_item_id`, which would point at no item.
 *
 * Reaching readers (issue 20): push alerts and newsletter editions (with
 * their counts) travel; the readers' subscriptions (`push_subscriptions`,
 * `push_subscription_sections`, `newsletter_subscribers`: addresses and
 * browser endpoints, personal data) travel only with
 * `--with-subscribers`; the outbox (`outbox_messages`, messages being
 * sent) never does.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { removeXmlForbidden } from '../arabic/clean.js';
import { describeTooLong, tooLong, type LimitedField } from '../domain/field-limits.js';
import type { Database } from './dialects/dialect.js';
import { keepIdSequenceAhead } from './dialects/id-sequence.js';
import type { DbInt, Schema } from './tables/schema.js';
import type { Db } from './db.js';

/**
 * How a column is written: `id` (a 64-bit integer as a decimal string),
 * `int` (an integer below 2^53 as a JSON number), `text`, `time` (ISO-8601
 * UTC with milliseconds).
 */
export type ColumnKind = 'id' | 'int' | 'text' | 'time';

/** One column of an archived table. */
export interface ArchiveColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly nullable: boolean;
  /** The field whose limit (domain/field-limits.ts) a text column holds to on import. */
  readonly limit?: LimitedField;
}

/** One archived table: its columns, and the key that orders its rows. */
export interface ArchiveTable {
  readonly name: ArchiveTableName;
  readonly columns: readonly ArchiveColumn[];
  /** Columns of the primary key, in order; rows are written in this order. */
  readonly key: readonly string[];
  /** True when the table has an `id` that the database assigns. */
  readonly hasIdentity: boolean;
  /**
   * True for the readers' subscriptions (push subscriptions and their
   * sections, newsletter subscribers): written only when asked
   * (`midad export --with-subscribers`), and an archive may lack them.
   */
  readonly subscribers: boolean;
}

/** Names of the tables that an archive carries. */
export type ArchiveTableName = Exclude<
  keyof Schema,
  | 'sessions'
  | 'login_throttle'
  | 'applied_view_batches'
  | 'article_view_minutes'
  | 'wire_items'
  | 'wire_folder_files'
  | 'outbox_messages'
>;

/** A row as written in the archive: column name → JSON value. */
export type ArchiveRow = Record<string, string | number | null>;

const col = (
  name: string,
  kind: ColumnKind,
  nullable = false,
  limit?: LimitedField,
): ArchiveColumn => ({ name, kind, nullable, ...(limit ? { limit } : {}) });

function table(
  name: ArchiveTableName,
  columns: ArchiveColumn[],
  key: string[] = ['id'],
  subscribers = false,
): ArchiveTable {
  return { name, columns, key, hasIdentity: key.length === 1 && key[0] === 'id', subscribers };
}

/**
 * Every archived table, in foreign-key order: a table comes after every
 * table it references, so inserting in this order (and deleting in the
 * reverse) never breaks a constraint.
 */
export const ARCHIVE_TABLES: readonly ArchiveTable[] = [
  table('users', [
    col('id', 'id'),
    col('email', 'text'),
    col('display_name', 'text', false, 'userName'),
    col('slug', 'text'),
    col('role', 'text'),
    col('status', 'text'),
    // Null in an archive made without password hashes.
    col('password_hash', 'text', true),
    col('bio', 'text'),
    col('created_at', 'time'),
    col('updated_at', 'time'),
    col('photo_media_id', 'id', true),
    col('links', 'text'),
  ]),
  table('settings', [col('key', 'text'), col('value', 'text')], ['key']),
  table('sections', [
    col('id', 'id'),
    col('slug', 'text'),
    col('name', 'text', false, 'sectionName'),
    col('created_at', 'time'),
    col('parent_id', 'id', true),
    col('description', 'text'),
  ]),
  table('wire_sources', [
    col('id', 'id'),
    col('name', 'text'),
    col('agency', 'text'),
    col('kind', 'text'),
    col('url', 'text', true),
    col('folder', 'text', true),
    col('section_id', 'id', true),
    col('every_minutes', 'int'),
    col('enabled', 'int'),
    col('allow_private', 'int'),
    col('next_poll_at', 'time'),
    col('created_at', 'time'),
  ]),
  table('tags', [
    col('id', 'id'),
    col('slug', 'text'),
    col('name', 'text', false, 'tag'),
    col('description', 'text'),
  ]),
  table('media', [
    col('id', 'id'),
    col('uploaded_by', 'id'),
    col('original_name', 'text', false, 'fileName'),
    col('mime', 'text'),
    col('width', 'int'),
    col('height', 'int'),
    col('bytes', 'int'),
    col('alt', 'text', false, 'mediaAlt'),
    col('caption', 'text', false, 'mediaCaption'),
    col('credit', 'text', false, 'mediaCredit'),
    col('widths', 'text'),
    col('original_file', 'text'),
    col('created_at', 'time'),
  ]),
  table('articles', [
    col('id', 'id'),
    col('headline', 'text', false, 'headline'),
    col('headline_key', 'text'),
    col('excerpt', 'text', false, 'excerpt'),
    col('body_html', 'text'),
    col('section_id', 'id', true),
    col('byline', 'text', true, 'byline'),
    col('status', 'text'),
    col('published_at', 'time', true),
    col('published_local_time', 'text', true),
    col('published_precision', 'text'),
    col('created_at', 'time'),
    col('updated_at', 'time'),
    col('view_count', 'id'),
    col('source_url', 'text', true),
    col('slug', 'text', true),
    col('seo_title', 'text', false, 'seoTitle'),
    col('seo_description', 'text', false, 'seoDescription'),
    col('featured_media_id', 'id', true),
    col('featured_caption', 'text', false, 'featuredCaption'),
    col('featured_credit', 'text', false, 'featuredCredit'),
    col('scheduled_at', 'time', true),
    col('breaking_until', 'time', true),
    col('created_by', 'id', true),
    col('preview_token_hash', 'text', true),
    col('kind', 'text'),
    col('live_state', 'text', true),
    col('live_started_at', 'time', true),
    col('live_ended_at', 'time', true),
    col('live_next_number', 'int'),
    col('modified_at', 'time', true),
  ]),
  table(
    'article_tags',
    [col('article_id', 'id'), col('tag_id', 'id'), col('position', 'int')],
    ['article_id', 'tag_id'],
  ),
  table('related_links', [
    col('id', 'id'),
    col('article_id', 'id'),
    col('kind', 'text'),
    col('position', 'int'),
    col('after_paragraph', 'int', true),
    col('headline', 'text', false, 'headline'),
    col('headline_key', 'text'),
    col('target_id', 'id', true),
  ]),
  table(
    'article_authors',
    [col('article_id', 'id'), col('user_id', 'id'), col('position', 'int')],
    ['article_id', 'user_id'],
  ),
  table('article_revisions', [
    col('id', 'id'),
    col('article_id', 'id'),
    col('kind', 'text'),
    col('user_id', 'id', true),
    col('headline', 'text'),
    col('excerpt', 'text'),
    col('body_html', 'text'),
    col('fields_json', 'text'),
    col('created_at', 'time'),
  ]),
  table('article_events', [
    col('id', 'id'),
    col('article_id', 'id'),
    col('user_id', 'id', true),
    col('move', 'text'),
    col('from_status', 'text'),
    col('to_status', 'text'),
    col('at', 'time'),
  ]),
  table('live_updates', [
    col('id', 'id'),
    col('article_id', 'id'),
    col('number', 'int'),
    col('headline', 'text'),
    col('body_html', 'text'),
    col('author_id', 'id', true),
    col('is_key', 'int'),
    col('pinned', 'int'),
    col('created_at', 'time'),
    col('updated_at', 'time'),
  ]),
  table('article_notes', [
    col('id', 'id'),
    col('article_id', 'id'),
    col('kind', 'text'),
    col('text', 'text'),
    col('author_id', 'id', true),
    col('created_at', 'time'),
  ]),
  table(
    'article_view_buckets',
    [col('article_id', 'id'), col('hour', 'time'), col('views', 'int')],
    ['article_id', 'hour'],
  ),
  table('api_keys', [
    col('id', 'id'),
    col('name', 'text'),
    col('key_hash', 'text'),
    col('prefix', 'text'),
    col('created_by', 'id'),
    col('created_at', 'time'),
    col('last_used_at', 'time', true),
    col('revoked_at', 'time', true),
  ]),
  table('webhooks', [
    col('id', 'id'),
    col('url', 'text'),
    col('events', 'text'),
    // Null in an archive made without webhook secrets.
    col('secret', 'text', true),
    col('allow_private', 'int'),
    col('created_by', 'id'),
    col('created_at', 'time'),
    col('deleted_at', 'time', true),
  ]),
  table('webhook_deliveries', [
    col('id', 'id'),
    col('webhook_id', 'id'),
    col('event', 'text'),
    col('payload', 'text'),
    col('status', 'text'),
    col('attempts', 'int'),
    col('next_attempt_at', 'time'),
    col('last_status_code', 'int', true),
    col('last_error', 'text', true),
    col('created_at', 'time'),
    col('finished_at', 'time', true),
  ]),
  table(
    'import_records',
    [
      col('source', 'text'),
      col('item_key', 'text'),
      col('article_id', 'id'),
      col('article_updated_at', 'time'),
      col('imported_at', 'time'),
    ],
    ['source', 'item_key'],
  ),
  table('imported_media', [col('source_url', 'text'), col('media_id', 'id')], ['source_url']),
  table('redirects', [
    col('id', 'id'),
    col('from_key', 'text'),
    col('from_path', 'text'),
    col('to_path', 'text'),
    col('status_code', 'int'),
    col('origin', 'text'),
    col('hits', 'id'),
    col('last_hit_at', 'time', true),
    col('created_at', 'time'),
  ]),
  table(
    'missed_paths',
    [col('path', 'text'), col('day', 'text'), col('hits', 'int')],
    ['path', 'day'],
  ),
  // Reaching readers (issue 20): what was sent always travels; who it goes to only when asked.
  table('push_alerts', [
    col('id', 'id'),
    col('article_id', 'id'),
    col('title', 'text'),
    col('body', 'text'),
    col('path', 'text'),
    col('image', 'text', true),
    col('created_by', 'id', true),
    col('created_at', 'time'),
    col('sent', 'int'),
    col('failed', 'int'),
    col('gone', 'int'),
    col('reason', 'text'),
  ]),
  table('newsletter_editions', [
    col('id', 'id'),
    col('kind', 'text'),
    col('subject', 'text'),
    col('intro', 'text'),
    col('article_ids', 'text'),
    col('article_id', 'id', true),
    col('digest_date', 'text', true),
    col('status', 'text'),
    col('scheduled_for', 'time', true),
    col('created_by', 'id', true),
    col('created_at', 'time'),
    col('sent_at', 'time', true),
    col('sent', 'int'),
    col('failed', 'int'),
  ]),
  table(
    'push_subscriptions',
    [
      col('id', 'id'),
      col('endpoint', 'text'),
      col('p256dh', 'text'),
      col('auth', 'text'),
      col('breaking', 'int'),
      col('created_at', 'time'),
    ],
    ['id'],
    true,
  ),
  table(
    'push_subscription_sections',
    [col('section_id', 'id'), col('subscription_id', 'id')],
    ['section_id', 'subscription_id'],
    true,
  ),
  table(
    'newsletter_subscribers',
    [
      col('id', 'id'),
      col('email', 'text'),
      col('status', 'text'),
      col('digest', 'int'),
      col('breaking', 'int'),
      col('token', 'text'),
      col('confirm_expires_at', 'time', true),
      col('created_at', 'time'),
      col('confirmed_at', 'time', true),
      col('unsubscribed_at', 'time', true),
      col('unsubscribed_edition_id', 'id', true),
      col('status_reason', 'text', true),
    ],
    ['id'],
    true,
  ),
];

/** Rows read or written per query. */
const BATCH_ROWS = 500;

// Kysely's types cannot follow a table chosen at run time; the column
// lists above are the schema here.
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** A stored value as the archive writes it. @throws Error for a value the column cannot hold. */
function encode(column: ArchiveColumn, value: unknown): string | number | null {
  if (value === null || value === undefined) {
    if (!column.nullable) throw new Error(`${column.name} is null`);
    return null;
  }
  switch (column.kind) {
    case 'id':
      return typeof value === 'bigint' ? value.toString() : BigInt(value as DbInt).toString();
    case 'int': {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new Error(`${column.name} is not an integer`);
      return n;
    }
    case 'text':
      return String(value);
    case 'time': {
      if (value instanceof Date) return value.toISOString();
      const text = String(value);
      if (!ISO_UTC.test(text)) throw new Error(`${column.name} is not an ISO-8601 UTC time`);
      return new Date(text).toISOString();
    }
  }
}

/**
 * Checks one archived value and turns it into what the database binds.
 * @returns null when valid-null, else the bound value.
 * @throws Error naming the column and what is wrong.
 */
function decode(column: ArchiveColumn, value: unknown): bigint | number | string | null {
  if (value === null) {
    if (!column.nullable) throw new Error(`"${column.name}" must not be null`);
    return null;
  }
  switch (column.kind) {
    case 'id':
      if (typeof value !== 'string' || !/^-?\d{1,19}$/.test(value)) {
        throw new Error(`"${column.name}" must be an integer written as a decimal string`);
      }
      return BigInt(value);
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new Error(`"${column.name}" must be an integer`);
      }
      return value;
    case 'text': {
      if (typeof value !== 'string') throw new Error(`"${column.name}" must be a string`);
      // What XML 1.0 forbids would break the feeds: no path stores it, nor does this one.
      const text = removeXmlForbidden(value);
      const problem = column.limit ? tooLong(column.limit, text) : null;
      if (problem) throw new Error(`"${column.name}" is too long (${describeTooLong(problem)})`);
      return text;
    }
    case 'time':
      if (typeof value !== 'string' || !ISO_UTC.test(value) || Number.isNaN(Date.parse(value))) {
        throw new Error(`"${column.name}" must be an ISO-8601 UTC time`);
      }
      return new Date(value).toISOString();
  }
}

/**
 * Checks a parsed archive line against `table`'s columns: an object with
 * exactly those columns, each of its kind.
 * @returns the values to insert, by column.
 * @throws Error saying which column is wrong (the caller adds file and line).
 */
export function decodeArchiveRow(
  table: ArchiveTable,
  line: unknown,
): Record<string, bigint | number | string | null> {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) {
    throw new Error('not a JSON object');
  }
  const record = line as Record<string, unknown>;
  const known = new Set(table.columns.map((c) => c.name));
  const extra = Object.keys(record).find((k) => !known.has(k));
  if (extra !== undefined) throw new Error(`unknown column "${extra}"`);
  const row: Record<string, bigint | number | string | null> = {};
  for (const column of table.columns) {
    if (!(column.name in record)) throw new Error(`column "${column.name}" is missing`);
    row[column.name] = decode(column, record[column.name]);
  }
  return row;
}

/**
 * Every row of `table`, in key order, as the archive writes them, read in
 * batches by key (run it inside one transaction for a consistent copy).
 * @throws Error naming the table, key and column of a value that cannot be written.
 */
export async function* readArchiveRows(db: Db, table: ArchiveTable): AsyncGenerator<ArchiveRow> {
  const anyDb = db as unknown as AnyDb;
  let after: unknown[] | null = null;
  for (;;) {
    let query = anyDb
      .selectFrom(table.name)
      .select(table.columns.map((c) => c.name))
      .limit(BATCH_ROWS);
    for (const name of table.key) query = query.orderBy(name);
    if (after !== null) {
      const last = after;
      query = query.where((eb) =>
        table.key.length === 1
          ? eb(eb.ref(table.key[0]!), '>', last[0])
          : eb(eb.refTuple(table.key[0]!, table.key[1]!), '>', eb.tuple(last[0], last[1])),
      );
    }
    const rows = await query.execute();
    for (const row of rows) {
      const out: ArchiveRow = {};
      for (const column of table.columns) {
        try {
          out[column.name] = encode(column, row[column.name]);
        } catch (error) {
          const key = table.key.map((k) => String(row[k])).join(', ');
          throw new Error(`${table.name} (${key}): ${(error as Error).message}`, { cause: error });
        }
      }
      yield out;
    }
    if (rows.length < BATCH_ROWS) return;
    const lastRow = rows[rows.length - 1]!;
    after = table.key.map((k) => lastRow[k]);
  }
}

/**
 * Runs `work` in a transaction that sees one moment of the database for
 * all its reads: `repeatable read, read only` on PostgreSQL (its default,
 * read committed, would let rows committed between two tables' reads into
 * the copy); SQLite's transactions always read one snapshot in WAL mode.
 */
export function inSnapshot<T>(
  database: Database,
  work: (trx: Transaction<Schema>) => Promise<T>,
): Promise<T> {
  // Read only also keeps SQLite from taking the write lock (dialects/sqlite.ts).
  const builder = database.db.transaction().setAccessMode('read only');
  return (
    database.dialect === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder
  ).execute(work);
}

/** Inserts decoded rows (from `decodeArchiveRow`) into `table`, in batches. */
export async function insertArchiveRows(
  trx: Transaction<Schema>,
  table: ArchiveTable,
  rows: ReadonlyArray<Record<string, bigint | number | string | null>>,
): Promise<void> {
  const anyTrx = trx as unknown as AnyDb;
  const perBatch = Math.max(1, Math.floor(BATCH_ROWS / 5));
  for (let i = 0; i < rows.length; i += perBatch) {
    await anyTrx
      .insertInto(table.name)
      .values(rows.slice(i, i + perBatch))
      .execute();
  }
}

/**
 * After rows with explicit ids were inserted: on PostgreSQL, moves each
 * table's id sequence past its largest id (dialects/id-sequence.ts), so
 * that the next row the site makes gets a new id. Nothing on SQLite.
 */
export async function keepArchiveSequencesAhead(trx: Transaction<Schema>): Promise<void> {
  for (const table of ARCHIVE_TABLES) {
    if (table.hasIdentity) await keepIdSequenceAhead(trx, table.name);
  }
}

/** The number of rows of each archived table. */
export async function countArchiveRows(db: Db): Promise<Record<ArchiveTableName, number>> {
  const counts = {} as Record<ArchiveTableName, number>;
  for (const table of ARCHIVE_TABLES) {
    const result = await sql<{
      n: DbInt;
    }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * Empties every table that holds site data (archived ones, sessions,
 * login throttling, views by the minute, the wire queue), in reverse foreign-key order, inside `trx`. The
 * search index is emptied by its adapter.
 */
export async function deleteSiteRows(trx: Transaction<Schema>): Promise<void> {
  await trx.deleteFrom('sessions').execute();
  await trx.deleteFrom('login_throttle').execute();
  await trx.deleteFrom('applied_view_batches').execute();
  await trx.deleteFrom('article_view_minutes').execute();
  await trx.deleteFrom('wire_folder_files').execute();
  await trx.deleteFrom('wire_items').execute();
  await trx.deleteFrom('outbox_messages').execute();
  for (const table of [...ARCHIVE_TABLES].reverse()) {
    await sql`delete from ${sql.table(table.name)}`.execute(trx);
  }
}

/** Names of the migrations applied to the database, in the order they ran. */
export async function appliedMigrationNames(db: Db): Promise<string[]> {
  const result = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((r) => r.name);
}
