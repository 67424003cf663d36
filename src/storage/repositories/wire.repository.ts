/**
 * The wire desk's tables: sources, the queue of items, the files of folder
 * sources already read (migration 2026_12_04_1500_create_wire).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type {
  WireItemDetail,
  WireQueueItem,
  WireSection,
  WireSource,
  WireSourceKind,
} from '../../domain/wire.js';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import {
  bindId,
  fromDate,
  toArticleIdValue,
  toDate,
  toDateOrNull,
  toIdString,
  toInt,
} from './convert.js';

const ID = /^[1-9][0-9]{0,18}$/;

/** True when `id` can be an id (a positive decimal below 2^63). */
export function isWireId(id: string): boolean {
  return ID.test(id) && BigInt(id) < 2n ** 63n;
}

// ---------------------------------------------------------------- sources

function sourcesQuery(db: Db) {
  return db
    .selectFrom('wire_sources as w')
    .leftJoin('sections as s', 's.id', 'w.section_id')
    .selectAll('w')
    .select(['s.slug as section_slug', 's.name as section_name']);
}

type SourceRow = Awaited<ReturnType<ReturnType<typeof sourcesQuery>['executeTakeFirstOrThrow']>>;

function section(
  id: DbInt | null,
  slug: string | null | undefined,
  name: string | null | undefined,
): WireSection | null {
  if (id === null || slug === null || slug === undefined || name === null || name === undefined)
    return null;
  return { id: toIdString(id), slug, name };
}

function toSource(row: SourceRow): WireSource {
  return {
    id: toIdString(row.id),
    name: row.name,
    agency: row.agency,
    kind: row.kind as WireSourceKind,
    url: row.url,
    folder: row.folder,
    section: section(row.section_id, row.section_slug, row.section_name),
    everyMinutes: toInt(row.every_minutes),
    enabled: toInt(row.enabled) === 1,
    allowPrivate: toInt(row.allow_private) === 1,
    etag: row.etag,
    lastModified: row.last_modified,
    nextPollAt: toDate(row.next_poll_at),
    leaseUntil: toDateOrNull(row.lease_until),
    failures: toInt(row.failures),
    lastPolledAt: toDateOrNull(row.last_polled_at),
    lastOkAt: toDateOrNull(row.last_ok_at),
    lastError: row.last_error,
    lastItemCount: toInt(row.last_item_count),
    createdAt: toDate(row.created_at),
  };
}

/** A new source's stored fields. */
export interface NewWireSourceRow {
  name: string;
  agency: string;
  kind: WireSourceKind;
  url: string | null;
  folder: string | null;
  sectionId: string | null;
  everyMinutes: number;
  enabled: boolean;
  allowPrivate: boolean;
}

