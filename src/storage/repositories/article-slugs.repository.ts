/**
 * News articles without a slug (imported before imports gave one), read a
 * batch at a time in id order, and the write that gives one its slug.
 * Functions take the query builder (or a transaction) first.
 */
import type { ArticleId } from '../../domain/article-id.js';
import type { Db } from '../db.js';
import { bindId, toArticleIdValue } from './convert.js';

/** Up to `limit` news articles without a slug, after id `afterId` (null: from the start), in id order. */
export async function listArticlesWithoutSlug(
  db: Db,
  afterId: ArticleId | null,
  limit: number,
): Promise<Array<{ id: ArticleId; headline: string }>> {
  let query = db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('kind', '=', 'article')
    .where('slug', 'is', null);
  if (afterId !== null) query = query.where('id', '>', bindId(afterId));
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((row) => ({ id: toArticleIdValue(row.id), headline: row.headline }));
}

/** How many news articles have no slug. */
export async function countArticlesWithoutSlug(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('kind', '=', 'article')
    .where('slug', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Gives article `id` its slug when it still has none. The last change is
 * left as it is: the story did not change, and sitemaps must not say it did.
 */
export async function setSlugWhereNone(db: Db, id: ArticleId, slug: string): Promise<void> {
  await db
    .updateTable('articles')
    .set({ slug })
    .where('id', '=', bindId(id))
    .where('slug', 'is', null)
    .execute();
}
