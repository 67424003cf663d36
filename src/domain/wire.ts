/**
 * The wire desk (issue 18): the agencies' sources the site reads, the queue
 * of their items, and who may do what with it. Items arrive as
 * `WireItemInput` (wire-item.ts) and are stored by services/wire-queue.ts;
 * an editor turns one into a draft (services/wire-draft.ts).
 */
import type { ArticleId } from './article-id.js';
import type { WirePubStatus } from './wire-item.js';

/** Where a source's documents come from. */
export type WireSourceKind = 'url' | 'folder';

/** Fewest and most minutes between two polls of a source. */
export const WIRE_EVERY_MINUTES = { min: 1, max: 1440, default: 5 } as const;
/** Longest source name and agency name, in characters. */
export const WIRE_NAME_MAX = 80;
export const WIRE_AGENCY_MAX = 120;
/** Longest URL of a feed, in characters. */
export const WIRE_URL_MAX = 2000;
/** Longest wait after failures in a row, ms (the backoff's ceiling: 6 hours). */
export const WIRE_BACKOFF_MAX_MS = 6 * 60 * 60 * 1000;
/** How long after an item a new one with the same headline from the same agency is a duplicate, ms. */
export const WIRE_DUPLICATE_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Items per page of the queue. */
export const WIRE_QUEUE_PAGE_SIZE = 50;
/** Days an item stays in the queue after its last change at the source (config `wireRetentionDays`). */
export const WIRE_RETENTION_DAYS_DEFAULT = 7;
/** Most dropped copies of a story an item remembers (`also_from`); later ones are neither counted nor named. */
export const WIRE_COPIES_MAX = 100;

/** A copy of a story the agency sent under another guid, dropped as a duplicate of the item kept. */
export interface WireCopy {
  /** The name of the source it came from. */
  source: string;
  guid: string;
}

/**
 * The sources the dropped copies came from, each with how many, in the
 * order they first arrived: `[{ source: 'sana-eco', copies: 2 }]`.
 */
export function wireCopiesBySource(
  copies: readonly WireCopy[],
): Array<{ source: string; copies: number }> {
  const counts = new Map<string, number>();
  for (const copy of copies) counts.set(copy.source, (counts.get(copy.source) ?? 0) + 1);
  return [...counts].map(([source, n]) => ({ source, copies: n }));
}

/**
 * When a source that failed `failures` times in a row (1 after the first
 * failure) is polled again: `every * 2^failures` minutes, at most 6 hours.
 * @example wireBackoffMs(5, 1) === 10 * 60_000; wireBackoffMs(5, 10) === 6 * 3_600_000
 */
export function wireBackoffMs(everyMinutes: number, failures: number): number {
  const factor = 2 ** Math.min(Math.max(failures, 0), 20);
  return Math.min(everyMinutes * 60_000 * factor, WIRE_BACKOFF_MAX_MS);
}

/** A section as the desk shows it. */
export interface WireSection {
  id: string;
  slug: string;
  name: string;
}

/** An agency's feed or folder, with its polling state. */
export interface WireSource {
  id: string;
  /** Unique; what the CLI and the newsroom call it (`sana-ar`). */
  name: string;
  /** The agency as readers should read it («سانا»); its trimmed lower-cased form keys the items. */
  agency: string;
  kind: WireSourceKind;
  /** The feed's address (kind `url`), else null. */
  url: string | null;
  /** The folder's absolute path (kind `folder`), else null. */
  folder: string | null;
  /** The section new items are filed under; null when none. */
  section: WireSection | null;
  everyMinutes: number;
  enabled: boolean;
  /** The feed may be on a loopback or private address. */
  allowPrivate: boolean;
  /** Validators of the last full answer, sent back as `If-None-Match`/`If-Modified-Since`. */
  etag: string | null;
  lastModified: string | null;
  /** When it is next due. */
  nextPollAt: Date;
  /** Held by a polling instance until then; null when free. */
  leaseUntil: Date | null;
  /** Failed polls in a row (0 after a success). */
  failures: number;
  lastPolledAt: Date | null;
  lastOkAt: Date | null;
  /** The last failure's English message; null after a success. */
  lastError: string | null;
  /** Items the last successful poll read. */
  lastItemCount: number;
  createdAt: Date;
}

/** A new source as the newsroom or the CLI gives it (unchecked: the service checks every field). */
export interface WireSourceInput {
  name: string;
  agency: string;
  /** Exactly one of `url` and `folder`. */
  url?: string | null;
  folder?: string | null;
  /** A section's slug; null or absent: none. */
  sectionSlug?: string | null;
  everyMinutes?: number;
  enabled?: boolean;
  allowPrivate?: boolean;
}

/** What may change on a source (its address does not: remove it and add another). */
export interface WireSourceChanges {
  name?: string;
  agency?: string;
  sectionSlug?: string | null;
  everyMinutes?: number;
  enabled?: boolean;
}

