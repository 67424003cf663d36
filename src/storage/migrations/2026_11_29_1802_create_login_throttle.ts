import type { Kysely } from 'kysely';
import { timestampType } from '../dialects/migration-types.js';

/**
 * Failed sign-ins counted per account and per address, in the database so
 * that every app instance sees the same counts. `key` is `account:<email>`
 * or `address:<sha-256 of the IP>`: no address is stored in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', timestampType(db), (c) => c.notNull())
    .addColumn('locked_until', timestampType(db))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').ifExists().execute();
}
