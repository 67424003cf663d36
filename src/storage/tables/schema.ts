/**
 * Row types of every table, as Kysely sees them.
 *
 * Integers that may exceed 2^53 (ids, counters) arrive as `bigint` from
 * SQLite (safe-integer mode) and as `string` from PostgreSQL's bigint;
 * repositories convert them. Times are ISO-8601 UTC strings when written;
 * PostgreSQL returns `Date` for timestamptz columns.
 */
import type { ColumnType, Generated } from 'kysely';

/** An integer column as read from either dialect. */
export type DbInt = bigint | number | string;
/** An id column: written as a bigint, read as bigint (SQLite) or string (PostgreSQL). */
export type DbId = ColumnType<DbInt, bigint, bigint>;
/** A generated id column. */
export type DbGeneratedId = ColumnType<DbInt, bigint | undefined, never>;
/** A timestamp: ISO string in, string (SQLite) or Date (PostgreSQL) out. */
export type DbTime = ColumnType<string | Date, string, string>;

export interface SectionsTable {
  id: DbGeneratedId;
  slug: string;
  name: string;
  created_at: DbTime;
  parent_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  description: ColumnType<string, string | undefined, string>;
}

export interface ArticlesTable {
  id: DbGeneratedId;
  headline: string;
  headline_key: string;
  excerpt: string;
  body_html: string;
  section_id: ColumnType<DbInt | null, bigint | null, bigint | null>;
  byline: string | null;
  status: string;
  published_at: ColumnType<string | Date | null, string | null, string | null>;
  published_local_time: string | null;
  published_precision: ColumnType<string, string | undefined, string>;
  created_at: DbTime;
  updated_at: DbTime;
  view_count: ColumnType<DbInt, bigint | number | undefined, bigint | number>;
  source_url: string | null;
  slug: string | null;
  seo_title: ColumnType<string, string | undefined, string>;
  seo_description: ColumnType<string, string | undefined, string>;
  featured_media_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  featured_caption: ColumnType<string, string | undefined, string>;
  featured_credit: ColumnType<string, string | undefined, string>;
  scheduled_at: ColumnType<string | Date | null, string | null | undefined, string | null>;
  breaking_until: ColumnType<string | Date | null, string | null | undefined, string | null>;
  created_by: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  preview_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** `article`, or `page` for a static page (`/p/<slug>`). */
  kind: ColumnType<string, string | undefined, string>;
  /** The wire item this article was drafted from (wire desk); null when none or when it left the queue. */
  wire_item_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  /** Live coverage: null (none), `live` or `ended`. */
  live_state: ColumnType<string | null, string | null | undefined, string | null>;
  live_started_at: ColumnType<string | Date | null, string | null | undefined, string | null>;
  live_ended_at: ColumnType<string | Date | null, string | null | undefined, string | null>;
  /** The number the next live update gets (from 1, never reused). */
  live_next_number: ColumnType<DbInt, number | undefined, number>;
  /** When readers last saw a change that matters (dateModified); null: the publish time. */
  modified_at: ColumnType<string | Date | null, string | null | undefined, string | null>;
}

/** One update of a live article (see the live coverage migration). */
export interface LiveUpdatesTable {
  id: DbGeneratedId;
  article_id: DbId;
  number: ColumnType<DbInt, number, number>;
  headline: ColumnType<string, string | undefined, string>;
  body_html: string;
  author_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  is_key: ColumnType<DbInt, number | undefined, number>;
  pinned: ColumnType<DbInt, number | undefined, number>;
  created_at: DbTime;
  updated_at: DbTime;
}

/** A public note of correction or update on an article (see the live coverage migration). */
export interface ArticleNotesTable {
  id: DbGeneratedId;
  article_id: DbId;
  /** `correction` or `update`. */
  kind: string;
  /** Plain text. */
  text: string;
  author_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  created_at: DbTime;
}

/** Views per article, UTC minute and kind of referrer (see the live coverage migration). */
export interface ArticleViewMinutesTable {
  article_id: DbId;
  /** The minute's start, UTC. */
  minute: DbTime;
  /** `search`, `social`, `direct` or `other`. */
  referrer: string;
  views: ColumnType<DbInt, number, number>;
}

export interface TagsTable {
  id: DbGeneratedId;
  slug: string;
  name: string;
  /** Shown under the name on the tag's page (plain text); '' when none. */
  description: ColumnType<string, string | undefined, string>;
}

