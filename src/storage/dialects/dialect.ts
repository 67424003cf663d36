/**
 * What differs between the SQL engines Midad runs on. Everything
 * dialect-specific lives in this folder; callers see only `Database`.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../tables/schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the query builder, its dialect, and how to close it. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly dialect: DialectName;
  /** Closes every connection; pending queries finish first. */
  close(): Promise<void>;
}
