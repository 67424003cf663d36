import { sql, type Kysely } from 'kysely';
import { addColumnIfMissing, dropColumnIfPresent } from '../dialects/migration-types.js';

/**
 * A tag's description, shown under its name on its page (plain text, ''
 * when none), as sections have had since 2026_12_03_2100. Idempotent: a
 * column already there is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumnIfMissing(db, 'tags', 'description', sql`text not null default ''`);
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await dropColumnIfPresent(db, 'tags', 'description');
}
