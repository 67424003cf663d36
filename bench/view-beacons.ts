/**
 * View beacons as the article page's script sends them (`POST
 * /views/<id>`, navigator.sendBeacon()), and the stored view count they
 * should raise. The bench sends each beacon from a visitor of its own (its
 * own user-agent and address, bench/wrk.ts `visitors`): the site counts a
 * visitor's view of an article once in 30 minutes, so every one must
 * count. The count is read from the database before the beacons and after
 * the server's graceful stop, which writes the buffered counts.
 */
import { toArticleId } from '../src/domain/article-id.js';
import { openDatabase } from '../src/storage/database.js';
import { findViewCount } from '../src/storage/repositories/article-views.repository.js';

/**
 * The headers a browser adds to a beacon sent from the article page at
 * `articlePath` of `origin` (user-agent and address come per visitor).
 */
export function beaconHeaders(origin: string, articlePath: string): Record<string, string> {
  return {
    accept: '*/*',
    origin,
    referer: `${origin}${articlePath}`,
    'sec-fetch-site': 'same-origin',
    'sec-fetch-mode': 'no-cors',
    'sec-fetch-dest': 'empty',
  };
}

/** The stored view count of article `id` in the database `target`. */
export async function storedViews(
  target: { file: string } | { url: string },
  id: string,
): Promise<number> {
  const database = await openDatabase(
    'url' in target ? { file: '', url: target.url, migrate: false } : { ...target, migrate: false },
  );
  try {
    return (await findViewCount(database.db, toArticleId(id))) ?? 0;
  } finally {
    await database.close();
  }
}