/** Stores a source, due at once. @returns its id, or null when the name is taken. */
export async function insertWireSource(
  db: Db,
  source: NewWireSourceRow,
  now: Date,
): Promise<string | null> {
  const row = await db
    .insertInto('wire_sources')
    .values({
      name: source.name,
      agency: source.agency,
      kind: source.kind,
      url: source.url,
      folder: source.folder,
      section_id: source.sectionId === null ? null : bindId(source.sectionId),
      every_minutes: source.everyMinutes,
      enabled: source.enabled ? 1 : 0,
      allow_private: source.allowPrivate ? 1 : 0,
      next_poll_at: fromDate(now),
      created_at: fromDate(now),
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? toIdString(row.id) : null;
}

/** The source with this id, or null. */
export async function findWireSource(db: Db, id: string): Promise<WireSource | null> {
  if (!isWireId(id)) return null;
  const row = await sourcesQuery(db).where('w.id', '=', bindId(id)).executeTakeFirst();
  return row ? toSource(row) : null;
}

/** The source with this name, or null. */
export async function findWireSourceByName(db: Db, name: string): Promise<WireSource | null> {
  const row = await sourcesQuery(db).where('w.name', '=', name).executeTakeFirst();
  return row ? toSource(row) : null;
}

/** Every source, by name. */
export async function listWireSourceRows(db: Db): Promise<WireSource[]> {
  const rows = await sourcesQuery(db).orderBy('w.name').orderBy('w.id').execute();
  return rows.map(toSource);
}

/** Changes a source's editable fields. @returns false when the new name is taken. */
export async function updateWireSourceRow(
  db: Db,
  id: string,
  changes: {
    name?: string;
    agency?: string;
    sectionId?: string | null;
    everyMinutes?: number;
    enabled?: boolean;
    /** Due at this time, its failures forgotten (a source enabled again). */
    dueAt?: Date;
  },
): Promise<boolean> {
  if (changes.name !== undefined) {
    const taken = await db
      .selectFrom('wire_sources')
      .select('id')
      .where('name', '=', changes.name)
      .where('id', '<>', bindId(id))
      .executeTakeFirst();
    if (taken) return false;
  }
  const set: Record<string, unknown> = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.agency !== undefined) set.agency = changes.agency;
  if (changes.sectionId !== undefined)
    set.section_id = changes.sectionId === null ? null : bindId(changes.sectionId);
  if (changes.everyMinutes !== undefined) set.every_minutes = changes.everyMinutes;
  if (changes.enabled !== undefined) set.enabled = changes.enabled ? 1 : 0;
  if (changes.dueAt !== undefined) {
    set.next_poll_at = fromDate(changes.dueAt);
    set.failures = 0;
  }
  if (Object.keys(set).length === 0) return true;
  try {
    await db.updateTable('wire_sources').set(set).where('id', '=', bindId(id)).execute();
  } catch (error) {
    // The unique name index: another save took the name since the check.
    if (changes.name !== undefined && (await findWireSourceByName(db, changes.name))) return false;
    throw error;
  }
  return true;
}

/**
 * Deletes a source; its items and remembered files go with it (foreign
 * keys on delete cascade), and the drafts made of its items lose their
 * link to them. @returns false when there was none.
 */
export async function deleteWireSource(db: Db, id: string): Promise<boolean> {
  const key = bindId(id);
  await db
    .updateTable('articles')
    .set({ wire_item_id: null })
    .where(
      'wire_item_id',
      'in',
      db.selectFrom('wire_items').select('id').where('source_id', '=', key),
    )
    .execute();
  await db.deleteFrom('wire_folder_files').where('source_id', '=', key).execute();
  await db.deleteFrom('wire_items').where('source_id', '=', key).execute();
  const result = await db.deleteFrom('wire_sources').where('id', '=', key).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Leases the sources due at `now` (enabled, `next_poll_at` ≤ now, or every
 * enabled one with `force`, and not leased by another instance) until
 * `now + leaseMs`, at most `limit`, the longest-waiting first. Each lease
 * is one conditional UPDATE: on PostgreSQL a concurrent UPDATE of the same
 * row waits and then re-reads the condition, on SQLite writes are serial,
 * so two instances never both lease a source.
 */
export async function leaseDueWireSources(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
  force = false,
): Promise<WireSource[]> {
  const at = fromDate(now);
  let candidates = db
    .selectFrom('wire_sources')
    .select('id')
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
    .orderBy('next_poll_at')
    .orderBy('id')
    .limit(limit);
  if (!force) candidates = candidates.where('next_poll_at', '<=', at);
  const ids = (await candidates.execute()).map((r) => toIdString(r.id));
  const until = fromDate(new Date(now.getTime() + leaseMs));
  const claimed: WireSource[] = [];
  for (const id of ids) {
    let update = db
      .updateTable('wire_sources')
      .set({ lease_until: until })
      .where('id', '=', bindId(id))
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]));
    if (!force) update = update.where('next_poll_at', '<=', at);
    const result = await update.executeTakeFirst();
    if (result.numUpdatedRows > 0n) {
      const source = await findWireSource(db, id);
      if (source) claimed.push(source);
    }
  }
  return claimed;
}