export interface ArticleTagsTable {
  article_id: DbId;
  tag_id: DbId;
  position: ColumnType<DbInt, number, number>;
  /**
   * 1 when the article is a published news article, else 0; kept by
   * triggers (migration 2026_12_08_1000), never written by the code.
   */
  listed: ColumnType<DbInt, never, never>;
  /** The article's `published_at`, kept by the same triggers. */
  published_at: ColumnType<string | Date | null, never, never>;
}

export interface RelatedLinksTable {
  id: Generated<DbInt>;
  article_id: DbId;
  kind: string;
  position: ColumnType<DbInt, number, number>;
  after_paragraph: ColumnType<DbInt | null, number | null, number | null>;
  headline: string;
  headline_key: string;
  target_id: ColumnType<DbInt | null, bigint | null, bigint | null>;
}

export interface UsersTable {
  id: DbGeneratedId;
  email: string;
  display_name: string;
  slug: string;
  role: string;
  status: string;
  password_hash: string;
  bio: ColumnType<string, string | undefined, string>;
  /** The author's photo: an id of `media` (no constraint; see the migration), or null. */
  photo_media_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  /** JSON array of the author's links (domain/author-links.ts); `[]` when none. */
  links: ColumnType<string, string | undefined, string>;
  created_at: DbTime;
  updated_at: DbTime;
}

export interface SessionsTable {
  id: string;
  user_id: DbId;
  created_at: DbTime;
  last_seen_at: DbTime;
  expires_at: DbTime;
}

export interface LoginThrottleTable {
  key: string;
  failures: ColumnType<DbInt, number, number>;
  window_start: DbTime;
  locked_until: ColumnType<string | Date | null, string | null, string | null>;
}

export interface ArticleAuthorsTable {
  article_id: DbId;
  user_id: DbId;
  position: ColumnType<DbInt, number, number>;
}

export interface ArticleRevisionsTable {
  id: DbGeneratedId;
  article_id: DbId;
  kind: string;
  user_id: ColumnType<DbInt | null, bigint | null, bigint | null>;
  headline: string;
  excerpt: string;
  body_html: string;
  fields_json: string;
  created_at: DbTime;
}

