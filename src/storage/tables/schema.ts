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
}

export interface TagsTable {
  id: DbGeneratedId;
  slug: string;
  name: string;
}

export interface ArticleTagsTable {
  article_id: DbId;
  tag_id: DbId;
  position: ColumnType<DbInt, number, number>;
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

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  sections: SectionsTable;
  articles: ArticlesTable;
  tags: TagsTable;
  article_tags: ArticleTagsTable;
  related_links: RelatedLinksTable;
}
