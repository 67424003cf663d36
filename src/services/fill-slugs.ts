/**
 * Gives the news articles that have no slug (imported before imports made
 * one) the slug the newsroom would give them: their headline's, made unique
 * (services/article-slug.ts). Used by `midad fill-slugs`. Their short link
 * `/a/<id>` keeps working; their canonical address becomes `/a/<id>/<slug>`.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { Database } from '../storage/database.js';
import {
  countArticlesWithoutSlug,
  listArticlesWithoutSlug,
  setSlugWhereNone,
} from '../storage/repositories/article-slugs.repository.js';
import { freeArticleSlug, importSlugBase, type SlugHints } from './article-slug.js';

/** Articles given a slug per transaction. */
export const FILL_SLUGS_BATCH = 500;

/**
 * Fills the missing slugs, a batch per transaction. An article whose
 * headline has no letter or digit keeps none. `onProgress` is called after
 * each batch with the articles looked at and the total without a slug.
 * @returns how many articles got a slug.
 */
export async function fillMissingSlugs(
  database: Database,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const total = await countArticlesWithoutSlug(database.db);
  let filled = 0;
  let seen = 0;
  let after: ArticleId | null = null;
  for (;;) {
    const rows = await listArticlesWithoutSlug(database.db, after, FILL_SLUGS_BATCH);
    if (rows.length === 0) break;
    filled += await database.db.transaction().execute(async (trx) => {
      let n = 0;
      const hints: SlugHints = new Map();
      for (const row of rows) {
        const base = importSlugBase(null, row.headline);
        if (base === '') continue;
        await setSlugWhereNone(trx, row.id, await freeArticleSlug(trx, base, row.id, hints));
        n++;
      }
      return n;
    });
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
    onProgress(seen, total);
  }
  return filled;
}
