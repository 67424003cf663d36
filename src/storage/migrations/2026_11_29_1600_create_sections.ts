import type { Kysely } from 'kysely';
import { timestampType, withIdColumn } from '../dialects/migration-types.js';

/** Sections of the newspaper (سياسة، اقتصاد، ...), each with a unique slug. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('sections').ifNotExists())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sections').ifExists().execute();
}
