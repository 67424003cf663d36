/**
 * The wire queue: items the poller hands over are stored once per agency
 * and guid (updated when the agency sends a newer version or changes the
 * text, dropped as duplicates when the agency resends a story under a new
 * guid), listed and searched for the desk, exported for the CLI, and
 * pruned after the retention days. Who may see the desk is here too.
 */
import { createHash } from 'node:crypto';
import { headlineMatchKey } from '../arabic/normalize.js';
import { analyse } from '../arabic/tokenize.js';
import { cleanLine, cleanText, FIELD_LIMITS } from '../domain/field-limits.js';
import { htmlToText } from '../domain/html-text.js';
import { can, type Actor } from '../domain/roles.js';
import {
  WIRE_DUPLICATE_WINDOW_MS,
  WIRE_QUEUE_PAGE_SIZE,
  WIRE_RETENTION_DAYS_DEFAULT,
  type WireDeskAccess,
  type WireIngestReport,
  type WireItemDetail,
  type WireQueueFilter,
  type WireQueueJson,
  type WireQueuePage,
} from '../domain/wire.js';
import type { WireItemInput } from '../domain/wire-item.js';
import { AppError } from '../lib/errors.js';
import { parseQuery } from '../search/parse-query.js';
import type { Database } from '../storage/database.js';
import { getSetting, setSetting } from '../storage/repositories/settings.repository.js';
import {
  deleteWireItemsBefore,
  exportWireItems,
  findWireItem,
  findWireItemByGuid,
  hasRecentStory,
  insertWireItem,
  listWireItems,
  updateWireItem,
  type WireItemFields,
  type WireItemsWhere,
} from '../storage/repositories/wire-items.repository.js';
import { findWireSource, isWireId } from '../storage/repositories/wire.repository.js';
import { bodyHtmlOf } from './edit-article.js';
import { sanitizeHere, type BodySanitizer } from './sanitizer-pool.js';

/** What the queue's services need. */
export interface WireQueueDeps {
  database: Database;
  now: () => Date;
  /** Days an item stays after its last change (config `wireRetentionDays`); default 7. */
  retentionDays?: number;
}

/** What ingesting needs: the body sanitiser (default: on this thread). */
export interface WireIngestDeps {
  database: Database;
  now: () => Date;
  sanitize?: BodySanitizer;
  /**
   * Days an item stays (config `wireRetentionDays`; default 7): an item the
   * agency dated before them is not taken, or a feed that keeps old items
   * would bring each back after every prune.
   */
  retentionDays?: number;
}

/** The setting that opens the desk read-only to contributors and authors (`1` or absent). */
export const WIRE_DESK_OPEN_SETTING = 'wire_desk_open_to_writers';

/** Longest stored values, in characters, of fields without a site-wide limit. */
const LIMITS = {
  /** Indexed with the agency: PostgreSQL's btree entries hold about 2,700 bytes. */
  guid: 500,
  slugline: 200,
  summary: 4000,
  link: 2000,
  language: 35,
  subject: 200,
  subjects: 50,
} as const;

/** Largest version kept (a PostgreSQL `integer`); a larger one counts as none. */
const MAX_VERSION = 2 ** 31 - 1;
/** How far past its arrival an agency's time may be before it is taken for a wrong clock, ms. */
const FUTURE_TOLERANCE_MS = 15 * 60_000;
/** Fewest words a headline needs to mark a resend under a new guid as a duplicate («عاجل» does not). */
const DUPLICATE_MIN_WORDS = 3;

/** `text` cut to `max` characters (code points). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * The key of a story at an agency: SHA-256 (hex) of the agency's key, a
 * newline and the headline's match key (arabic/normalize.ts: letters
 * unified, diacritics, punctuation and spaces dropped), so that a story
 * resent under a new guid is recognised.
 */
export function wireStoryKey(agencyKey: string, headline: string): string {
  return createHash('sha256')
    .update(`${agencyKey}\n${headlineMatchKey(headline)}`)
    .digest('hex');
}

/** An agency's key: its name trimmed, spaces collapsed, lower case. */
export function wireAgencyKey(agency: string): string {
  return cleanLine(agency).toLowerCase();
}

/** The analysed keys of a text for `LIKE '% key %'`: exact forms then stems, a space at each end. */
export function wireSearchKeys(text: string): string {
  const { exact, stems } = analyse(text);
  return ` ${[exact, stems].filter((s) => s !== '').join(' ')} `;
}

