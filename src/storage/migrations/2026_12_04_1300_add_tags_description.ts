import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * A tag's description, shown under its name on its page (plain text, ''
 * when none), as sections have had since 2026_12_03_2100. Idempotent: a
 * column already there is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table tags add column if not exists description text not null default ''`.execute(
      db,
    );
    return;
  }
  if (!(await hasDescription(db))) {
    await db.schema
      .alterTable('tags')
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table tags drop column if exists description`.execute(db);
    return;
  }
  if (await hasDescription(db))
    await db.schema.alterTable('tags').dropColumn('description').execute();
}

/** True when `tags` has a `description` column (SQLite). */
async function hasDescription(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info('tags')`.execute(
    db,
  );
  return rows.some((r) => r.name === 'description');
}
