import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/migration-types.js';

/**
 * Why a push alert was sent (issue 20): `published` (to its section's
 * followers), `breaking` (marked breaking news) or `manual` (an editor's
 * «إرسال تنبيه»). The daily cap counts `breaking` and `manual` alerts
 * only. An index on (reason, created_at) answers the cap's count.
 * Idempotent: a column or index already there is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table push_alerts add column if not exists reason text not null default 'published'`.execute(
      db,
    );
  } else if (!(await hasReason(db))) {
    await db.schema
      .alterTable('push_alerts')
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo('published'))
      .execute();
  }
  await db.schema
    .createIndex('push_alerts_reason_created_idx')
    .ifNotExists()
    .on('push_alerts')
    .columns(['reason', 'created_at'])
    .execute();
}

/** Drops the index and the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('push_alerts_reason_created_idx').ifExists().execute();
  if (isPostgres(db)) {
    await sql`alter table push_alerts drop column if exists reason`.execute(db);
    return;
  }
  if (await hasReason(db)) await db.schema.alterTable('push_alerts').dropColumn('reason').execute();
}

/** True when `push_alerts` has a `reason` column (SQLite). */
async function hasReason(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{
    name: string;
  }>`select name from pragma_table_info('push_alerts')`.execute(db);
  return rows.some((r) => r.name === 'reason');
}