export interface ArticleEventsTable {
  id: DbGeneratedId;
  article_id: DbId;
  user_id: ColumnType<DbInt | null, bigint | null, bigint | null>;
  move: string;
  from_status: string;
  to_status: string;
  at: DbTime;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface MediaTable {
  id: DbGeneratedId;
  uploaded_by: DbId;
  original_name: string;
  mime: string;
  width: ColumnType<DbInt, number, number>;
  height: ColumnType<DbInt, number, number>;
  bytes: ColumnType<DbInt, number, number>;
  alt: ColumnType<string, string | undefined, string>;
  caption: ColumnType<string, string | undefined, string>;
  credit: ColumnType<string, string | undefined, string>;
  /** JSON array of the WebP variants' widths, ascending: `[320,640,800]`. */
  widths: string;
  /** `original.jpg` or `original.png`. */
  original_file: string;
  created_at: DbTime;
}

export interface ApiKeysTable {
  id: DbGeneratedId;
  name: string;
  key_hash: string;
  prefix: string;
  created_by: DbId;
  created_at: DbTime;
  last_used_at: ColumnType<string | Date | null, string | null | undefined, string | null>;
  revoked_at: ColumnType<string | Date | null, string | null | undefined, string | null>;
}

type NullableTime = ColumnType<string | Date | null, string | null | undefined, string | null>;

export interface WebhooksTable {
  id: DbGeneratedId;
  url: string;
  /** Comma-separated event names. */
  events: string;
  secret: string;
  allow_private: ColumnType<DbInt, number | undefined, number>;
  created_by: DbId;
  created_at: DbTime;
  deleted_at: NullableTime;
}

export interface WebhookDeliveriesTable {
  id: DbGeneratedId;
  webhook_id: DbId;
  event: string;
  payload: string;
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<DbInt, number | undefined, number>;
  next_attempt_at: DbTime;
  last_status_code: ColumnType<DbInt | null, number | null | undefined, number | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DbTime;
  finished_at: NullableTime;
}

export interface ArticleViewBucketsTable {
  article_id: DbId;
  /** The hour's start, UTC. */
  hour: DbTime;
  views: ColumnType<DbInt, bigint | number, bigint | number>;
}

/** A spooled batch of views already applied (see its migration). */
export interface AppliedViewBatchesTable {
  id: string;
  applied_at: DbTime;
}

/** Which article an imported post became (see its migration). */
export interface ImportRecordsTable {
  source: string;
  item_key: string;
  article_id: DbId;
  article_updated_at: DbTime;
  imported_at: DbTime;
}

/** The media item an old image URL became. */
export interface ImportedMediaTable {
  source_url: string;
  media_id: DbId;
}

/** An old address answered with a redirect (see its migration). */
export interface RedirectsTable {
  id: DbGeneratedId;
  from_key: string;
  from_path: string;
  to_path: string;
  status_code: ColumnType<DbInt, number | undefined, number>;
  /** `import`, `newsroom` or `csv`. */
  origin: ColumnType<string, string | undefined, string>;
  hits: ColumnType<DbInt, bigint | number | undefined, bigint | number>;
  last_hit_at: NullableTime;
  created_at: DbTime;
}

/** Requests answered 404, per path and UTC day. */
export interface MissedPathsTable {
  path: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  hits: ColumnType<DbInt, number, number>;
}

/** A nullable timestamp. */
type DbTimeOrNull = ColumnType<string | Date | null, string | null | undefined, string | null>;
/** A small integer with a default. */
type DbSmallInt = ColumnType<DbInt, number | undefined, number>;

/** An agency's feed or folder (wire desk, migration 2026_12_04_1500). */
export interface WireSourcesTable {
  id: DbGeneratedId;
  name: string;
  agency: string;
  /** `url` or `folder`. */
  kind: string;
  url: string | null;
  folder: string | null;
  section_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  every_minutes: DbSmallInt;
  /** 0/1. */
  enabled: DbSmallInt;
  /** 0/1. */
  allow_private: DbSmallInt;
  etag: ColumnType<string | null, string | null | undefined, string | null>;
  last_modified: ColumnType<string | null, string | null | undefined, string | null>;
  next_poll_at: DbTime;
  lease_until: DbTimeOrNull;
  failures: DbSmallInt;
  last_polled_at: DbTimeOrNull;
  last_ok_at: DbTimeOrNull;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  last_item_count: DbSmallInt;
  created_at: DbTime;
}

/** An item of the wire queue. */
export interface WireItemsTable {
  id: DbGeneratedId;
  source_id: DbId;
  agency_key: string;
  guid: string;
  version: ColumnType<DbInt | null, number | null, number | null>;
  story_key: string;
  headline: string;
  slugline: string;
  byline: string;
  summary: string;
  body_html: string;
  body_text: string;
  link: string | null;
  language: string | null;
  /** JSON array of strings. */
  subjects: string;
  section_id: ColumnType<DbInt | null, bigint | null, bigint | null>;
  sent_at: DbTime;
  sent_offset_minutes: ColumnType<DbInt | null, number | null, number | null>;
  /** 0/1. */
  time_estimated: ColumnType<DbInt, number, number>;
  received_at: DbTime;
  updated_at: DbTime;
  update_count: DbSmallInt;
  search_keys: string;
  /** 'usable' | 'withheld' | 'canceled'. */
  pub_status: ColumnType<string, string | undefined, string>;
  /** Copies of the story dropped as duplicates. */
  duplicate_count: DbSmallInt;
  /** JSON array of `{ source, guid }`: where the dropped copies came from. */
  also_from: ColumnType<string, string | undefined, string>;
  used_article_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  used_by: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  used_at: DbTimeOrNull;
  /** Images of the agency's body left out (their rights differ). */
  dropped_images: ColumnType<DbInt, number | undefined, number>;
}

/** A file of a folder source already read. */
export interface WireFolderFilesTable {
  source_id: DbId;
  name: string;
  size: ColumnType<DbInt, bigint | number, bigint | number>;
  mtime_ms: ColumnType<DbInt, bigint | number, bigint | number>;
}

/** A browser's Push API subscription (issue 20; see its migration). */
export interface PushSubscriptionsTable {
  id: DbGeneratedId;
  endpoint: string;
  p256dh: string;
  auth: string;
  /** 0/1: it wants breaking news. */
  breaking: ColumnType<DbInt, number | undefined, number>;
  created_at: DbTime;
}

/** A section a push subscription follows. */
export interface PushSubscriptionSectionsTable {
  subscription_id: DbId;
  section_id: DbId;
}

/** A push notification about one article, at most one per article. */
export interface PushAlertsTable {
  id: DbGeneratedId;
  article_id: DbId;
  title: string;
  body: string;
  /** The article's path, `/a/<id>/<slug>`. */
  path: string;
  /** The featured image's URL path, or null. */
  image: string | null;
  created_by: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  created_at: DbTime;
  sent: ColumnType<DbInt, number | undefined, number>;
  failed: ColumnType<DbInt, number | undefined, number>;
  gone: ColumnType<DbInt, number | undefined, number>;
  /** `published`, `breaking` or `manual` (migration 2026_12_06_1100). */
  reason: ColumnType<string, string | undefined, string>;
}

/** An email newsletter's subscriber. */
export interface NewsletterSubscribersTable {
  id: DbGeneratedId;
  /** Lowercased. */
  email: string;
  /** 'pending' | 'active' | 'unsubscribed' | 'bounced' | 'complained'. */
  status: ColumnType<string, string | undefined, string>;
  digest: ColumnType<DbInt, number | undefined, number>;
  breaking: ColumnType<DbInt, number | undefined, number>;
  token: string;
  confirm_expires_at: NullableTime;
  created_at: DbTime;
  confirmed_at: NullableTime;
  unsubscribed_at: NullableTime;
  unsubscribed_edition_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  status_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One newsletter edition. */
export interface NewsletterEditionsTable {
  id: DbGeneratedId;
  /** 'digest' | 'breaking'. */
  kind: string;
  subject: string;
  intro: ColumnType<string, string | undefined, string>;
  /** Comma-separated article ids, in order. */
  article_ids: ColumnType<string, string | undefined, string>;
  /** A breaking edition's article (unique), else null. */
  article_id: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  /** The automatic digest's site date, YYYY-MM-DD (unique with kind), else null. */
  digest_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'draft' | 'scheduled' | 'sending' | 'sent'. */
  status: ColumnType<string, string | undefined, string>;
  scheduled_for: NullableTime;
  created_by: ColumnType<DbInt | null, bigint | null | undefined, bigint | null>;
  created_at: DbTime;
  sent_at: NullableTime;
  sent: ColumnType<DbInt, number | undefined, number>;
  failed: ColumnType<DbInt, number | undefined, number>;
}

/** One message to send on a channel (push, email, telegram): the outbox. */
export interface OutboxMessagesTable {
  id: DbGeneratedId;
  channel: string;
  /** 'article' | 'edition'. */
  subject_kind: string;
  subject_id: DbId;
  /** A push subscription's or a subscriber's id; 0 for the Telegram channel. */
  recipient_id: DbId;
  /** 'pending' | 'sent' | 'failed' | 'gone'. */
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<DbInt, number | undefined, number>;
  next_attempt_at: DbTime;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DbTime;
  finished_at: NullableTime;
  /** Why a Telegram post was queued: 'manual' | 'section' | 'breaking'; null otherwise. */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Schema {
  push_subscriptions: PushSubscriptionsTable;
  push_subscription_sections: PushSubscriptionSectionsTable;
  push_alerts: PushAlertsTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_editions: NewsletterEditionsTable;
  outbox_messages: OutboxMessagesTable;
  live_updates: LiveUpdatesTable;
  article_notes: ArticleNotesTable;
  article_view_minutes: ArticleViewMinutesTable;
  wire_sources: WireSourcesTable;
  wire_items: WireItemsTable;
  wire_folder_files: WireFolderFilesTable;
  import_records: ImportRecordsTable;
  imported_media: ImportedMediaTable;
  redirects: RedirectsTable;
  missed_paths: MissedPathsTable;
  article_view_buckets: ArticleViewBucketsTable;
  applied_view_batches: AppliedViewBatchesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  api_keys: ApiKeysTable;
  article_authors: ArticleAuthorsTable;
  article_revisions: ArticleRevisionsTable;
  article_events: ArticleEventsTable;
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  sections: SectionsTable;
  articles: ArticlesTable;
  tags: TagsTable;
  article_tags: ArticleTagsTable;
  related_links: RelatedLinksTable;
  media: MediaTable;
}