/** Writes a poll's outcome and frees the lease. */
export async function writeWirePoll(
  db: Db,
  id: string,
  fields: {
    polledAt: Date;
    nextPollAt: Date;
    failures: number;
    ok: boolean;
    error: string | null;
    /** Absent: validators unchanged (a 304, or a failure). */
    validators?: { etag: string | null; lastModified: string | null };
    itemCount?: number;
  },
): Promise<void> {
  await db
    .updateTable('wire_sources')
    .set({
      lease_until: null,
      last_polled_at: fromDate(fields.polledAt),
      next_poll_at: fromDate(fields.nextPollAt),
      failures: fields.failures,
      last_error: fields.error,
      ...(fields.ok ? { last_ok_at: fromDate(fields.polledAt) } : {}),
      ...(fields.validators
        ? { etag: fields.validators.etag, last_modified: fields.validators.lastModified }
        : {}),
      ...(fields.itemCount !== undefined ? { last_item_count: fields.itemCount } : {}),
    })
    .where('id', '=', bindId(id))
    .execute();
}

/** True when the folder source already read a file of this name, size and modification time. */
export async function hasFolderFile(
  db: Db,
  sourceId: string,
  file: { name: string; size: number; mtimeMs: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('wire_folder_files')
    .select(['size', 'mtime_ms'])
    .where('source_id', '=', bindId(sourceId))
    .where('name', '=', file.name)
    .executeTakeFirst();
  return (
    row !== undefined &&
    Number(row.size) === file.size &&
    Number(row.mtime_ms) === Math.trunc(file.mtimeMs)
  );
}

/** Remembers that the folder source read this file as it is now. */
export async function rememberFolderFile(
  db: Db,
  sourceId: string,
  file: { name: string; size: number; mtimeMs: number },
): Promise<void> {
  const size = BigInt(Math.trunc(file.size));
  const mtime = BigInt(Math.trunc(file.mtimeMs));
  await db
    .insertInto('wire_folder_files')
    .values({ source_id: bindId(sourceId), name: file.name, size, mtime_ms: mtime })
    .onConflict((oc) => oc.columns(['source_id', 'name']).doUpdateSet({ size, mtime_ms: mtime }))
    .execute();
}

/** The names of the files a folder source remembers. */
export async function folderFileNames(db: Db, sourceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('wire_folder_files')
    .select('name')
    .where('source_id', '=', bindId(sourceId))
    .execute();
  return rows.map((r) => r.name);
}

/** Forgets these files of a folder source. */
export async function forgetFolderFiles(
  db: Db,
  sourceId: string,
  names: readonly string[],
): Promise<void> {
  for (let i = 0; i < names.length; i += 500) {
    await db
      .deleteFrom('wire_folder_files')
      .where('source_id', '=', bindId(sourceId))
      .where('name', 'in', names.slice(i, i + 500))
      .execute();
  }
}

// ---------------------------------------------------------------- items

/** An item's stored fields, as ingest writes them. */
export interface WireItemFields {
  version: number | null;
  storyKey: string;
  headline: string;
  slugline: string;
  byline: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  link: string | null;
  language: string | null;
  subjects: string[];
  sentAt: Date;
  sentOffsetMinutes: number | null;
  timeEstimated: boolean;
  searchKeys: string;
}

/** What ingest compares of an item already stored. */
export interface StoredWireItem {
  id: string;
  version: number | null;
  headline: string;
  summary: string;
  bodyHtml: string;
}

/** The item of `agencyKey` with `guid`, or null. */
export async function findWireItemByGuid(
  db: Db,
  agencyKey: string,
  guid: string,
): Promise<StoredWireItem | null> {
  const row = await db
    .selectFrom('wire_items')
    .select(['id', 'version', 'headline', 'summary', 'body_html'])
    .where('agency_key', '=', agencyKey)
    .where('guid', '=', guid)
    .executeTakeFirst();
  return row
    ? {
        id: toIdString(row.id),
        version: row.version === null ? null : toInt(row.version),
        headline: row.headline,
        summary: row.summary,
        bodyHtml: row.body_html,
      }
    : null;
}

/** True when `agencyKey` sent an item with this story key that changed at or after `since`. */
export async function hasRecentStory(
  db: Db,
  agencyKey: string,
  storyKey: string,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('wire_items')
    .select('id')
    .where('agency_key', '=', agencyKey)
    .where('story_key', '=', storyKey)
    .where('updated_at', '>=', fromDate(since))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function fieldColumns(fields: WireItemFields) {
  return {
    version: fields.version,
    story_key: fields.storyKey,
    headline: fields.headline,
    slugline: fields.slugline,
    byline: fields.byline,
    summary: fields.summary,
    body_html: fields.bodyHtml,
    body_text: fields.bodyText,
    link: fields.link,
    language: fields.language,
    subjects: JSON.stringify(fields.subjects),
    sent_at: fromDate(fields.sentAt),
    sent_offset_minutes: fields.sentOffsetMinutes,
    time_estimated: fields.timeEstimated ? 1 : 0,
    search_keys: fields.searchKeys,
  };
}

/**
 * Stores a new item. @returns its id, or null when an item of this agency
 * and guid is already there (another instance stored it meanwhile).
 */
export async function insertWireItem(
  db: Db,
  item: {
    sourceId: string;
    agencyKey: string;
    guid: string;
    sectionId: string | null;
    fields: WireItemFields;
  },
  receivedAt: Date,
): Promise<string | null> {
  const row = await db
    .insertInto('wire_items')
    .values({
      source_id: bindId(item.sourceId),
      agency_key: item.agencyKey,
      guid: item.guid,
      section_id: item.sectionId === null ? null : bindId(item.sectionId),
      ...fieldColumns(item.fields),
      received_at: fromDate(receivedAt),
      updated_at: fromDate(receivedAt),
    })
    .onConflict((oc) => oc.columns(['agency_key', 'guid']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? toIdString(row.id) : null;
}

/**
 * Writes the agency's new version of an item: its fields, `updated_at`,
 * one more update. An undated version keeps the item's time.
 */
export async function updateWireItem(
  db: Db,
  id: string,
  fields: WireItemFields,
  updatedAt: Date,
): Promise<void> {
  const { sent_at, sent_offset_minutes, time_estimated, ...rest } = fieldColumns(fields);
  const time = fields.timeEstimated ? {} : { sent_at, sent_offset_minutes, time_estimated };
  await db
    .updateTable('wire_items')
    .set((eb) => ({
      ...rest,
      ...time,
      updated_at: fromDate(updatedAt),
      update_count: eb('update_count', '+', 1) as never,
    }))
    .where('id', '=', bindId(id))
    .execute();
}

/** The id, guid and headline of every item of a source. */
export async function wireItemsOfSource(
  db: Db,
  sourceId: string,
): Promise<Array<{ id: string; guid: string; headline: string }>> {
  const rows = await db
    .selectFrom('wire_items')
    .select(['id', 'guid', 'headline'])
    .where('source_id', '=', bindId(sourceId))
    .execute();
  return rows.map((r) => ({ id: toIdString(r.id), guid: r.guid, headline: r.headline }));
}

/**
 * Files an item under another agency key (its source's agency was
 * renamed). @returns false when that agency already has an item of this
 * guid (from another source): the item then stays as it was.
 */
export async function rekeyWireItem(
  db: Db,
  item: { id: string; guid: string },
  agencyKey: string,
  storyKey: string,
): Promise<boolean> {
  const result = await db
    .updateTable('wire_items')
    .set({ agency_key: agencyKey, story_key: storyKey })
    .where('id', '=', bindId(item.id))
    .where((eb) =>
      eb.not(
        eb.exists(
          db
            .selectFrom('wire_items as other')
            .select('other.id')
            .where('other.agency_key', '=', agencyKey)
            .where('other.guid', '=', item.guid),
        ),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function itemsQuery(db: Db) {
  return db
    .selectFrom('wire_items as i')
    .innerJoin('wire_sources as w', 'w.id', 'i.source_id')
    .leftJoin('sections as s', 's.id', 'i.section_id')
    .leftJoin('users as u', 'u.id', 'i.used_by');
}

function listQuery(db: Db) {
  return itemsQuery(db).select([
    'i.id',
    'i.source_id',
    'w.name as source_name',
    'w.agency',
    'i.guid',
    'i.version',
    'i.headline',
    'i.slugline',
    'i.summary',
    sql<string>`substr(i.body_text, 1, 400)`.as('text_start'),
    'i.section_id',
    's.slug as section_slug',
    's.name as section_name',
    'i.sent_at',
    'i.sent_offset_minutes',
    'i.time_estimated',
    'i.received_at',
    'i.updated_at',
    'i.update_count',
    'i.link',
    'i.used_article_id',
    'i.used_by',
    'u.display_name as used_by_name',
    'i.used_at',
  ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;

/** One line of the first words: the summary, or else the text, at most 200 characters. */
function firstWords(summary: string, text: string): string {
  const line = (summary || text).replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= 200 ? line : `${chars.slice(0, 199).join('')}…`;
}

function toQueueItem(row: ListRow): WireQueueItem {
  const updatedAt = toDate(row.updated_at);
  const usedAt = toDateOrNull(row.used_at);
  return {
    id: toIdString(row.id),
    sourceId: toIdString(row.source_id),
    sourceName: row.source_name,
    agency: row.agency,
    guid: row.guid,
    version: row.version === null ? null : toInt(row.version),
    headline: row.headline,
    slugline: row.slugline,
    firstWords: firstWords(row.summary, row.text_start),
    section: section(row.section_id, row.section_slug, row.section_name),
    sentAt: toDate(row.sent_at),
    sentOffsetMinutes: row.sent_offset_minutes === null ? null : toInt(row.sent_offset_minutes),
    timeEstimated: toInt(row.time_estimated) === 1,
    receivedAt: toDate(row.received_at),
    updatedAt,
    updateCount: toInt(row.update_count),
    updatedAfterUse:
      row.used_article_id !== null && usedAt !== null && updatedAt.getTime() > usedAt.getTime(),
    link: row.link,
    used:
      row.used_article_id !== null && usedAt !== null
        ? {
            articleId: toArticleIdValue(row.used_article_id),
            userId: row.used_by === null ? null : toIdString(row.used_by),
            userName: row.used_by_name ?? null,
            at: usedAt,
          }
        : null,
  };
}

/** The queue's filter as the repository applies it (the query already analysed). */
export interface WireItemsWhere {
  /** Groups of LIKE patterns (`% key %`): an item matches when each group has a pattern it matches. */
  keyGroups: string[][];
  sourceId?: string;
  agencyKey?: string;
  sectionId?: string;
  used: 'all' | 'unused' | 'used';
}

function applyWhere<Q extends ReturnType<typeof itemsQuery>>(query: Q, where: WireItemsWhere): Q {
  let q = query;
  for (const group of where.keyGroups) {
    q = q.where((eb) => eb.or(group.map((pattern) => eb('i.search_keys', 'like', pattern)))) as Q;
  }
  if (where.sourceId !== undefined) q = q.where('i.source_id', '=', bindId(where.sourceId)) as Q;
  if (where.agencyKey !== undefined) q = q.where('i.agency_key', '=', where.agencyKey) as Q;
  if (where.sectionId !== undefined) q = q.where('i.section_id', '=', bindId(where.sectionId)) as Q;
  if (where.used === 'unused') q = q.where('i.used_article_id', 'is', null) as Q;
  if (where.used === 'used') q = q.where('i.used_article_id', 'is not', null) as Q;
  return q;
}

/** A page of the queue, newest first (by the agency's time, then by id), and how many match. */
export async function listWireItems(
  db: Db,
  where: WireItemsWhere,
  paging: { offset: number; limit: number },
): Promise<{ items: WireQueueItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    applyWhere(listQuery(db) as ReturnType<typeof itemsQuery>, where)
      .orderBy('i.sent_at', 'desc')
      .orderBy('i.id', 'desc')
      .offset(paging.offset)
      .limit(paging.limit)
      .execute() as Promise<ListRow[]>,
    applyWhere(itemsQuery(db), where)
      .select((eb) => eb.fn.countAll<DbInt>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toQueueItem), total: toInt(count.n) };
}

/** The item whole, or null. */
export async function findWireItem(db: Db, id: string): Promise<WireItemDetail | null> {
  if (!isWireId(id)) return null;
  const row = await listQuery(db)
    .select([
      'i.byline',
      'i.body_html',
      'i.body_text',
      'i.language',
      'i.subjects',
      'w.section_id as source_section_id',
    ])
    .where('i.id', '=', bindId(id))
    .executeTakeFirst();
  if (!row) return null;
  let subjects: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.subjects);
    if (Array.isArray(parsed)) subjects = parsed.filter((s): s is string => typeof s === 'string');
  } catch {
    subjects = [];
  }
  return {
    ...toQueueItem(row),
    byline: row.byline,
    summary: row.summary,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    language: row.language,
    subjects,
  };
}

/** The section of the item's source now (for an item filed without one), or null. */
export async function sourceSectionOfItem(db: Db, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('wire_items as i')
    .innerJoin('wire_sources as w', 'w.id', 'i.source_id')
    .innerJoin('sections as s', 's.id', 'w.section_id')
    .select('s.id')
    .where('i.id', '=', bindId(id))
    .executeTakeFirst();
  return row ? toIdString(row.id) : null;
}

/**
 * Reserves an item for a draft by `userId`: succeeds when no one used it,
 * when the draft made of it is gone (`staleArticleId`), or when a
 * reservation without a draft is older than `staleBefore` (its maker
 * crashed). One conditional UPDATE, so two editors never both reserve it.
 * @returns true when reserved.
 */
export async function reserveWireItem(
  db: Db,
  id: string,
  userId: string,
  at: Date,
  staleBefore: Date,
  staleArticleId: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('wire_items')
    .set({ used_by: bindId(userId), used_at: fromDate(at), used_article_id: null })
    .where('id', '=', bindId(id))
    .where((eb) => {
      const ways: Expression<SqlBool>[] = [
        eb('used_at', 'is', null),
        eb.and([eb('used_article_id', 'is', null), eb('used_at', '<', fromDate(staleBefore))]),
      ];
      if (staleArticleId !== null) ways.push(eb('used_article_id', '=', bindId(staleArticleId)));
      return eb.or(ways);
    })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends a reservation that made no draft. */
export async function releaseWireItem(db: Db, id: string, userId: string): Promise<void> {
  await db
    .updateTable('wire_items')
    .set({ used_by: null, used_at: null })
    .where('id', '=', bindId(id))
    .where('used_by', '=', bindId(userId))
    .where('used_article_id', 'is', null)
    .execute();
}

/**
 * Records the draft made of a reserved item, and links the article to it:
 * its printed byline, and its source URL when no other article has that
 * one (`articles.source_url` is unique: it is what imports match by).
 */
export async function recordWireItemUse(
  db: Db,
  id: string,
  articleId: string,
  article: { byline: string; sourceUrl: string | null },
): Promise<void> {
  await db
    .updateTable('wire_items')
    .set({ used_article_id: bindId(articleId) })
    .where('id', '=', bindId(id))
    .execute();
  await db
    .updateTable('articles')
    .set({ byline: article.byline, wire_item_id: bindId(id) })
    .where('id', '=', bindId(articleId))
    .execute();
  const url = article.sourceUrl;
  if (url === null) return;
  await db
    .updateTable('articles')
    .set({ source_url: url })
    .where('id', '=', bindId(articleId))
    .where((eb) =>
      eb.not(eb.exists(db.selectFrom('articles').select('id').where('source_url', '=', url))),
    )
    .execute();
}

/** The draft's id of an item used, its user, and whether that article still exists. */
export async function wireItemUse(
  db: Db,
  id: string,
): Promise<{ articleId: string | null; usedAt: Date | null; articleExists: boolean } | null> {
  const row = await db
    .selectFrom('wire_items as i')
    .leftJoin('articles as a', 'a.id', 'i.used_article_id')
    .select(['i.used_article_id', 'i.used_at', 'a.id as article_id'])
    .where('i.id', '=', bindId(id))
    .executeTakeFirst();
  if (!row) return null;
  return {
    articleId: row.used_article_id === null ? null : toIdString(row.used_article_id),
    usedAt: toDateOrNull(row.used_at),
    articleExists: row.article_id !== null,
  };
}

/** The wire notice of an article: its item, the agency, and the item's times. */
export async function wireItemOfArticle(
  db: Db,
  articleId: string,
): Promise<{
  itemId: string;
  agency: string;
  updatedAt: Date;
  usedAt: Date | null;
  updateCount: number;
} | null> {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('wire_items as i', 'i.id', 'a.wire_item_id')
    .innerJoin('wire_sources as w', 'w.id', 'i.source_id')
    .select(['i.id', 'w.agency', 'i.updated_at', 'i.used_at', 'i.update_count'])
    .where('a.id', '=', bindId(articleId))
    .executeTakeFirst();
  return row
    ? {
        itemId: toIdString(row.id),
        agency: row.agency,
        updatedAt: toDate(row.updated_at),
        usedAt: toDateOrNull(row.used_at),
        updateCount: toInt(row.update_count),
      }
    : null;
}

/**
 * Deletes the items whose last change is before `before`, and unlinks the
 * drafts made of them. @returns how many left.
 */
export async function deleteWireItemsBefore(db: Db, before: Date): Promise<number> {
  const old = db.selectFrom('wire_items').select('id').where('updated_at', '<', fromDate(before));
  await db
    .updateTable('articles')
    .set({ wire_item_id: null })
    .where('wire_item_id', 'in', old)
    .execute();
  const result = await db
    .deleteFrom('wire_items')
    .where('updated_at', '<', fromDate(before))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Queue rows for the JSON export, newest first, after the `after` cursor. */
export async function exportWireItems(
  db: Db,
  after: { sentAt: Date; id: string } | null,
  limit: number,
) {
  let query = db
    .selectFrom('wire_items as i')
    .innerJoin('wire_sources as w', 'w.id', 'i.source_id')
    .leftJoin('sections as s', 's.id', 'i.section_id')
    .select([
      'i.id',
      'w.name as source',
      'w.agency',
      'i.guid',
      'i.version',
      'i.headline',
      'i.sent_at',
      'i.time_estimated',
      's.slug as section',
      'i.body_text',
      'i.summary',
      'i.link',
      'i.update_count',
      'i.updated_at',
      'i.used_article_id',
    ])
    .orderBy('i.sent_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit);
  if (after !== null) {
    const at = fromDate(after.sentAt);
    const id = bindId(after.id);
    query = query.where((eb) =>
      eb.or([eb('i.sent_at', '<', at), eb.and([eb('i.sent_at', '=', at), eb('i.id', '<', id)])]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: toIdString(r.id),
    source: r.source,
    agency: r.agency,
    guid: r.guid,
    version: r.version === null ? null : toInt(r.version),
    headline: r.headline,
    sentAt: toDate(r.sent_at),
    timeEstimated: toInt(r.time_estimated) === 1,
    section: r.section ?? null,
    text: r.body_text || r.summary,
    link: r.link,
    updatedAt: toInt(r.update_count) > 0 ? toDate(r.updated_at) : null,
    usedArticleId: r.used_article_id === null ? null : toIdString(r.used_article_id),
  }));
}
