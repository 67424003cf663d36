/**
 * The wire queue: items the poller hands over are stored once per agency
 * and guid (updated when the agency sends a newer version or changes the
 * text, dropped as duplicates when the agency resends a story under a new
 * guid), listed and searched for the desk, exported for the CLI, and
 * pruned after the retention days. Who may see the desk is here too.
 */
import { createHash } from 'node:crypto';
import { defaultTreeAdapter, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { headlineMatchKey } from '../arabic/normalize.js';
import { analyse } from '../arabic/tokenize.js';
import { truncateWords } from '../arabic/truncate.js';
import { charLength, cleanLine, cleanText, FIELD_LIMITS, tooLong } from '../domain/field-limits.js';
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
import { WIRE_PUB_STATUSES, type WireItemInput } from '../domain/wire-item.js';
import { AppError } from '../lib/errors.js';
import { parseQuery } from '../search/parse-query.js';
import type { Database } from '../storage/database.js';
import { getSetting, setSetting } from '../storage/repositories/settings.repository.js';
import {
  deleteWireItemsBefore,
  exportWireItems,
  findWireItem,
  findRecentStory,
  findWireItemByGuid,
  insertWireItem,
  listWireItems,
  recordWireCopy,
  updateWireItem,
  type StoredWireItem,
  type WireItemFields,
  type WireItemsWhere,
} from '../storage/repositories/wire-items.repository.js';
import { findWireSource, isWireId } from '../storage/repositories/wire.repository.js';
import { assertBodyHtmlWithinLimits } from './body-html.js';
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
 * A cleaned headline (`cleanLine`) as stored: itself when it fits the
 * article headline's limit (FIELD_LIMITS.headline, 300 characters), else
 * cut at the last word boundary that fits with `…` (arabic/truncate.ts
 * truncateWords; the `…` counted in the 300), never inside a word.
 * @example wireHeadline('كلمة '.repeat(70).trim()) // the first 60 words and '…': 300 characters
 */
export function wireHeadline(headline: string): string {
  const max = FIELD_LIMITS.headline;
  if (tooLong('headline', headline) === null) return headline;
  return truncateWords(headline, max, { maxCodePoints: max });
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

/** Elements that carry an agency's image, and the figures and captions around them. */
const AGENCY_IMAGE_TAGS = new Set(['img', 'picture', 'figure', 'figcaption']);

/**
 * `html` without the agency's images: every `<img>` and `<picture>` is
 * removed, with every `<figure>` and `<figcaption>` (a caption of a
 * photo not there misleads the reader), before sanitising. Agency photos
 * are not in the media library and their rights differ from the text's;
 * the sanitiser would leave them without a source anyway.
 * A paragraph or other wrapper the removal left empty goes too.
 * `dropped` counts the images: each `<picture>`, and each `<img>` outside
 * one. A body over the size or depth limits is refused first.
 * @throws BodyHtmlRefused over the limits (services/body-html.ts).
 * @example withoutAgencyImages('<p>أ</p><figure><img src="https://x/a.jpg"><figcaption>ت</figcaption></figure>')
 *   // { html: '<p>أ</p>', dropped: 1 }
 */
export function withoutAgencyImages(html: string): { html: string; dropped: number } {
  assertBodyHtmlWithinLimits(html);
  const tree = parseFragment(html);
  let dropped = 0;
  let removed = false;
  const emptied = new Set<DefaultTreeAdapterMap['parentNode']>();
  const stack: DefaultTreeAdapterMap['parentNode'][] = [tree];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    for (const child of [...parent.childNodes]) {
      if (!('tagName' in child)) continue;
      if (!AGENCY_IMAGE_TAGS.has(child.tagName)) {
        stack.push(child);
        continue;
      }
      dropped += imagesIn(child);
      removed = true;
      defaultTreeAdapter.detachNode(child);
      emptied.add(parent);
    }
  }
  for (const parent of emptied) dropIfLeftEmpty(parent);
  return { html: removed ? serialize(tree) : html, dropped };
}

/** Wrappers an image often sits in alone (`<p><img></p>`, `<a href><img></a>`): dropped when left empty. */
const IMAGE_WRAPPERS = new Set([
  'p',
  'div',
  'span',
  'a',
  'b',
  'strong',
  'i',
  'em',
  'center',
  'font',
]);

/**
 * Detaches `node` when removing images left it an empty wrapper (nothing
 * but white space and `<br>`s), then its parent likewise: no `<p></p>`
 * stays where a photo was.
 */
function dropIfLeftEmpty(node: DefaultTreeAdapterMap['parentNode']): void {
  for (let at: DefaultTreeAdapterMap['parentNode'] | null = node; at;) {
    if (!('tagName' in at) || !IMAGE_WRAPPERS.has(at.tagName)) return;
    const empty = at.childNodes.every((c) =>
      'tagName' in c
        ? c.tagName === 'br'
        : c.nodeName === '#text' && 'value' in c && c.value.trim() === '',
    );
    if (!empty) return;
    const parent: DefaultTreeAdapterMap['parentNode'] | null = at.parentNode;
    defaultTreeAdapter.detachNode(at);
    at = parent;
  }
}

/** How many images `element` is or holds: a `<picture>` counts once, an `<img>` outside one once. */
function imagesIn(element: DefaultTreeAdapterMap['element']): number {
  if (element.tagName === 'img' || element.tagName === 'picture') return 1;
  let count = 0;
  for (const child of element.childNodes) {
    if ('tagName' in child) count += imagesIn(child);
  }
  return count;
}

/** The stored fields of an item, cleaned and cut; the body without agency images, sanitised (a refused body is left out, the summary kept). */
async function fieldsOf(
  item: WireItemInput,
  agencyKey: string,
  arrivedAt: Date,
  sanitize: BodySanitizer,
  warnings: string[],
): Promise<Omit<WireItemFields, 'status'>> {
  const label = cut(cleanLine(item.guid), 200);
  const sentHeadline = cleanLine(item.headline);
  const headline = wireHeadline(sentHeadline);
  if (headline !== sentHeadline) {
    warnings.push(
      `${label}: headline of ${charLength(sentHeadline)} characters shortened at a word to ${charLength(headline)}`,
    );
  }
  const summary = cut(cleanText(item.summary).trim(), LIMITS.summary);
  let bodyHtml = '';
  let droppedImages = 0;
  if (item.bodyHtml.trim() !== '') {
    try {
      const withoutImages = withoutAgencyImages(cleanText(item.bodyHtml));
      droppedImages = withoutImages.dropped;
      bodyHtml = await bodyHtmlOf(withoutImages.html, sanitize);
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
    droppedImages,
  };
}

/**
 * Stores the items a poll of source `sourceId` read, in order:
 *
 * - a new agency + guid is added, filed under the source's section,
 *   unless the agency sent the same headline (`wireStoryKey`) in the last
 *   48 hours: then it is a duplicate, counted and not stored (a headline
 *   of one or two words, such as «عاجل», is too common to tell), but the
 *   item kept (the story's most recently changed) records the copy: its
 *   source's name and guid in `also_from`, once per source and guid (a
 *   feed brings the same copy at every poll), at most 100;
 * - a known agency + guid (from this source or another of the same
 *   agency) is updated when `copyReplaces` says so (a newer version, the
 *   same version with another publishing status, or, without versions, a
 *   changed headline, summary, body or status not older than the stored
 *   copy and not equally dated from another source): its fields,
 *   `updated_at` (= `arrivedAt`) and update count change, its use stays;
 *   else it is unchanged.
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
    const fields: WireItemFields = {
      ...(await fieldsOf(item, agencyKey, arrivedAt, sanitize, report.warnings)),
      status: WIRE_PUB_STATUSES.includes(item.status) ? item.status : 'usable',
    };
    if (fields.headline === '') {
      report.warnings.push(`${cut(cleanLine(item.guid), 200)}: no headline, skipped`);
      continue;
    }
    const guid = cut(cleanLine(item.guid), LIMITS.guid) || `sha256:${fields.storyKey}`;
    const stored = await findWireItemByGuid(db, agencyKey, guid);
    if (stored) {
      if (copyReplaces(stored, fields, sourceId)) {
        await updateWireItem(db, stored.id, fields, arrivedAt);
        report.updated += 1;
      } else report.unchanged += 1;
      continue;
    }
    const since = new Date(arrivedAt.getTime() - WIRE_DUPLICATE_WINDOW_MS);
    const kept =
      fields.headline.split(' ').length >= DUPLICATE_MIN_WORDS
        ? await findRecentStory(db, agencyKey, fields.storyKey, since)
        : null;
    if (kept !== null) {
      // The same guid is no copy: another instance stored this item between the two looks.
      if (kept.guid !== guid) await recordWireCopy(db, kept.id, { source: source.name, guid });
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

/**
 * True when the copy of an item that source `sourceId` brought (`fields`)
 * replaces the copy stored (see ingestWireItems):
 *
 * - both versioned: a newer version, or the same version with another
 *   publishing status (an agency withdraws an item without renumbering it);
 * - else only when the headline, summary, sanitised body or status
 *   differ, and then by the agency's dates (when neither is estimated):
 *   an older copy never replaces; an equally dated one only from the
 *   stored copy's own source (a correction), never from another source of
 *   the agency (two feeds carrying one guid would otherwise replace each
 *   other at every poll); a later one does. Without both dates, only a
 *   copy from the stored copy's source replaces it.
 */
export function copyReplaces(
  stored: Pick<
    StoredWireItem,
    | 'sourceId'
    | 'version'
    | 'headline'
    | 'summary'
    | 'bodyHtml'
    | 'sentAt'
    | 'timeEstimated'
    | 'status'
  >,
  fields: WireItemFields,
  sourceId: string,
): boolean {
  const statusChanged = stored.status !== fields.status;
  if (stored.version !== null && fields.version !== null)
    return fields.version > stored.version || (fields.version === stored.version && statusChanged);
  const changed =
    statusChanged ||
    stored.headline !== fields.headline ||
    stored.summary !== fields.summary ||
    stored.bodyHtml !== fields.bodyHtml;
  if (!changed) return false;
  const sameSource = stored.sourceId === sourceId;
  if (stored.timeEstimated || fields.timeEstimated) return sameSource;
  const incoming = fields.sentAt.getTime();
  const held = stored.sentAt.getTime();
  if (incoming !== held) return incoming > held;
  return sameSource;
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
        status: row.status,
      };
    }
    left -= rows.length;
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < 500) return;
    after = { sentAt: last.sentAt, id: last.id };
  }
}
