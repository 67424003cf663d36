/**
 * The wire desk's sources and the files of folder sources already read
 * (migration 2026_12_04_1500_create_wire); the queue's items are in
 * wire-items.repository.ts.
 */
import type { WireSection, WireSource, WireSourceKind } from '../../domain/wire.js';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import { bindId, fromDate, toDate, toDateOrNull, toIdString, toInt } from './convert.js';

const ID = /^[1-9][0-9]{0,18}$/;

/** True when `id` can be an id (a positive decimal below 2^63). */
export function isWireId(id: string): boolean {
  return ID.test(id) && BigInt(id) < 2n ** 63n;
}

function sourcesQuery(db: Db) {
  return db
    .selectFrom('wire_sources as w')
    .leftJoin('sections as s', 's.id', 'w.section_id')
    .selectAll('w')
    .select(['s.slug as section_slug', 's.name as section_name']);
}

type SourceRow = Awaited<ReturnType<ReturnType<typeof sourcesQuery>['executeTakeFirstOrThrow']>>;

/** A section as the desk shows it, from a left join (null when there is none). */
export function wireSection(
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
    section: wireSection(row.section_id, row.section_slug, row.section_name),
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
 * is one conditional UPDATE (with `force`, also: not read since it was
 * listed, so that a source another instance read a moment ago is not
 * read again): on PostgreSQL a concurrent UPDATE of the same
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
    .select(['id', 'last_polled_at'])
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
    .orderBy('next_poll_at')
    .orderBy('id')
    .limit(limit);
  if (!force) candidates = candidates.where('next_poll_at', '<=', at);
  const rows = await candidates.execute();
  const until = fromDate(new Date(now.getTime() + leaseMs));
  const claimed: WireSource[] = [];
  for (const row of rows) {
    const id = toIdString(row.id);
    let update = db
      .updateTable('wire_sources')
      .set({ lease_until: until })
      .where('id', '=', bindId(id))
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]));
    if (!force) update = update.where('next_poll_at', '<=', at);
    // Forced, every source is due: one that another instance has read since we listed it (and
    // whose lease it has freed already) is not read a second time.
    else if (row.last_polled_at === null) update = update.where('last_polled_at', 'is', null);
    else update = update.where('last_polled_at', '=', fromDate(toDate(row.last_polled_at)));
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
