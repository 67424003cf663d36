import type { Kysely } from 'kysely';

/**
 * How much of `published_at` is known: `minute`, or `day` when the source
 * printed a date without a time (the instant is then local midnight, and
 * pages show the date alone).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('articles')
    .addColumn('published_precision', 'text', (c) => c.notNull().defaultTo('minute'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('published_precision').execute();
}