/** An http(s) link, or null. */
function cleanLink(link: string | null): string | null {
  if (link === null) return null;
  const text = cleanLine(link);
  if (text === '' || text.length > LIMITS.link) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The stored fields of an item, cleaned and cut; the body sanitised (a refused body is left out, the summary kept). */
async function fieldsOf(
  item: WireItemInput,
  agencyKey: string,
  arrivedAt: Date,
  sanitize: BodySanitizer,
  warnings: string[],
): Promise<WireItemFields> {
  const label = cut(cleanLine(item.guid), 200);
  const headline = cut(cleanLine(item.headline), FIELD_LIMITS.headline);
  const summary = cut(cleanText(item.summary).trim(), LIMITS.summary);
  let bodyHtml = '';
  if (item.bodyHtml.trim() !== '') {
    try {
      bodyHtml = await bodyHtmlOf(cleanText(item.bodyHtml), sanitize);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      warnings.push(`${label}: body left out (${error.message})`);
    }
  }
  const bodyText = htmlToText(bodyHtml);
  const slugline = cut(cleanLine(item.slugline), LIMITS.slugline);
  const subjects = [
    ...new Set(item.subjects.map((s) => cut(cleanLine(s), LIMITS.subject)).filter((s) => s)),
  ].slice(0, LIMITS.subjects);
  const language = item.language === null ? '' : cleanLine(item.language);
  const offset = item.sentOffsetMinutes;
  let sentAt =
    item.sentAt instanceof Date && !Number.isNaN(item.sentAt.getTime()) ? item.sentAt : null;
  if (sentAt !== null && sentAt.getTime() > arrivedAt.getTime() + FUTURE_TOLERANCE_MS) {
    warnings.push(
      `${label}: sent ${sentAt.toISOString()}, after its arrival; the arrival time is used`,
    );
    sentAt = null;
  }
  const version = item.version;
  return {
    version:
      version !== null && Number.isInteger(version) && version >= 0 && version <= MAX_VERSION
        ? version
        : null,
    storyKey: wireStoryKey(agencyKey, headline),
    headline,
    slugline,
    byline: cut(cleanLine(item.byline), FIELD_LIMITS.byline),
    summary,
    bodyHtml,
    bodyText,
    link: cleanLink(item.link),
    language: language === '' ? null : cut(language, LIMITS.language),
    subjects,
    sentAt: sentAt ?? arrivedAt,
    sentOffsetMinutes:
      sentAt !== null && offset !== null && Number.isInteger(offset) && Math.abs(offset) < 1440
        ? offset
        : null,
    timeEstimated: sentAt === null,
    searchKeys: wireSearchKeys([headline, slugline, summary, bodyText].join('\n')),
  };
}

/**
 * Stores the items a poll of source `sourceId` read, in order:
 *
 * - a new agency + guid is added, filed under the source's section,
 *   unless the agency sent the same headline (`wireStoryKey`) in the last
 *   48 hours: then it is a duplicate, counted and not stored (a headline
 *   of one or two words, such as «عاجل», is too common to tell);
 * - a known agency + guid (from this source or another of the same
 *   agency) is updated when its version is newer, or, when either has no
 *   version, when its headline, summary or sanitised body changed: its
 *   fields, `updated_at` (= `arrivedAt`) and update count change, its use
 *   stays; else it is unchanged.
 *
 * Text is cleaned (field-limits.ts `cleanLine`/`cleanText`) and cut to the
 * limits (headline 300, byline 200 characters…); the body sanitised as
 * every body is. An item without a date, or dated more than 15 minutes
 * after it arrived (a wrong clock or zone), gets `arrivedAt`, marked
 * estimated; an undated update keeps the item's time. A version that is
 * no whole number from 0 to 2^31-1 counts as none. An item the agency
 * dated more than `retentionDays` before it arrived is skipped (a warning
 * counts them), as the prune would only remove it again.
 * @returns the counts, and warnings (a body over the limits left out).
 * @throws WIRE_SOURCE_NOT_FOUND when the source is gone.
 */
export async function ingestWireItems(
  deps: WireIngestDeps,
  sourceId: string,
  items: readonly WireItemInput[],
  arrivedAt: Date,
): Promise<WireIngestReport & { warnings: string[] }> {
  const db = deps.database.db;
  const source = await findWireSource(db, sourceId);
  if (!source) throw new AppError('WIRE_SOURCE_NOT_FOUND', `No wire source ${sourceId}.`);
  const agencyKey = wireAgencyKey(source.agency);
  const sanitize = deps.sanitize ?? sanitizeHere;
  const report = { added: 0, updated: 0, duplicates: 0, unchanged: 0, warnings: [] as string[] };
  const days = deps.retentionDays ?? WIRE_RETENTION_DAYS_DEFAULT;
  const oldest = arrivedAt.getTime() - days * 86_400_000;
  let stale = 0;
  for (const item of items) {
    if (item.sentAt instanceof Date && item.sentAt.getTime() < oldest) {
      stale += 1;
      continue;
    }
    const fields = await fieldsOf(item, agencyKey, arrivedAt, sanitize, report.warnings);
    if (fields.headline === '') {
      report.warnings.push(`${cut(cleanLine(item.guid), 200)}: no headline, skipped`);
      continue;
    }
    const guid = cut(cleanLine(item.guid), LIMITS.guid) || `sha256:${fields.storyKey}`;
    const stored = await findWireItemByGuid(db, agencyKey, guid);
    if (stored) {
      if (isNewer(stored, fields)) {
        await updateWireItem(db, stored.id, fields, arrivedAt);
        report.updated += 1;
      } else report.unchanged += 1;
      continue;
    }
    const since = new Date(arrivedAt.getTime() - WIRE_DUPLICATE_WINDOW_MS);
    if (
      fields.headline.split(' ').length >= DUPLICATE_MIN_WORDS &&
      (await hasRecentStory(db, agencyKey, fields.storyKey, since))
    ) {
      report.duplicates += 1;
      continue;
    }
    const id = await insertWireItem(
      db,
      { sourceId, agencyKey, guid, sectionId: source.section?.id ?? null, fields },
      arrivedAt,
    );
    if (id === null) report.unchanged += 1;
    else report.added += 1;
  }
  if (stale > 0)
    report.warnings.push(
      `${stale} item(s) sent more than ${days} days ago, older than the queue keeps: skipped`,
    );
  return report;
}

/** True when `fields` are a newer version of `stored` (see ingestWireItems). */
function isNewer(
  stored: { version: number | null; headline: string; summary: string; bodyHtml: string },
  fields: WireItemFields,
): boolean {
  if (stored.version !== null && fields.version !== null) return fields.version > stored.version;
  return (
    stored.headline !== fields.headline ||
    stored.summary !== fields.summary ||
    stored.bodyHtml !== fields.bodyHtml
  );
}

/**
 * What `actor` may do on the desk: see it (editors and administrators;
 * contributors and authors too while an administrator opened it to them),
 * make drafts of items (editors, administrators), manage its sources
 * (administrators).
 */
export async function wireDeskAccess(
  deps: { database: Database },
  actor: Actor,
): Promise<WireDeskAccess> {
  const use = can(actor, 'wire.use');
  const manage = can(actor, 'wire.manage');
  let see = can(actor, 'wire.view');
  if (!see && can(actor, 'newsroom.enter'))
    see = (await getSetting(deps.database.db, WIRE_DESK_OPEN_SETTING)) === '1';
  return { see, use, manage };
}

/** True when the desk is open read-only to contributors and authors. */
export async function wireDeskOpenToWriters(deps: { database: Database }): Promise<boolean> {
  return (await getSetting(deps.database.db, WIRE_DESK_OPEN_SETTING)) === '1';
}

/**
 * Opens the desk read-only to contributors and authors, or closes it.
 * @throws FORBIDDEN unless `actor` manages the desk.
 */
export async function setWireDeskOpenToWriters(
  deps: { database: Database },
  actor: Actor,
  open: boolean,
): Promise<void> {
  if (!can(actor, 'wire.manage'))
    throw new AppError('FORBIDDEN', 'Only administrators open the wire desk.');
  await setSetting(deps.database.db, WIRE_DESK_OPEN_SETTING, open ? '1' : null);
}

async function assertSee(deps: { database: Database }, actor: Actor): Promise<void> {
  if (!(await wireDeskAccess(deps, actor)).see)
    throw new AppError('FORBIDDEN', 'Your role does not open the wire desk.');
}

/** The LIKE patterns of a query: one group per word (its key or a stem) or phrase. */
function keyGroupsOf(q: string | undefined): string[][] {
  if (q === undefined || q.trim() === '') return [];
  const parsed = parseQuery(q);
  return [
    ...parsed.words.map((w) => [...new Set([w.key, ...w.stems])].map((k) => `% ${k} %`)),
    ...parsed.phrases.map((p) => [`% ${p.join(' ')} %`]),
  ];
}

/**
 * A page of the queue for `actor`, newest first (the agency's time), 50 a
 * page. `q` is analysed as the site's search (arabic/tokenize.ts): each
 * word must be in the headline, summary or text in some form (الاسد finds
 * الأسد; a stem finds its inflections), a "quoted phrase" as written. An
 * unknown source, section or agency, or a page past the end, gives no items.
 * @throws FORBIDDEN unless the actor may see the desk.
 */
export async function listWireQueue(
  deps: { database: Database },
  actor: Actor,
  filter: WireQueueFilter,
): Promise<WireQueuePage> {
  await assertSee(deps, actor);
  const pageSize = WIRE_QUEUE_PAGE_SIZE;
  const page =
    filter.page !== undefined && Number.isSafeInteger(filter.page) && filter.page > 0
      ? Math.min(filter.page, 100_000)
      : 1;
  const nothing = { items: [], total: 0, page, pageSize };
  const where: WireItemsWhere = { keyGroups: keyGroupsOf(filter.q), used: filter.used ?? 'all' };
  if (filter.sourceId !== undefined && filter.sourceId !== '') {
    if (!isWireId(filter.sourceId)) return nothing;
    where.sourceId = filter.sourceId;
  }
  if (filter.sectionId !== undefined && filter.sectionId !== '') {
    if (!isWireId(filter.sectionId)) return nothing;
    where.sectionId = filter.sectionId;
  }
  if (filter.agency !== undefined && filter.agency.trim() !== '')
    where.agencyKey = wireAgencyKey(filter.agency);
  const { items, total } = await listWireItems(deps.database.db, where, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return { items, total, page, pageSize };
}

/**
 * One item whole, for its page.
 * @throws FORBIDDEN unless the actor may see the desk; WIRE_ITEM_NOT_FOUND.
 */
export async function getWireItem(
  deps: { database: Database },
  actor: Actor,
  id: string,
): Promise<WireItemDetail> {
  await assertSee(deps, actor);
  const item = await findWireItem(deps.database.db, id);
  if (!item) throw new AppError('WIRE_ITEM_NOT_FOUND', 'That item is not in the wire queue.');
  return item;
}

/**
 * Removes the items whose last change at the source is older than the
 * retention days (`deps.retentionDays`, config `wireRetentionDays`,
 * `MIDAD_WIRE_RETENTION_DAYS`, default 7); drafts made of them stay,
 * unlinked (`articles.wire_item_id` set to null).
 * @returns how many left.
 */
export async function pruneWireQueue(deps: WireQueueDeps): Promise<number> {
  const days = deps.retentionDays ?? WIRE_RETENTION_DAYS_DEFAULT;
  const before = new Date(deps.now().getTime() - days * 86_400_000);
  return deps.database.db.transaction().execute((trx) => deleteWireItemsBefore(trx, before));
}

/**
 * The whole queue (at most `limit` items), newest first, as `midad wire
 * queue --json` writes it: read in batches, so a full queue never sits in
 * memory. For the CLI: no actor.
 */
export async function* wireQueueForExport(
  deps: { database: Database },
  limit = Number.MAX_SAFE_INTEGER,
): AsyncGenerator<WireQueueJson> {
  let after: { sentAt: Date; id: string } | null = null;
  let left = limit;
  while (left > 0) {
    const rows = await exportWireItems(deps.database.db, after, Math.min(500, left));
    for (const row of rows) {
      yield {
        source: row.source,
        agency: row.agency,
        guid: row.guid,
        version: row.version,
        headline: row.headline,
        time: row.sentAt.toISOString(),
        timeEstimated: row.timeEstimated,
        section: row.section,
        text: row.text,
        link: row.link,
        updatedAtSource: row.updatedAt === null ? null : row.updatedAt.toISOString(),
        usedArticleId: row.usedArticleId,
      };
    }
    left -= rows.length;
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < 500) return;
    after = { sentAt: last.sentAt, id: last.id };
  }
}