/** Which items of the queue to show. */
export interface WireQueueFilter {
  /** Words to find (analysed as the site's search: الاسد finds الأسد); every word must match. */
  q?: string;
  sourceId?: string;
  /** An agency's name, in any case. */
  agency?: string;
  sectionId?: string;
  /** `all` (default), `unused` (no draft made of it yet) or `used`. */
  used?: 'all' | 'unused' | 'used';
  /** 1-based. */
  page?: number;
}

/** Who made a draft of an item, and which. */
export interface WireItemUse {
  articleId: ArticleId;
  userId: string | null;
  userName: string | null;
  at: Date;
  /** The article made from the item is published (readers see it). */
  published: boolean;
}

/** An item as the queue lists it. */
export interface WireQueueItem {
  id: string;
  sourceId: string;
  sourceName: string;
  agency: string;
  guid: string;
  version: number | null;
  headline: string;
  slugline: string;
  /** The start of the summary or of the text, one line, at most 200 characters. */
  firstWords: string;
  section: WireSection | null;
  /** When the agency sent it (or, `timeEstimated`, when it arrived). */
  sentAt: Date;
  /** The offset the agency wrote the time with, minutes east of UTC; null when unknown. */
  sentOffsetMinutes: number | null;
  timeEstimated: boolean;
  receivedAt: Date;
  /** Its last change at the source (= receivedAt until it is updated). */
  updatedAt: Date;
  /** Times the agency updated it. */
  updateCount: number;
  /** The agency changed it after someone made a draft of it. */
  updatedAfterUse: boolean;
  link: string | null;
  used: WireItemUse | null;
  /** The agency's publishing status: `canceled` (withdrawn) and `withheld` must not be published. */
  status: WirePubStatus;
  /** Copies of the story dropped as duplicates (see WireItemDetail.copies). */
  duplicateCount: number;
}

/** An item whole, for its page. */
export interface WireItemDetail extends WireQueueItem {
  byline: string;
  summary: string;
  /** Sanitised. */
  bodyHtml: string;
  bodyText: string;
  language: string | null;
  subjects: string[];
  /** Images of the agency's body left out (their rights differ): the desk says so. */
  droppedImages: number;
  /** The dropped copies of the story (at most WIRE_COPIES_MAX), in arrival order. */
  copies: WireCopy[];
}

/** A page of the queue. */
export interface WireQueuePage {
  items: WireQueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** What a person may do on the desk. */
export interface WireDeskAccess {
  /** Read the queue and items: editors and administrators, or everyone in the newsroom when opened to writers. */
  see: boolean;
  /** Make drafts of items: editors and administrators. */
  use: boolean;
  /** Add, change and remove sources, open the desk: administrators. */
  manage: boolean;
}

/** One item as `midad wire queue --json` writes it (one JSON object a line). */
export interface WireQueueJson {
  source: string;
  agency: string;
  guid: string;
  version: number | null;
  headline: string;
  /** ISO-8601 UTC. */
  time: string;
  timeEstimated: boolean;
  /** The section's slug, or null. */
  section: string | null;
  text: string;
  link: string | null;
  /** ISO-8601 UTC of the last change at the source, or null when never updated. */
  updatedAtSource: string | null;
  usedArticleId: string | null;
  /** The agency's publishing status: `usable`, `withheld` or `canceled` (withdrawn). */
  status: WirePubStatus;
}

/** The outcome of one poll of a source, for `recordPoll`. */
export type WirePollOutcome =
  | {
      ok: true;
      etag?: string | null;
      lastModified?: string | null;
      /** The server answered 304: nothing new (validators kept). */
      notModified: boolean;
      itemCount: number;
      /**
       * What the round refused without failing (a folder's file that is a
       * package or in a wrong encoding), in short English: shown as the
       * source's last error, with no backoff; null or absent when nothing was.
       */
      refused?: string | null;
    }
  | { ok: false; error: string };

/** What one ingest did. */
export interface WireIngestReport {
  /** New items stored. */
  added: number;
  /** Items the agency changed (a newer version, or a changed headline or text). */
  updated: number;
  /** New guids whose headline the agency sent in the last 48 hours (not stored). */
  duplicates: number;
  /** Items already in the queue as they are. */
  unchanged: number;
}

/** The notice an article made from an item shows in the editor. */
export interface WireNotice {
  itemId: string;
  agency: string;
  /** When the change after the draft was made reached us (our arrival time); null when there was none. */
  updatedAtSource: Date | null;
  /**
   * The agency's own time of that change (the new version's sent time);
   * null when there was none or the agency gave no time.
   */
  agencyUpdatedAt: Date | null;
  /** The item's publishing status now: `canceled`/`withheld`, the draft must not be published. */
  status: WirePubStatus;
  /** The article is published: a withdrawn item's article must be unpublished or corrected. */
  articlePublished: boolean;
}
