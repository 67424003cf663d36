/**
 * TEMPORARY STUB (H3, branch i19-machines): the read side of H1's
 * services/live-coverage.ts, by the shared plan's signatures, so that feeds
 * and the Content API can be written before i19-core lands. Removed before
 * merging i19-core (H1's file replaces it).
 */
import type { ArticleId } from '../domain/article-id.js';
import type { LiveUpdate } from '../domain/live-coverage.js';
import type { Database } from '../storage/database.js';
import {
  bindId,
  toArticleIdValue,
  toDate,
  toIdString,
  toInt,
} from '../storage/repositories/convert.js';

/** The updates of article `id`, newest first (created_at desc, number desc). */
export async function listLiveUpdates(
  deps: { database: Database },
  id: ArticleId,
  options: { limit?: number; beforeNumber?: number; afterNumber?: number } = {},
): Promise<LiveUpdate[]> {
  let query = deps.database.db
    .selectFrom('live_updates')
    .leftJoin('users', 'users.id', 'live_updates.author_id')
    .select([
      'live_updates.id',
      'live_updates.article_id',
      'live_updates.number',
      'live_updates.headline',
      'live_updates.body_html',
      'live_updates.author_id',
      'live_updates.is_key',
      'live_updates.pinned',
      'live_updates.created_at',
      'live_updates.updated_at',
      'users.display_name as author_name',
      'users.slug as author_slug',
    ])
    .where('live_updates.article_id', '=', bindId(id));
  if (options.beforeNumber !== undefined)
    query = query.where('live_updates.number', '<', options.beforeNumber);
  if (options.afterNumber !== undefined)
    query = query.where('live_updates.number', '>', options.afterNumber);
  const rows = await query
    .orderBy('live_updates.created_at', 'desc')
    .orderBy('live_updates.number', 'desc')
    .limit(options.limit ?? 500)
    .execute();
  return rows.map((row) => ({
    id: toIdString(row.id),
    articleId: toArticleIdValue(row.article_id),
    number: toInt(row.number),
    headline: row.headline,
    bodyHtml: row.body_html,
    author:
      row.author_id !== null && row.author_name !== null && row.author_slug !== null
        ? { id: toIdString(row.author_id), name: row.author_name, slug: row.author_slug }
        : null,
    key: toInt(row.is_key) === 1,
    pinned: toInt(row.pinned) === 1,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  }));
}

/** How many updates article `id` has. */
export async function countLiveUpdates(
  deps: { database: Database },
  id: ArticleId,
): Promise<number> {
  const row = await deps.database.db
    .selectFrom('live_updates')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('article_id', '=', bindId(id))
    .executeTakeFirstOrThrow();
  return toInt(row.n as bigint | number | string);
}
