/**
 * Sections: lookup and creation by slug.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Section } from '../../domain/article.js';
import type { Schema } from '../tables/schema.js';
import { fromDate, toIdString } from './convert.js';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Returns the section with `slug`, creating it with `name` when missing. */
export async function ensureSection(
  db: Db,
  input: { slug: string; name: string },
  now: Date,
): Promise<Section> {
  const existing = await db
    .selectFrom('sections')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', input.slug)
    .executeTakeFirst();
  if (existing) return { id: toIdString(existing.id), slug: existing.slug, name: existing.name };
  const row = await db
    .insertInto('sections')
    .values({ slug: input.slug, name: input.name, created_at: fromDate(now) })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
  return { id: toIdString(row.id), slug: row.slug, name: row.name };
}
