/**
 * The wire queue's items (migration 2026_12_04_1500_create_wire): stored
 * and updated by ingest, listed and searched, reserved and marked used by
 * drafts, pruned.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import {
  WIRE_COPIES_MAX,
  type WireCopy,
  type WireItemDetail,
  type WireQueueItem,
} from '../../domain/wire.js';
import { WIRE_PUB_STATUSES, type WirePubStatus } from '../../domain/wire-item.js';
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
import { isWireId, wireSection } from './wire.repository.js';

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
  /** Images of the agency's body left out before sanitising. */
  droppedImages: number;
  /** The agency's publishing status. */
  status: WirePubStatus;
}

/** What ingest compares of an item already stored. */
export interface StoredWireItem {
  id: string;
  /** The source whose copy is stored. */
  sourceId: string;
  version: number | null;
  headline: string;
  summary: string;
  bodyHtml: string;
  sentAt: Date;
  timeEstimated: boolean;
  status: WirePubStatus;
}

/** A stored status as a WirePubStatus (anything else reads as `usable`). */
export function toPubStatus(text: string): WirePubStatus {
  return (WIRE_PUB_STATUSES as readonly string[]).includes(text)
    ? (text as WirePubStatus)
    : 'usable';
}

/** The item of `agencyKey` with `guid`, or null. */
export async function findWireItemByGuid(
  db: Db,
  agencyKey: string,
  guid: string,
): Promise<StoredWireItem | null> {
  const row = await db
    .selectFrom('wire_items')
    .select([
      'id',
      'source_id',
      'version',
      'headline',
      'summary',
      'body_html',
      'sent_at',
      'time_estimated',
      'pub_status',
    ])
    .where('agency_key', '=', agencyKey)
    .where('guid', '=', guid)
    .executeTakeFirst();
  return row
    ? {
        id: toIdString(row.id),
        sourceId: toIdString(row.source_id),
        version: row.version === null ? null : toInt(row.version),
        headline: row.headline,
        summary: row.summary,
        bodyHtml: row.body_html,
        sentAt: toDate(row.sent_at),
        timeEstimated: toInt(row.time_estimated) === 1,
        status: toPubStatus(row.pub_status),
      }
    : null;
}

/**
 * The item `agencyKey` sent with this story key that changed at or after
 * `since` (the most recently changed): its id and guid; or null.
 */
export async function findRecentStory(
  db: Db,
  agencyKey: string,
  storyKey: string,
  since: Date,
): Promise<{ id: string; guid: string } | null> {
  const row = await db
    .selectFrom('wire_items')
    .select(['id', 'guid'])
    .where('agency_key', '=', agencyKey)
    .where('story_key', '=', storyKey)
    .where('updated_at', '>=', fromDate(since))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: toIdString(row.id), guid: row.guid } : null;
}

/** The copies named in a stored `also_from` (JSON); [] when it is unreadable. */
function copiesOf(json: string): WireCopy[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { source, guid } = entry as Record<string, unknown>;
      return typeof source === 'string' && typeof guid === 'string' ? [{ source, guid }] : [];
    });
  } catch {
    return [];
  }
}

/**
 * Records on item `id` a copy of its story dropped as a duplicate, unless
 * that copy (same source and guid: a feed that keeps the copy brings it at
 * every poll) is recorded already or the item names WIRE_COPIES_MAX
 * copies. The write is conditional on the list read, retried when another
 * instance changed it meanwhile.
 * @returns true when the copy was new and recorded.
 */
export async function recordWireCopy(db: Db, id: string, copy: WireCopy): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const row = await db
      .selectFrom('wire_items')
      .select('also_from')
      .where('id', '=', bindId(id))
      .executeTakeFirst();
    if (!row) return false;
    const copies = copiesOf(row.also_from);
    if (copies.length >= WIRE_COPIES_MAX) return false;
    if (copies.some((known) => known.source === copy.source && known.guid === copy.guid))
      return false;
    const next = [...copies, { source: copy.source, guid: copy.guid }];
    const result = await db
      .updateTable('wire_items')
      .set({ also_from: JSON.stringify(next), duplicate_count: next.length })
      .where('id', '=', bindId(id))
      .where('also_from', '=', row.also_from)
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) return true;
  }
  return false;
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
    dropped_images: fields.droppedImages,
    pub_status: fields.status,
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
    .leftJoin('users as u', 'u.id', 'i.used_by')
    .leftJoin('articles as ua', 'ua.id', 'i.used_article_id');
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
    'ua.status as used_article_status',
    'i.pub_status',
    'i.duplicate_count',
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
    section: wireSection(row.section_id, row.section_slug, row.section_name),
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
            published: row.used_article_status === 'published',
          }
        : null,
    status: toPubStatus(row.pub_status),
    duplicateCount: toInt(row.duplicate_count),
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
      'i.dropped_images',
      'i.also_from',
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
    droppedImages: toInt(row.dropped_images),
    copies: copiesOf(row.also_from),
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
  status: WirePubStatus;
  /** The article is published (readers see it). */
  articlePublished: boolean;
  /** When the agency sent the item's current version; null when it gave no time (arrival used). */
  sentAt: Date | null;
} | null> {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('wire_items as i', 'i.id', 'a.wire_item_id')
    .innerJoin('wire_sources as w', 'w.id', 'i.source_id')
    .select([
      'i.id',
      'w.agency',
      'i.updated_at',
      'i.used_at',
      'i.update_count',
      'i.pub_status',
      'a.status as article_status',
      'i.sent_at',
      'i.time_estimated',
    ])
    .where('a.id', '=', bindId(articleId))
    .executeTakeFirst();
  return row
    ? {
        itemId: toIdString(row.id),
        agency: row.agency,
        updatedAt: toDate(row.updated_at),
        usedAt: toDateOrNull(row.used_at),
        updateCount: toInt(row.update_count),
        status: toPubStatus(row.pub_status),
        articlePublished: row.article_status === 'published',
        sentAt: toInt(row.time_estimated) === 1 ? null : toDate(row.sent_at),
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
      'i.pub_status',
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
    status: toPubStatus(r.pub_status),
  }));
}
