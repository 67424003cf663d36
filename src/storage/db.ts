/**
 * The one type every repository function takes first.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './tables/schema.js';

/**
 * The query builder or an open transaction: a repository function runs the
 * same either way, so a service decides whether several calls share one
 * transaction (`db.transaction().execute((trx) => ...)`).
 */
export type Db = Kysely<Schema> | Transaction<Schema>;
